using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Tests.Properties.AwsFiles;

/// <summary>The credentials a tool ends up with.</summary>
internal sealed record Resolved(string AccessKeyId, string SecretAccessKey, string? SessionToken);

/// <summary>
/// The key a case's files name, as two independent readers written from the tools' documented behaviour (not from the
/// runtime): the AWS CLI (Python's configparser with botocore's provider order: environment, credentials-file keys,
/// <c>credential_process</c> of the merged profile, config-file keys) and the JS SDK a launched Claude Code uses (comments stripped, later
/// duplicates winning, sections merged, case-sensitive keys, an empty key opening a sub-section, config merged under
/// the credentials file; environment, SSO (refused when incomplete), keys, <c>credential_process</c>). When both name
/// the same key pair, that is the key the case names; when they differ, or a tool would hang or fail, it names none —
/// and then "ready" would be a promise the launched child cannot keep.
/// </summary>
/// <remarks>
/// Both readers see what the launch gives the child: <c>AWS_PROFILE</c> and the key variables trimmed, the file paths
/// with <c>~</c> expanded (docs/runtime.md). A file the runtime must refuse but both tools read (one over the size cap)
/// still names a key: refusing is always allowed, "ready" with another key never is.
/// </remarks>
internal static partial class AwsFilesOracle
{
    private static readonly string[] SsoKeys = ["sso_start_url", "sso_account_id", "sso_session", "sso_region", "sso_role_name"];

    public static Resolved? Expected(AwsFilesCase @case)
    {
        var env = @case.Environment;
        var id = env.GetValueOrDefault("AWS_ACCESS_KEY_ID")?.Trim();
        var secret = env.GetValueOrDefault("AWS_SECRET_ACCESS_KEY")?.Trim();
        if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret))
        {
            return new Resolved(id, secret, null);
        }

        if (!string.IsNullOrEmpty(id) || !string.IsNullOrEmpty(secret))
        {
            return null; // half a pair: the AWS CLI refuses it (PartialCredentialsError)
        }

        var profile = env.GetValueOrDefault("AWS_PROFILE")?.Trim() is { Length: > 0 } named ? named : "default";
        if (Text(@case.Config) is not { } config || Text(@case.Credentials) is not { } credentials)
        {
            return null; // a FIFO, a device, a directory or UTF-16: a tool hangs, fails or reads nothing
        }

        var js = Js(config, credentials, profile, @case);
        var cli = Cli(config, credentials, profile, @case);
        return js is not null && js == cli ? js : null;
    }

    // The file's text as both tools read it, "" when absent, null when a tool hangs or fails on it. A directory and
    // /dev/null are no file to both (botocore checks os.path.isfile; the JS SDK swallows EISDIR and reads nothing);
    // a FIFO or /dev/zero blocks or exhausts the JS SDK's read; UTF-16 fails botocore's decoding.
    private static string? Text(AwsFileSpec file) => file.Kind switch
    {
        AwsFileKind.Absent or AwsFileKind.DevNull or AwsFileKind.Directory => "",
        AwsFileKind.Text or AwsFileKind.Oversize => (file.Crlf ? file.Text.Replace("\n", "\r\n", StringComparison.Ordinal) : file.Text).TrimStart('\uFEFF'),
        _ => null,
    };

    // ---- The JS SDK (@smithy/shared-ini-file-loader + @aws-sdk/credential-provider-node) ----

    private static Resolved? Js(string config, string credentials, string profile, AwsFilesCase @case)
    {
        var configSections = JsParse(config);
        var credentialSections = JsParse(credentials);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var profileDefault = configSections.GetValueOrDefault("profile default");
        foreach (var (header, values) in configSections)
        {
            var name = header == "default" ? "default" : JsProfileHeader().Match(header) is { Success: true } m ? m.Groups["name"].Value : null;
            if (name == profile && !(header == "default" && profileDefault is not null))
            {
                Assign(merged, values);
            }
        }

        if (credentialSections.TryGetValue(profile, out var fromCredentials))
        {
            Assign(merged, fromCredentials);
        }

        if (SsoKeys.Any(merged.ContainsKey))
        {
            return null; // fromSSO refuses incomplete SSO settings before any other source
        }

        if (merged.TryGetValue("aws_access_key_id", out var id) && merged.TryGetValue("aws_secret_access_key", out var secret))
        {
            return new Resolved(id, secret, merged.GetValueOrDefault("aws_session_token"));
        }

        return merged.TryGetValue("credential_process", out var process) ? Process(process, @case) : null;
    }

    private static Dictionary<string, Dictionary<string, string>> JsParse(string text)
    {
        var map = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string? section = null;
        string? subsection = null;
        foreach (var raw in LineBreak().Split(text))
        {
            var line = JsComment().Split(raw)[0].Trim();
            if (line.Length >= 2 && line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1];
                subsection = null;
                continue;
            }

            var equals = line.IndexOf('=');
            if (section is null || equals <= 0)
            {
                continue;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length == 0)
            {
                subsection = name;
            }
            else if (subsection is null)
            {
                (map.TryGetValue(section, out var values) ? values : map[section] = new(StringComparer.Ordinal))[name] = value;
            }
        }

        return map;
    }

    // ---- The AWS CLI (configparser, strict; botocore's credential providers) ----

    private sealed class CliFile
    {
        public Dictionary<string, Dictionary<string, string>> Sections { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Repeated { get; } = new(StringComparer.Ordinal);

        public bool Broken { get; set; }
    }

    private static Resolved? Cli(string config, string credentials, string profile, AwsFilesCase @case)
    {
        var configFile = CliParse(config);
        var credentialsFile = CliParse(credentials);
        if (configFile.Broken || credentialsFile.Broken)
        {
            return null;
        }

        // The config profile: [default] or [profile NAME] (botocore splits the header like a shell would).
        var configHeaders = configFile.Sections.Keys.Where(h => h == "default" && profile == "default"
            || (h.StartsWith("profile", StringComparison.Ordinal) && h.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [_, var name] && name == profile)).ToArray();
        if (configHeaders.Length > 1 || configHeaders.Any(configFile.Repeated.Contains) || credentialsFile.Repeated.Contains(profile))
        {
            return null; // a duplicated section or key in the profile in use: configparser refuses
        }

        var fromConfig = configHeaders.Length == 1 ? configFile.Sections[configHeaders[0]] : [];
        if (credentialsFile.Sections.TryGetValue(profile, out var fromCredentials) && fromCredentials.TryGetValue("aws_access_key_id", out var credentialsId))
        {
            return fromCredentials.TryGetValue("aws_secret_access_key", out var credentialsSecret)
                ? new Resolved(credentialsId, credentialsSecret, fromCredentials.GetValueOrDefault("aws_session_token"))
                : null;
        }

        // The process provider reads the profile with the credentials file's values merged over the config's
        // (botocore's Session.full_config); the config provider reads the config file alone.
        var merged = new Dictionary<string, string>(fromConfig, StringComparer.Ordinal);
        Assign(merged, fromCredentials ?? []);
        if (merged.TryGetValue("credential_process", out var process))
        {
            return Process(process, @case);
        }

        if (fromConfig.TryGetValue("aws_access_key_id", out var id))
        {
            return fromConfig.TryGetValue("aws_secret_access_key", out var secret) ? new Resolved(id, secret, fromConfig.GetValueOrDefault("aws_session_token")) : null;
        }

        return null;
    }

    private static CliFile CliParse(string text)
    {
        var file = new CliFile();
        Dictionary<string, string>? section = null;
        string? sectionName = null;
        string? option = null;
        var optionIndent = 0;
        foreach (var raw in LineBreak().Split(text))
        {
            var stripped = raw.Trim();
            var indent = raw.Length - raw.TrimStart().Length;
            if (stripped.Length == 0 || stripped[0] is '#' or ';')
            {
                continue;
            }

            if (section is not null && option is not null && indent > optionIndent)
            {
                section[option] += "\n" + stripped; // a continuation line
                continue;
            }

            if (CliSection().Match(stripped) is { Success: true } header)
            {
                sectionName = header.Groups["header"].Value;
                if (!file.Sections.TryAdd(sectionName, new(StringComparer.Ordinal)))
                {
                    file.Repeated.Add(sectionName);
                }

                section = file.Sections[sectionName];
                option = null;
                continue;
            }

            if (section is null || CliOption().Match(stripped) is not { Success: true } assignment)
            {
                file.Broken = true; // MissingSectionHeaderError / ParsingError: the whole file
                continue;
            }

            option = assignment.Groups["option"].Value.Trim().ToLowerInvariant();
            optionIndent = indent;
            if (!section.TryAdd(option, assignment.Groups["value"].Value.Trim()))
            {
                file.Repeated.Add(sectionName!);
            }
        }

        return file;
    }

    // A credential_process of the suite: "{HOME}/bin/creds-N" prints pair N, however the value is decorated around it.
    private static Resolved? Process(string command, AwsFilesCase @case) =>
        CredsScript().Match(command) is { Success: true } m && int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n < @case.Pairs.Count
            ? new Resolved(@case.Pairs[n].AccessKeyId, @case.Pairs[n].SecretAccessKey, @case.Pairs[n].SessionToken)
            : null;

    private static void Assign(Dictionary<string, string> target, Dictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            target[key] = value;
        }
    }

    [GeneratedRegex(@"\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"(?:^|\s)[;#]", RegexOptions.CultureInvariant)]
    private static partial Regex JsComment();

    [GeneratedRegex(@"^profile\s(?<name>.+)\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex JsProfileHeader();

    [GeneratedRegex(@"^\[(?<header>.+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex CliSection();

    [GeneratedRegex(@"^(?<option>.*?)\s*[=:]\s*(?<value>.*)\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CliOption();

    [GeneratedRegex(@"^[""']?\{HOME\}/bin/creds-(?<n>\d)[""']?(?:\s.*)?\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CredsScript();
}
