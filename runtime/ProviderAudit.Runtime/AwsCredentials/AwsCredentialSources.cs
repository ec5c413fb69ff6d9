namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

/// <summary>
/// Finds the AWS credential sources the default chain could use, from the environment, settings and default file
/// locations. It only looks; resolving the credentials is the request transport's job.
/// </summary>
public static class AwsCredentialSources
{
    /// <summary>The visible sources, in the default chain's order, plus problems such as a key id without a secret.</summary>
    public static IReadOnlyList<AwsCredentialSource> Find(TransportInputs inputs, List<ConfigurationProblem> problems)
    {
        var env = inputs.Environment;
        var sources = new List<AwsCredentialSource>();

        foreach (var name in new[] { AwsAccessKeyId, AwsSecretAccessKey, AwsSessionToken })
        {
            InputChecks.CheckCredentialValue(env, name, problems);
        }

        var keyId = env.Has(AwsAccessKeyId);
        var secret = env.Has(AwsSecretAccessKey);
        if (keyId && secret)
        {
            sources.Add(new(AwsCredentialSourceKind.EnvironmentKeys,
                env.Has(AwsSessionToken) ? "temporary access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)" : "access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)"));
        }
        else if (keyId)
        {
            // The SDK would sign with a null secret and send it; say so before any request.
            problems.Add(new(AwsSecretAccessKey, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or unset AWS_ACCESS_KEY_ID to use a profile."));
        }
        else if (secret)
        {
            problems.Add(new(AwsAccessKeyId, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both, or unset AWS_SECRET_ACCESS_KEY to use a profile."));
        }

        if (env.Raw(AwsProfile) is { } profile)
        {
            sources.Add(new(AwsCredentialSourceKind.NamedProfile, $"profile {DisplayText.Quote(profile.Trim())} (AWS_PROFILE)"));
        }

        if (env.Has(AwsWebIdentityTokenFile) && env.Has(AwsRoleArn))
        {
            sources.Add(new(AwsCredentialSourceKind.WebIdentity, "web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)"));
        }

        if (env.Has(AwsContainerCredentialsRelativeUri) || env.Has(AwsContainerCredentialsFullUri))
        {
            sources.Add(new(AwsCredentialSourceKind.Container, "container credentials (AWS_CONTAINER_CREDENTIALS_*_URI)"));
        }

        if (inputs.Settings.AwsCredentialExport is not null)
        {
            sources.Add(new(AwsCredentialSourceKind.CredentialExportCommand, "awsCredentialExport command (settings)"));
        }

        if (DefaultFiles(env).FirstOrDefault(inputs.FileExists) is { } file)
        {
            sources.Add(new(AwsCredentialSourceKind.SharedCredentialFiles, $"shared AWS credentials/config file ({DisplayText.Quote(file)})"));
        }

        return sources;
    }

    private static IEnumerable<string> DefaultFiles(IReadOnlyDictionary<string, string> env)
    {
        if (env.Raw(AwsSharedCredentialsFile) is { } credentials) yield return credentials;
        if (env.Raw(AwsConfigFile) is { } config) yield return config;
        if (env.Raw("HOME") is { } home)
        {
            yield return Path.Combine(home, ".aws", "credentials");
            yield return Path.Combine(home, ".aws", "config");
        }
    }
}
