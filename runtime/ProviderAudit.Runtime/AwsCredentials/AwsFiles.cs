using Amazon.Runtime.CredentialManagement;

namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// The shared credentials and config files the runtime's environment names, in the form AWSSDK.Core can be made to
/// read them.
/// </summary>
/// <remarks>
/// <see cref="SharedCredentialsFile"/> takes the credentials file path from the caller but reads the config file either
/// from this process's <c>AWS_CONFIG_FILE</c> (captured once per process) or, when that is unset, as the file named
/// <c>config</c> next to the credentials file. The runtime therefore picks a credentials path whose sibling is the wanted
/// config file, and refuses (naming both variables) when that is impossible, rather than silently read another file.
/// </remarks>
internal sealed record AwsFiles(string CredentialsFile, string ConfigFile)
{
    /// <summary>The files for <paramref name="environment"/>; null when it names none (no HOME, no explicit files).</summary>
    /// <exception cref="AwsCredentialException">AWSSDK.Core cannot be made to read the config file the environment names.</exception>
    public static AwsFiles? Locate(IReadOnlyDictionary<string, string> environment, Func<string, bool> fileExists)
    {
        var home = environment.Raw("HOME") ?? environment.Raw("USERPROFILE");
        var explicitCredentials = environment.Raw(EnvironmentVariableNames.AwsSharedCredentialsFile)?.Trim();
        var explicitConfig = environment.Raw(EnvironmentVariableNames.AwsConfigFile)?.Trim();
        if (home is null && (explicitCredentials is null || explicitConfig is null))
        {
            if (explicitCredentials is null && explicitConfig is null)
            {
                return null;
            }

            // One file named: the other is its sibling, as AWSSDK.Core reads them.
            explicitCredentials ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(explicitConfig!))!, "credentials");
            explicitConfig ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(explicitCredentials))!, "config");
        }

        var credentials = Path.GetFullPath(explicitCredentials ?? Path.Combine(home!, ".aws", "credentials"));
        var config = Path.GetFullPath(explicitConfig ?? Path.Combine(home!, ".aws", "config"));

        // Without an explicit credentials file, one that does not exist yet next to the config file serves as well as
        // the default, and makes the SDK read the right config.
        if (explicitCredentials is null && !fileExists(credentials) && Path.GetFileName(config) == "config")
        {
            credentials = Path.Combine(Path.GetDirectoryName(config)!, "credentials");
        }

        var processConfig = System.Environment.GetEnvironmentVariable(EnvironmentVariableNames.AwsConfigFile);
        var sdkConfig = !string.IsNullOrEmpty(processConfig)
            ? Path.GetFullPath(SharedCredentialsFile.DefaultConfigFilePath)
            : Path.Combine(Path.GetDirectoryName(credentials)!, "config");
        if (fileExists(config) && !string.Equals(sdkConfig, config, StringComparison.Ordinal))
        {
            throw new AwsCredentialException(AwsCredentialProblem.Invalid,
                explicitConfig is null ? EnvironmentVariableNames.AwsSharedCredentialsFile : EnvironmentVariableNames.AwsConfigFile,
                $"AWSSDK.Core would read the AWS config file {sdkConfig}, not {config}: it reads the file named 'config' next to the credentials file "
                + $"({credentials}) unless this process has AWS_CONFIG_FILE set. Keep both files in one directory as 'credentials' and 'config', "
                + "or configure awsCredentialExport instead.");
        }

        return new AwsFiles(credentials, config);
    }

    /// <summary>For messages.</summary>
    public override string ToString() => $"{CredentialsFile} / {ConfigFile}";
}
