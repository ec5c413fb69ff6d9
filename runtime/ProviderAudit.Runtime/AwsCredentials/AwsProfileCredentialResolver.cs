using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Resolves a named AWS profile (static keys, SSO, <c>credential_process</c>, …) with AWSSDK.Core from
/// the credentials/config files the runtime's environment names, not the ones this process happens to see.
/// </summary>
/// <remarks>
/// AWSSDK.Core takes the credentials file path from the caller but reads the config file either from this
/// process's <c>AWS_CONFIG_FILE</c> (captured once per process) or, when that is unset, as the file named
/// <c>config</c> next to the credentials file. The runtime therefore passes a credentials path whose sibling
/// is the wanted config file, and refuses (with a message naming both variables) when that is impossible,
/// rather than silently reading another file.
/// </remarks>
public static class AwsProfileCredentialResolver
{
    /// <summary>Resolves <paramref name="profileName"/>.</summary>
    /// <param name="profileName">The profile.</param>
    /// <param name="profileSetting">The variable or option that named it, for messages (e.g. <c>AWS_PROFILE</c>).</param>
    /// <param name="environment">The runtime's environment (for <c>AWS_SHARED_CREDENTIALS_FILE</c>, <c>AWS_CONFIG_FILE</c>, <c>HOME</c>).</param>
    /// <param name="required">When false, a profile that does not exist yields null instead of an error (the implicit <c>default</c> profile).</param>
    /// <param name="cancellationToken">Cancels the wait (the SDK call itself cannot be cancelled).</param>
    /// <exception cref="CpaCredentialException">The files cannot be honoured, the profile is missing or invalid, or its credentials cannot be obtained.</exception>
    public static async Task<AwsSessionCredentials?> ResolveAsync(
        string profileName,
        string profileSetting,
        IReadOnlyDictionary<string, string> environment,
        bool required = true,
        CancellationToken cancellationToken = default)
    {
        var files = Locate(environment);
        if (files is null)
        {
            return required
                ? throw new CpaCredentialException(CpaCredentialProblem.Invalid, profileSetting,
                    $"{profileSetting}={profileName}: there is no AWS credentials or config file to read it from: neither HOME nor "
                    + "AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE is set in the environment given to the runtime.")
                : null;
        }

        var (credentialsFile, configFile) = files.Value;
        var source = $"profile {profileName} ({profileSetting})";
        CredentialProfile? profile;
        SharedCredentialsFile store;
        try
        {
            store = new SharedCredentialsFile(credentialsFile);
            store.TryGetProfile(profileName, out profile);
        }
        catch (Exception e) when (e is AmazonClientException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CpaCredentialException(CpaCredentialProblem.Invalid, profileSetting,
                $"Could not read AWS profile '{profileName}' from {credentialsFile} / {configFile}: {e.Message}");
        }

        if (profile is null)
        {
            return required
                ? throw new CpaCredentialException(CpaCredentialProblem.Invalid, profileSetting,
                    $"{profileSetting}={profileName}: no profile [{profileName}] in {credentialsFile} and no [profile {profileName}] in {configFile}. "
                    + "Fix the profile name, or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to the files that define it.")
                : null;
        }

        ImmutableCredentials immutable;
        DateTime? expiration;
        try
        {
            var credentials = AWSCredentialsFactory.GetAWSCredentials(profile, store);
            immutable = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            expiration = credentials.Expiration;
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or HttpRequestException or IOException)
        {
            // AmazonServiceException is not an AmazonClientException: an SSO portal refusing a token that is still in
            // date locally (revoked, signed out elsewhere) arrives as one, an unreachable portal as a network error.
            var expired = e switch
            {
                AmazonClientException => e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase)
                    || e.Message.Contains("No valid SSO Token", StringComparison.OrdinalIgnoreCase),
                AmazonServiceException service => service.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden,
                _ => false,
            };
            throw new CpaCredentialException(
                expired ? CpaCredentialProblem.Expired : CpaCredentialProblem.Invalid,
                profileSetting,
                SecretScrubber.For(environment).Apply(
                    $"AWS profile '{profileName}' did not yield credentials: {e.Message}"
                    + (expired ? " Sign in again (e.g. `aws sso login --profile " + profileName + "`), or configure awsAuthRefresh to do it." : "")),
                e);
        }

        if (immutable is null || string.IsNullOrEmpty(immutable.AccessKey) || string.IsNullOrEmpty(immutable.SecretKey))
        {
            throw new CpaCredentialException(CpaCredentialProblem.Invalid, profileSetting,
                $"AWS profile '{profileName}' has no access key id and secret access key; complete the profile or use another one.");
        }

        return new AwsSessionCredentials(
            immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null,
            expiration is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
            source);
    }

    /// <summary>
    /// The credentials file to hand to AWSSDK.Core and the config file it will read with it, for the
    /// runtime's environment; null when it names none (no HOME, no explicit files): this machine's files are
    /// not read behind the environment's back.
    /// </summary>
    /// <exception cref="CpaCredentialException">AWSSDK.Core cannot be made to read the config file the environment names.</exception>
    public static (string CredentialsFile, string ConfigFile)? Locate(IReadOnlyDictionary<string, string> environment)
    {
        var home = Value(environment, "HOME") ?? Value(environment, "USERPROFILE");
        var explicitCredentials = Value(environment, "AWS_SHARED_CREDENTIALS_FILE");
        var explicitConfig = Value(environment, "AWS_CONFIG_FILE");
        if (home is null && (explicitCredentials is null || explicitConfig is null))
        {
            if (explicitCredentials is null && explicitConfig is null)
            {
                return null;
            }

            // One file named: the other is its sibling, as AWSSDK.Core reads them.
            home = null;
            explicitCredentials ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(explicitConfig!))!, "credentials");
            explicitConfig ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(explicitCredentials))!, "config");
        }

        var credentials = Path.GetFullPath(explicitCredentials ?? Path.Combine(home!, ".aws", "credentials"));
        var config = Path.GetFullPath(explicitConfig ?? Path.Combine(home!, ".aws", "config"));

        // Only the config file gets a choice: without an explicit credentials file, one that does not exist
        // yet next to the config file serves as well as the default, and makes the SDK read the right config.
        if (explicitCredentials is null && !File.Exists(credentials) && Path.GetFileName(config) == "config")
        {
            credentials = Path.Combine(Path.GetDirectoryName(config)!, "credentials");
        }

        var processConfig = System.Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");
        var sdkConfig = !string.IsNullOrEmpty(processConfig)
            ? Path.GetFullPath(SharedCredentialsFile.DefaultConfigFilePath)
            : Path.Combine(Path.GetDirectoryName(credentials)!, "config");
        if (File.Exists(config) && !string.Equals(sdkConfig, config, StringComparison.Ordinal))
        {
            throw new CpaCredentialException(CpaCredentialProblem.Invalid, explicitConfig is null ? "AWS_SHARED_CREDENTIALS_FILE" : "AWS_CONFIG_FILE",
                $"AWSSDK.Core would read the AWS config file {sdkConfig}, not {config}: it reads the file named 'config' next to the credentials file "
                + $"({credentials}) unless this process has AWS_CONFIG_FILE set. Keep both files in one directory as 'credentials' and 'config', "
                + "or configure awsCredentialExport instead.");
        }

        return (credentials, config);
    }

    private static string? Value(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
