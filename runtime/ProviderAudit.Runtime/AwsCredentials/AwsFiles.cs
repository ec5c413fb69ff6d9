using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// The shared credentials and config files the runtime's environment names, located as the AWS CLI locates them and
/// read once, bounded (<see cref="BoundedFile"/>): <c>AWS_SHARED_CREDENTIALS_FILE</c>, else <c>~/.aws/credentials</c>;
/// <c>AWS_CONFIG_FILE</c>, else <c>~/.aws/config</c>; a leading <c>~</c> or <c>~/</c> means <c>HOME</c> (then
/// <c>USERPROFILE</c>), a relative path is taken from the working directory, as the AWS CLI does.
/// </summary>
/// <remarks>
/// The runtime reads the files itself and hands AWSSDK.Core the profiles it parsed (<see cref="AwsProfileStore"/>):
/// AWSSDK.Core's own <c>SharedCredentialsFile</c> would read them without a size or type check, take the config file
/// from this process's <c>AWS_CONFIG_FILE</c> (captured once per process, <c>~</c> not expanded) rather than from the
/// environment given to the runtime, and read it again for every profile lookup.
/// </remarks>
internal sealed class AwsFiles
{
    private AwsFiles(string credentialsPath, string configPath, AwsIniFile? credentials, AwsIniFile? config, IReadOnlyList<ConfigurationProblem> problems)
    {
        CredentialsFile = credentialsPath;
        ConfigFile = configPath;
        Credentials = credentials;
        Config = config;
        Problems = problems;
    }

    /// <summary>The credentials file's path (it may not exist).</summary>
    public string CredentialsFile { get; }

    /// <summary>The config file's path (it may not exist).</summary>
    public string ConfigFile { get; }

    /// <summary>The credentials file, or null when it does not exist.</summary>
    public AwsIniFile? Credentials { get; }

    /// <summary>The config file, or null when it does not exist.</summary>
    public AwsIniFile? Config { get; }

    /// <summary>Why a file could not be read (a FIFO, a device, too large, not UTF-8, …), each naming its variable.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>True when neither file exists.</summary>
    public bool None => Credentials is null && Config is null && Problems.Count == 0;

    /// <summary>
    /// The files <paramref name="environment"/> names, read; null when it names none (no HOME, no explicit files).
    /// A path the probe says is absent is not read.
    /// </summary>
    /// <exception cref="AwsCredentialException">A path cannot be expanded (<c>~user/…</c>).</exception>
    public static AwsFiles? Load(IReadOnlyDictionary<string, string> environment, Func<string, bool> fileExists)
    {
        var home = environment.Raw("HOME") ?? environment.Raw("USERPROFILE");
        var credentials = Locate(environment, AwsVariables.AwsSharedCredentialsFile, home, "credentials");
        var config = Locate(environment, AwsVariables.AwsConfigFile, home, "config");
        if (credentials is null && config is null)
        {
            return null;
        }

        var problems = new List<ConfigurationProblem>();
        var credentialsFile = Read(credentials, AwsVariables.AwsSharedCredentialsFile, "the AWS credentials file", fileExists, problems);
        var configFile = Read(config, AwsVariables.AwsConfigFile, "the AWS config file", fileExists, problems);
        return new AwsFiles(credentials?.Path ?? "(none)", config?.Path ?? "(none)", credentialsFile, configFile, problems);
    }

    /// <summary>The config file's path <paramref name="environment"/> names (it may not exist), or null when it names none.</summary>
    /// <exception cref="AwsCredentialException">The path cannot be expanded or is not a usable path.</exception>
    public static string? LocateConfig(IReadOnlyDictionary<string, string> environment) =>
        Locate(environment, AwsVariables.AwsConfigFile, environment.Raw("HOME") ?? environment.Raw("USERPROFILE"), "config")?.Path;

    /// <summary>
    /// <paramref name="value"/> with a leading <c>~</c> expanded as the AWS CLI (Python's <c>expanduser</c>) does for the
    /// current user; null for <c>~user/…</c>, which names another user's home.
    /// </summary>
    public static string? ExpandHome(string value, string? home)
    {
        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("~\\", StringComparison.Ordinal))
        {
            return home is null ? null : Path.Join(home, value[1..].TrimStart('/', '\\'));
        }

        return value.StartsWith('~') ? null : value;
    }

    /// <summary>For messages.</summary>
    public override string ToString() => $"{CredentialsFile} / {ConfigFile}";

    private static (string Path, string Setting)? Locate(IReadOnlyDictionary<string, string> environment, string variable, string? home, string name)
    {
        if (environment.Raw(variable)?.Trim() is { } explicitPath)
        {
            var expanded = ExpandHome(explicitPath, home) ?? throw new AwsCredentialException(AwsCredentialProblem.Invalid, variable,
                $"{variable}={DisplayText.Quote(explicitPath)} starts with ~ {(home is null ? "but neither HOME nor USERPROFILE is set to expand it with" : "followed by a user name, which names another user's home")}: write the full path.");
            return (FullPath(expanded, variable), variable);
        }

        return home is null ? null : (FullPath(Path.Join(home, ".aws", name), environment.Raw("HOME") is null ? "USERPROFILE" : "HOME"), $"~/.aws/{name}");
    }

    private static string FullPath(string path, string variable)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new AwsCredentialException(AwsCredentialProblem.Invalid, variable,
                $"{variable}={DisplayText.Quote(path)} is not a usable path (a control character or an over-long name): set it to the path alone.");
        }
    }

    private static AwsIniFile? Read((string Path, string Setting)? file, string variable, string what, Func<string, bool> fileExists, List<ConfigurationProblem> problems)
    {
        if (file is not { } located)
        {
            return null;
        }

        if (!SafeExists(fileExists, located.Path))
        {
            // File.Exists says no for a directory; a variable naming one is a mistake worth naming.
            if (located.Setting == variable && BoundedFile.KindOf(located.Path, out _) == FileKind.Directory)
            {
                problems.Add(new ConfigurationProblem(variable, $"{what} {DisplayText.Quote(located.Path)} ({variable}) is a directory, not a file: point {variable} at the file itself."));
            }

            return null;
        }

        var read = BoundedFile.Read(located.Path, what, located.Setting, BoundedFile.AwsFileCap);
        if (read.Problem is { } problem)
        {
            problems.Add(new ConfigurationProblem(variable, problem));
            return null;
        }

        if (read.Missing)
        {
            return null;
        }

        var parsed = AwsIniFile.Parse(located.Path, located.Setting, read.Content!);
        if (parsed.EncodingProblem is { } encoding)
        {
            problems.Add(new ConfigurationProblem(variable, $"{what} {parsed.Shown} ({located.Setting}) {encoding}."));
            return null;
        }

        return parsed;
    }

    private static bool SafeExists(Func<string, bool> fileExists, string path)
    {
        try
        {
            return fileExists(path);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
