using System.Globalization;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime.CredentialManagement;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>One setting of a profile: its value and where it was written.</summary>
internal sealed record AwsSetting(string Key, string Value, AwsIniFile File, int Line)
{
    /// <summary>"line 3 of "/home/u/.aws/config"".</summary>
    public string Where => string.Create(CultureInfo.InvariantCulture, $"line {Line} of {File.Shown}");
}

/// <summary>A profile as AWSSDK.Core, the AWS CLI and the JS SDK all read it (the files agreed, or it would not exist).</summary>
internal sealed class AwsProfileView(string name, IReadOnlyDictionary<string, AwsSetting> settings)
{
    public string Name { get; } = name;

    /// <summary>Settings by lower-case key; a key in both files comes from the credentials file.</summary>
    public IReadOnlyDictionary<string, AwsSetting> Settings { get; } = settings;

    public AwsSetting? Get(string key) => Settings.TryGetValue(key, out var setting) && setting.Value.Length > 0 ? setting : null;

    public string? Value(string key) => Get(key)?.Value;

    public bool Has(string key) => Get(key) is not null;
}

/// <summary>What looking a profile up found.</summary>
/// <param name="Profile">The profile, or null when there is none (or the files disagree about it).</param>
/// <param name="Problems">Where the files are ambiguous or read differently by the tools, each naming the file and line.</param>
/// <param name="Hint">For a missing profile: a section that looks meant for it (<c>[cc]</c> in the config file), or null.</param>
internal sealed record AwsProfileLookup(AwsProfileView? Profile, IReadOnlyList<ConfigurationProblem> Problems, string? Hint);

/// <summary>
/// The profiles of the shared files as the runtime uses them, and the checks that keep status and a launched Claude
/// Code from disagreeing: where AWSSDK.Core, the AWS CLI and the JS SDK read a profile differently, or the file is
/// ambiguous, the lookup returns a problem naming the file and line instead of a profile. Profiles reach AWSSDK.Core as
/// <see cref="CredentialProfile"/> objects (<see cref="ICredentialProfileSource"/>), so its credential classes resolve them.
/// </summary>
/// <remarks>
/// What is refused, and why (docs/transport.md has the table):
/// <list type="bullet">
/// <item>a section written twice in one file: the AWS CLI refuses the file, AWSSDK takes the first, the JS SDK merges
/// both with the later winning;</item>
/// <item><c>[default]</c> and <c>[profile default]</c> both in the config file;</item>
/// <item>a key written twice in a section: the AWS CLI refuses, AWSSDK drops the whole profile, the JS SDK takes the later;</item>
/// <item>an inline comment after a value (<c>aws_access_key_id = AKIA… # main</c>): the JS SDK strips it, AWSSDK and the AWS
/// CLI keep it as part of the value;</item>
/// <item>a value in quotes: every tool keeps the quotes, which no key id, secret, ARN or profile name contains;</item>
/// <item>a key in capitals (<c>AWS_ACCESS_KEY_ID = …</c>): the JS SDK does not read it;</item>
/// <item>an indented key, or any key after an empty <c>key =</c> line: the JS SDK files them under a sub-section;</item>
/// <item>a section name with extra spaces (<c>[profile  cc]</c>, <c>[ default ]</c>): AWSSDK trims, the others do not;</item>
/// <item>a line that is not a section, <c>key = value</c> or comment, or a setting before the first section: AWSSDK
/// (respectively the AWS CLI) refuses the whole file;</item>
/// <item>a key id, secret or session token with whitespace, control, non-ASCII or quote characters inside.</item>
/// </list>
/// </remarks>
internal sealed partial class AwsProfileStore(AwsFiles files) : ICredentialProfileSource
{
    /// <summary>The keys whose values the runtime (or the child's SDK) uses to find credentials; only these are checked.</summary>
    public static readonly IReadOnlySet<string> CredentialKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "role_arn", "source_profile", "credential_source",
        "credential_process", "web_identity_token_file", "role_session_name", "external_id", "mfa_serial", "sso_session",
        "sso_start_url", "sso_region", "sso_account_id", "sso_role_name", "sso_registration_scopes", "region",
    };

    private static readonly string[] SecretKeys = ["aws_access_key_id", "aws_secret_access_key", "aws_session_token"];

    public AwsFiles Files { get; } = files;

    /// <summary>Problems of the files as a whole (lines no tool reads the same way), each once.</summary>
    public IReadOnlyList<ConfigurationProblem> FileProblems { get; } = FileLevelProblems(files);

    /// <summary>Looks up profile <paramref name="name"/> (with its <c>[sso-session]</c> settings merged in, as AWSSDK does).</summary>
    public AwsProfileLookup Find(string name)
    {
        var problems = new List<ConfigurationProblem>(FileProblems);
        var credentialSections = Matching(Files.Credentials, header => header == name, h => h.Trim() == name, problems, name);
        var configSections = Files.Config is null ? []
            : name == "default"
                ? Matching(Files.Config, header => header is "default" or "profile default", h => DefaultHeader().IsMatch(h), problems, name)
                : Matching(Files.Config, header => header == "profile " + name, h => ProfileHeader().Match(h) is { Success: true } m && m.Groups["name"].Value.Trim() == name, problems, name);

        if (name == "default" && configSections.Count == 2 && configSections[0].Header != configSections[1].Header)
        {
            problems.Add(Problem(Files.Config!, $"{Files.Config!.Shown} has both [default] (line {Line(configSections, "default")}) and [profile default] "
                + $"(line {Line(configSections, "profile default")}); tools differ on which one counts: keep one of them"));
        }

        if (credentialSections.Count == 0 && configSections.Count == 0)
        {
            return new AwsProfileLookup(null, problems, HintFor(name));
        }

        var settings = new Dictionary<string, AwsSetting>(StringComparer.Ordinal);
        foreach (var (file, sections) in new[] { (Files.Config, configSections), (Files.Credentials, credentialSections) })
        {
            foreach (var section in sections)
            {
                CheckSection(file!, section, name, problems);
                foreach (var property in section.Properties)
                {
                    settings[property.NormalizedKey] = new AwsSetting(property.NormalizedKey, property.Value, file!, property.Line);
                }
            }
        }

        if (problems.Count > 0)
        {
            return new AwsProfileLookup(null, problems, null);
        }

        if (settings.TryGetValue("sso_session", out var session) && session.Value.Length > 0)
        {
            MergeSsoSession(session, settings, problems);
        }

        return new AwsProfileLookup(problems.Count > 0 ? null : new AwsProfileView(name, settings), problems, null);
    }

    /// <summary>The profile as an AWSSDK.Core <see cref="CredentialProfile"/>, with only the given settings.</summary>
    public static CredentialProfile ToSdkProfile(AwsProfileView profile, params string[] keys)
    {
        string? V(string key) => keys.Length > 0 && !keys.Contains(key) ? null : profile.Value(key);
        var options = new CredentialProfileOptions
        {
            AccessKey = V("aws_access_key_id"),
            SecretKey = V("aws_secret_access_key"),
            Token = V("aws_session_token"),
            RoleArn = V("role_arn"),
            SourceProfile = V("source_profile"),
            CredentialSource = V("credential_source"),
            ExternalID = V("external_id"),
            MfaSerial = V("mfa_serial"),
            RoleSessionName = V("role_session_name"),
            CredentialProcess = V("credential_process"),
            WebIdentityTokenFile = V("web_identity_token_file"),
            SsoAccountId = V("sso_account_id"),
            SsoRegion = V("sso_region"),
            SsoRoleName = V("sso_role_name"),
            SsoStartUrl = V("sso_start_url"),
            SsoSession = V("sso_session"),
            SsoRegistrationScopes = V("sso_registration_scopes"),
        };
        return new CredentialProfile(profile.Name, options) { Region = profile.Value("region") is { } region ? RegionEndpoint.GetBySystemName(region) : null };
    }

    /// <inheritdoc />
    public bool TryGetProfile(string profileName, out CredentialProfile profile)
    {
        var found = Find(profileName).Profile;
        profile = found is null ? null! : ToSdkProfile(found);
        return found is not null;
    }

    /// <summary>Problems with a value the runtime is about to use, naming its line (never the value of a secret).</summary>
    public static ConfigurationProblem Problem(AwsIniFile file, string message) => new(VariableOf(file), message + ".");

    private static string VariableOf(AwsIniFile file) =>
        file.Setting.StartsWith("AWS_", StringComparison.Ordinal) ? file.Setting
        : file.Setting.EndsWith("config", StringComparison.Ordinal) ? AwsVariables.AwsConfigFile
        : AwsVariables.AwsSharedCredentialsFile;

    private static IReadOnlyList<ConfigurationProblem> FileLevelProblems(AwsFiles files)
    {
        var problems = new List<ConfigurationProblem>(files.Problems);
        foreach (var file in new[] { files.Config, files.Credentials })
        {
            if (file is null)
            {
                continue;
            }

            var reasons = new List<string>();
            if (file.StrayLines.Count > 0)
            {
                reasons.Add($"{Lines(file.StrayLines)} {(file.StrayLines.Count == 1 ? "is" : "are")} neither a [section], a `key = value` setting nor a # comment "
                    + "(AWSSDK and the AWS CLI refuse the whole file for that)");
            }

            if (file.OrphanLines.Count > 0)
            {
                reasons.Add($"{Lines(file.OrphanLines)} {(file.OrphanLines.Count == 1 ? "sets a key" : "set keys")} before the first [section], belonging to no profile "
                    + "(the AWS CLI refuses the whole file for that)");
            }

            if (reasons.Count > 0)
            {
                problems.Add(Problem(file, $"The AWS {(VariableOf(file) == AwsVariables.AwsConfigFile ? "config" : "credentials")} file {file.Shown} cannot be read: "
                    + string.Join("; ", reasons) + ". The content is not shown; fix those lines (sections `[name]` or `[profile name]`, then `key = value` lines)"));
            }
        }

        return problems;
    }

    private static List<AwsIniSection> Matching(
        AwsIniFile? file, Func<string, bool> exact, Func<string, bool> loose, List<ConfigurationProblem> problems, string name)
    {
        if (file is null)
        {
            return [];
        }

        var sections = file.Sections.Where(s => exact(s.Header)).ToList();
        foreach (var sloppy in file.Sections.Where(s => !exact(s.Header) && loose(s.Header)))
        {
            problems.Add(Problem(file, $"line {sloppy.Line} of {file.Shown} is [{sloppy.Header}], with extra spaces: AWSSDK reads it as profile {name}, "
                + $"the AWS CLI and Claude Code's AWS SDK do not; write it as [{(file.Setting.EndsWith("credentials", StringComparison.Ordinal) || name == "default" ? name : "profile " + name)}]"));
        }

        var byHeader = sections.GroupBy(s => s.Header, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var repeated in byHeader)
        {
            problems.Add(Problem(file, $"[{repeated.Key}] is written {repeated.Count()} times in {file.Shown} (lines {string.Join(", ", repeated.Select(s => s.Line))}): "
                + "the AWS CLI refuses the file, AWSSDK reads the first and Claude Code's AWS SDK merges them with the later winning; keep one section"));
        }

        return sections;
    }

    private static void CheckSection(AwsIniFile file, AwsIniSection section, string name, List<ConfigurationProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int? emptyLine = null; // -1: already reported
        foreach (var property in section.Properties)
        {
            var key = property.NormalizedKey;
            var relevant = CredentialKeys.Contains(key);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(Problem(file, $"{property.Key} is set twice in [{section.Header}] of {file.Shown} (lines {first} and {property.Line}): "
                    + "the AWS CLI refuses the file, AWSSDK ignores the whole profile and Claude Code's AWS SDK takes the second; keep one line"));
                continue;
            }

            seen[key] = property.Line;
            if (!relevant)
            {
                if (property.Value.Length == 0)
                {
                    emptyLine ??= property.Line;
                }

                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"line {property.Line} of {file.Shown} ({property.Key} in [{section.Header}])");
            if (property.Key != key)
            {
                problems.Add(Problem(file, $"{at}: Claude Code's AWS SDK reads keys as written and ignores {property.Key}; write it as {key}"));
            }
            else if (property.Indented)
            {
                problems.Add(Problem(file, $"{at} is indented: the AWS CLI reads it as the continuation of the line above and Claude Code's AWS SDK as a sub-setting; remove the indentation"));
            }
            else if (emptyLine is { } empty and > 0)
            {
                problems.Add(Problem(file, string.Create(CultureInfo.InvariantCulture,
                    $"{at} follows line {empty}, which has a key with no value: Claude Code's AWS SDK reads what follows an empty key as its sub-settings and does not see {key}; give line {empty} a value, remove it, or move it to the end of the section")));

                // One problem per empty key: the fix is the same for every key after it.
                emptyLine = -1;
            }
            else if (InlineComment().IsMatch(property.Value))
            {
                problems.Add(Problem(file, $"{at} has a comment after the value: Claude Code's AWS SDK drops it, AWSSDK and the AWS CLI keep it as part of the value; put the comment on a line of its own"));
            }
            else if (key != "credential_process" && property.Value.Length >= 2 && property.Value[0] is '"' or '\'' && property.Value[^1] == property.Value[0])
            {
                problems.Add(Problem(file, $"{at} is in quotes, which every AWS tool keeps as part of the value; remove the quotes"));
            }
            else if (SecretKeys.Contains(key) && property.Value.Any(c => c is <= ' ' or > '~' or '"' or '\''))
            {
                problems.Add(Problem(file, $"{at} has whitespace, control, quote or non-ASCII characters inside the value (a paste error?); the value is not shown: write it on one line, alone"));
            }

            if (property.Value.Length == 0)
            {
                emptyLine ??= property.Line;
            }
        }
    }

    private void MergeSsoSession(AwsSetting session, Dictionary<string, AwsSetting> settings, List<ConfigurationProblem> problems)
    {
        var config = Files.Config;
        var sections = config is null ? [] : Matching(config, h => h == "sso-session " + session.Value,
            h => SsoSessionHeader().Match(h) is { Success: true } m && m.Groups["name"].Value.Trim() == session.Value, problems, session.Value);
        if (sections.Count != 1)
        {
            if (sections.Count == 0)
            {
                problems.Add(Problem(session.File, $"{session.Where} names sso_session {session.Value}, but there is no [sso-session {session.Value}] section in "
                    + $"{config?.Shown ?? "the AWS config file"}: add it (`aws configure sso-session`), or fix sso_session"));
            }

            return;
        }

        CheckSection(config!, sections[0], session.Value, problems);
        foreach (var property in sections[0].Properties.Where(p => p.NormalizedKey is "sso_start_url" or "sso_region" or "sso_registration_scopes"))
        {
            settings[property.NormalizedKey] = new AwsSetting(property.NormalizedKey, property.Value, config!, property.Line);
        }
    }

    private string? HintFor(string name)
    {
        if (Files.Config?.Sections.FirstOrDefault(s => s.Header == name && name != "default") is { } unprefixed)
        {
            return $"{Files.Config.Shown} has [{name}] on line {unprefixed.Line}, but the config file names profiles [profile {name}]: rename the section";
        }

        if (Files.Credentials?.Sections.FirstOrDefault(s => s.Header == "profile " + name) is { } prefixed)
        {
            return $"{Files.Credentials.Shown} has [profile {name}] on line {prefixed.Line}, but the credentials file names profiles without the prefix ([{name}]): rename the section";
        }

        return null;
    }

    private static int Line(List<AwsIniSection> sections, string header) => sections.First(s => s.Header == header).Line;

    private static string Lines(IReadOnlyList<int> lines) =>
        (lines.Count == 1 ? "line " : "lines ") + string.Join(", ", lines.Take(5).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 5 ? ", …" : "");

    // The JS SDK's comment rule: '#' or ';' at the start or after whitespace ends the line.
    [GeneratedRegex(@"\s[#;]", RegexOptions.CultureInvariant)]
    private static partial Regex InlineComment();

    [GeneratedRegex(@"^\s*profile\s+default\s*\z|^\s*default\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultHeader();

    [GeneratedRegex(@"^\s*profile[ \t]+(?<name>.+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileHeader();

    [GeneratedRegex(@"^\s*sso-session[ \t]+(?<name>.+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex SsoSessionHeader();
}
