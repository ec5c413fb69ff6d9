using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Turns one profile of the shared files into AWSSDK.Core credentials. Profiles with <c>role_arn</c> are assembled
/// here, because AWSSDK.Core's factory would take their STS endpoint, region and <c>credential_source</c> settings from
/// this process's environment: <c>source_profile</c> (followed through any number of links, cycles refused),
/// <c>credential_source</c> (<c>Environment</c>, <c>EcsContainer</c>, <c>Ec2InstanceMetadata</c>) and
/// <c>web_identity_token_file</c>. Every other kind (static keys, SSO, <c>credential_process</c>) is AWSSDK.Core's
/// <see cref="AWSCredentialsFactory"/> as is.
/// </summary>
internal sealed class ProfileCredentials(SharedCredentialsFile store, AwsFiles files, StsClients sts, AwsCredentialPlanner planner)
{
    public readonly record struct Result(AWSCredentials? Credentials, ConfigurationProblem? Problem, string Detail, string? Fix);

    public Result Plan(CredentialProfile profile, string setting) => Plan(profile, setting, []);

    private Result Plan(CredentialProfile profile, string setting, List<string> path)
    {
        var options = profile.Options;
        if (string.IsNullOrWhiteSpace(options.RoleArn))
        {
            if (!profile.CanCreateAWSCredentials)
            {
                return new(null, null, "", null);
            }

            try
            {
                return new(AWSCredentialsFactory.GetAWSCredentials(profile, store), null, Kind(options), null);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or AmazonClientException)
            {
                return Problem(setting, $"Profile [{profile.Name}] in {files} is not usable: {AwsCredentialChain.Explain(e)} Fix the profile.");
            }
        }

        if (path.Contains(profile.Name, StringComparer.Ordinal))
        {
            var cycle = string.Join(" → ", path.Append(profile.Name));
            return Problem(setting,
                $"The source_profile links of profile [{path[0]}] form a cycle ({cycle}) in {files}: make the last profile of the chain hold credentials "
                + "(keys, SSO, credential_process or credential_source) instead of pointing back.");
        }

        path.Add(profile.Name);
        if (!string.IsNullOrWhiteSpace(options.MfaSerial))
        {
            return Problem(setting,
                $"Profile [{profile.Name}] needs an MFA code (mfa_serial), which a host cannot type: use an SSO profile, or configure awsCredentialExport "
                + "with a command that prints session credentials.");
        }

        var roleArn = options.RoleArn.Trim();
        var sessionName = string.IsNullOrWhiteSpace(options.RoleSessionName) ? null : options.RoleSessionName.Trim();
        var fix = AwsCredentialPlanner.StsFix($"role_arn of profile [{profile.Name}]", sts);
        if (!string.IsNullOrWhiteSpace(options.SourceProfile))
        {
            var sourceName = options.SourceProfile.Trim();
            if (!store.TryGetProfile(sourceName, out var source))
            {
                return Problem(setting,
                    $"Profile [{profile.Name}] has source_profile = {sourceName}, but there is no profile [{sourceName}] in {files}: add it, or fix source_profile.");
            }

            var inner = Plan(source, setting, path);
            if (inner.Problem is not null)
            {
                return inner;
            }

            if (inner.Credentials is null)
            {
                return Problem(setting, $"Profile [{profile.Name}] takes its credentials from source_profile [{sourceName}], which holds none: add keys, SSO or credential_process to [{sourceName}].");
            }

            return new(AssumeRole(inner.Credentials, roleArn, sessionName, options), null,
                $", assuming role {roleArn} via profile {sourceName}{inner.Detail}", fix);
        }

        if (!string.IsNullOrWhiteSpace(options.CredentialSource))
        {
            return CredentialSource(profile, setting, roleArn, sessionName, options, fix);
        }

        if (!string.IsNullOrWhiteSpace(options.WebIdentityTokenFile))
        {
            var problem = planner.WebIdentityForProfile(options.WebIdentityTokenFile.Trim(), roleArn, sessionName, profile.Name, sts, out var webIdentity);
            return problem is not null
                ? new(null, problem.Problems[0], "", null)
                : new(webIdentity, null, $", web identity for role {roleArn}", fix);
        }

        return Problem(setting,
            $"Profile [{profile.Name}] has role_arn but no source_profile, credential_source or web_identity_token_file to assume it with: add one of them.");
    }

    private Result CredentialSource(CredentialProfile profile, string setting, string roleArn, string? sessionName, CredentialProfileOptions options, string fix)
    {
        var name = options.CredentialSource.Trim();
        AWSCredentials? source;
        string via;
        if (name.Equals("Environment", StringComparison.OrdinalIgnoreCase))
        {
            var keys = planner.KeysFromEnvironment();
            if (keys is null)
            {
                return Problem(EnvironmentVariableNames.AwsAccessKeyId,
                    $"Profile [{profile.Name}] has credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set: set them, or change credential_source.");
            }

            source = keys.SessionToken is null
                ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey)
                : new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken);
            via = "environment keys";
        }
        else if (name.Equals("EcsContainer", StringComparison.OrdinalIgnoreCase))
        {
            if (planner.ContainerCredentials(EnvironmentVariableNames.AwsContainerCredentialsFullUri, out source) is { } problem)
            {
                return new(null, problem.Problems[0], "", null);
            }

            via = "container credentials";
        }
        else if (name.Equals("Ec2InstanceMetadata", StringComparison.OrdinalIgnoreCase))
        {
            if (planner.InstanceMetadataCredentials(out source) is { } problem)
            {
                return new(null, problem.Problems[0], "", null);
            }

            via = "instance metadata";
        }
        else
        {
            return Problem(setting,
                $"Profile [{profile.Name}] has credential_source = {name}; use Environment, EcsContainer or Ec2InstanceMetadata.");
        }

        return new(AssumeRole(source!, roleArn, sessionName, options), null, $", assuming role {roleArn} via {via} (credential_source)", fix);
    }

    private StsAssumeRoleCredentials AssumeRole(AWSCredentials source, string roleArn, string? sessionName, CredentialProfileOptions options) =>
        new(source, roleArn, sessionName ?? "provider-audit-" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new AssumeRoleAWSCredentialsOptions { ExternalId = string.IsNullOrWhiteSpace(options.ExternalID) ? null : options.ExternalID.Trim() }, sts);

    private static string Kind(CredentialProfileOptions options) =>
        !string.IsNullOrWhiteSpace(options.SsoStartUrl) || !string.IsNullOrWhiteSpace(options.SsoSession) ? " with SSO"
        : !string.IsNullOrWhiteSpace(options.CredentialProcess) ? " with credential_process"
        : !string.IsNullOrWhiteSpace(options.Token) ? " with temporary keys"
        : " with static keys";

    private static Result Problem(string variable, string message) => new(null, new ConfigurationProblem(variable, message), "", null);
}
