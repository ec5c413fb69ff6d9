using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// Turns one profile of the shared files into AWSSDK.Core credentials, choosing what a profile means the way the AWS
/// CLI and Claude Code's AWS SDK agree on, and refusing (naming the lines) where they do not:
/// <list type="number">
/// <item><c>role_arn</c>: assume the role, with <c>source_profile</c> (followed through any number of links, cycles
/// refused), <c>credential_source</c> (<c>Environment</c>, <c>EcsContainer</c>, <c>Ec2InstanceMetadata</c>) or
/// <c>web_identity_token_file</c> (assembled here: AWSSDK.Core's factory would take their STS endpoint, region and
/// <c>credential_source</c> settings from this process's environment);</item>
/// <item>SSO settings: AWSSDK.Core's SSO credentials when they are complete (account, role, and a start URL and region
/// directly or through <c>[sso-session]</c>); incomplete ones are refused, as Claude Code's AWS SDK refuses them before
/// it looks at any keys;</item>
/// <item><c>aws_access_key_id</c> + <c>aws_secret_access_key</c> (+ <c>aws_session_token</c>): those keys, whatever else
/// the profile holds (<c>mfa_serial</c>, <c>role_session_name</c>, <c>external_id</c>, a <c>credential_process</c> when
/// the keys are in the credentials file); AWSSDK.Core alone would find no credentials in such a profile;</item>
/// <item><c>credential_process</c>: the command, run as an owned process tree (<see cref="CredentialProcessCredentials"/>).</item>
/// </list>
/// </summary>
internal sealed class ProfileCredentials(AwsProfileStore store, StsClients sts, AwsCredentialPlanner planner, AwsCredentialChainOptions options,
    IReadOnlyDictionary<string, string> environment)
{
    public readonly record struct Result(AWSCredentials? Credentials, ConfigurationProblem? Problem, string Detail, string? Fix);

    private static readonly string[] SsoKeys = ["sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name"];

    public Result Plan(AwsProfileView profile, string setting) => Plan(profile, setting, []);

    private Result Plan(AwsProfileView profile, string setting, List<string> path)
    {
        if (profile.Value("role_arn") is { } roleArn)
        {
            return AssumeRole(profile, roleArn, setting, path);
        }

        var keys = profile.Get("aws_access_key_id") is { } id && profile.Get("aws_secret_access_key") is { } secret ? (id, secret) : ((AwsSetting, AwsSetting)?)null;
        var sso = SsoKeys.Select(profile.Get).OfType<AwsSetting>().ToArray();
        if (sso.Length > 0)
        {
            return Sso(profile, sso, keys is not null, setting);
        }

        if (keys is var (keyId, keySecret))
        {
            if (Disagreement(profile, keyId, keySecret) is { } problem)
            {
                return new(null, problem, "", null);
            }

            var token = profile.Value("aws_session_token");
            AWSCredentials credentials = token is null ? new BasicAWSCredentials(keyId.Value, keySecret.Value) : new SessionAWSCredentials(keyId.Value, keySecret.Value, token);
            return new(credentials, null, token is null ? " with static keys" : " with temporary keys", null);
        }

        if (profile.Get("aws_access_key_id") is { } lone1 && profile.Get("aws_secret_access_key") is null)
        {
            return Problem(setting, $"Profile [{profile.Name}] has aws_access_key_id ({lone1.Where}) but no aws_secret_access_key: add the secret, or remove the key id.");
        }

        if (profile.Get("aws_secret_access_key") is { } lone2 && profile.Get("aws_access_key_id") is null)
        {
            return Problem(setting, $"Profile [{profile.Name}] has aws_secret_access_key ({lone2.Where}) but no aws_access_key_id: add the key id, or remove the secret.");
        }

        if (profile.Get("credential_process") is { } process)
        {
            return new(new CredentialProcessCredentials(process.Value, profile.Name, environment, options.ProcessRunner, options.ResolutionTimeout),
                null, " with credential_process", $"Run the credential_process of profile [{profile.Name}] ({process.Where}) yourself to see why it fails, or fix it.");
        }

        if (profile.Get("web_identity_token_file") is { } tokenFile)
        {
            return Problem(setting, $"Profile [{profile.Name}] has web_identity_token_file ({tokenFile.Where}) but no role_arn to assume with it: add role_arn.");
        }

        return new(null, null, "", null);
    }

    // Keys plus a credential_process: the AWS CLI takes keys from the credentials file before the process, and the
    // process before keys from the config file; Claude Code's AWS SDK always takes the keys.
    private ConfigurationProblem? Disagreement(AwsProfileView profile, AwsSetting id, AwsSetting secret)
    {
        if (id.File != secret.File)
        {
            return AwsProfileStore.Problem(secret.File,
                $"Profile [{profile.Name}] has aws_access_key_id in one file ({id.Where}) and aws_secret_access_key in the other ({secret.Where}): "
                + "the AWS CLI does not combine them; put both in the same file");
        }

        if (profile.Get("aws_session_token") is { } token && token.File != id.File)
        {
            return AwsProfileStore.Problem(token.File,
                $"Profile [{profile.Name}] has its keys in one file ({id.Where}) and aws_session_token in the other ({token.Where}): the AWS CLI uses the token "
                + "only from the keys' file, Claude Code's AWS SDK from either; put the token next to the keys, or remove it");
        }

        if (profile.Get("credential_process") is { } process && ReferenceEquals(id.File, store.Files.Config))
        {
            return AwsProfileStore.Problem(id.File,
                $"Profile [{profile.Name}] has keys ({id.Where}) and a credential_process ({process.Where}) in the config file: the AWS CLI runs the process, "
                + "Claude Code's AWS SDK uses the keys; keep one of them (or move the keys to the credentials file, where both tools use them)");
        }

        return null;
    }

    private Result Sso(AwsProfileView profile, AwsSetting[] sso, bool hasKeys, string setting)
    {
        string[] required = ["sso_account_id", "sso_role_name", "sso_start_url", "sso_region"];
        var missing = required.Where(k => !profile.Has(k)).ToArray();
        if (missing.Length > 0)
        {
            var lines = string.Join(", ", sso.Select(s => s.Where));
            return Problem(setting, hasKeys
                ? $"Profile [{profile.Name}] has static keys and incomplete SSO settings ({lines}; missing {string.Join(", ", missing)}): Claude Code's AWS SDK refuses "
                    + "such a profile before it looks at the keys. Remove the SSO settings to use the keys, or complete them (`aws configure sso --profile " + profile.Name + "`)."
                : $"Profile [{profile.Name}] has incomplete SSO settings ({lines}; missing {string.Join(", ", missing)}): complete them with "
                    + $"`aws configure sso --profile {profile.Name}`" + (profile.Has("sso_session") ? " and its [sso-session] section" : "") + ".");
        }

        if (SsoCacheProblem(profile) is { } cache)
        {
            return Problem(setting, cache);
        }

        try
        {
            return new(AWSCredentialsFactory.GetAWSCredentials(AwsProfileStore.ToSdkProfile(profile, "sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name", "sso_registration_scopes"), store),
                null, " with SSO", null);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or AmazonClientException)
        {
            return Problem(setting, $"Profile [{profile.Name}] is not usable: {AwsCredentialChain.Explain(e)} Fix the profile.");
        }
    }

    // AWSSDK.SSO reads its token from ~/.aws/sso/cache/<sha1>.json under this process's home: bounded like every file.
    private string? SsoCacheProblem(AwsProfileView profile)
    {
        var key = profile.Value("sso_session") ?? profile.Value("sso_start_url")!;
        var name = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(key))).ToLowerInvariant() + ".json";
        foreach (var home in new[] { environment.Raw("HOME"), System.Environment.GetEnvironmentVariable("HOME") }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (BoundedFile.Check(Path.Join(home, ".aws", "sso", "cache", name), "The SSO token cache file", $"profile [{profile.Name}]", BoundedFile.TokenFileCap) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private Result AssumeRole(AwsProfileView profile, string roleArn, string setting, List<string> path)
    {
        if (path.Contains(profile.Name, StringComparer.Ordinal))
        {
            var cycle = string.Join(" → ", path.Append(profile.Name));
            return Problem(setting,
                $"The source_profile links of profile [{path[0]}] form a cycle ({cycle}) in {store.Files}: make the last profile of the chain hold credentials "
                + "(keys, SSO, credential_process or credential_source) instead of pointing back.");
        }

        path.Add(profile.Name);
        if (profile.Has("mfa_serial"))
        {
            return Problem(setting,
                $"Profile [{profile.Name}] needs an MFA code (mfa_serial), which a host cannot type: use an SSO profile, or configure awsCredentialExport "
                + "with a command that prints session credentials.");
        }

        var sessionName = profile.Value("role_session_name");
        var externalId = profile.Value("external_id");
        var fix = AwsCredentialPlanner.StsFix($"role_arn of profile [{profile.Name}]", sts);
        if (profile.Value("source_profile") is { } sourceName)
        {
            var lookup = store.Find(sourceName);
            if (lookup.Problems.Count > 0)
            {
                return new(null, lookup.Problems[0], "", null);
            }

            if (lookup.Profile is not { } source)
            {
                return Problem(setting,
                    $"Profile [{profile.Name}] has source_profile = {sourceName}, but there is no profile [{sourceName}] in {store.Files}: add it, or fix source_profile.");
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

            return new(AssumeRole(inner.Credentials, roleArn, sessionName, externalId), null,
                $", assuming role {roleArn} via profile {sourceName}{inner.Detail}", fix);
        }

        if (profile.Value("credential_source") is { } credentialSource)
        {
            return CredentialSource(profile.Name, credentialSource, setting, roleArn, sessionName, externalId, fix);
        }

        if (profile.Value("web_identity_token_file") is { } tokenFile)
        {
            var problem = planner.WebIdentityForProfile(tokenFile, roleArn, sessionName, profile.Name, sts, out var webIdentity);
            return problem is not null
                ? new(null, problem.Problems[0], "", null)
                : new(webIdentity, null, $", web identity for role {roleArn}", fix);
        }

        return Problem(setting,
            $"Profile [{profile.Name}] has role_arn but no source_profile, credential_source or web_identity_token_file to assume it with: add one of them.");
    }

    private Result CredentialSource(string profileName, string name, string setting, string roleArn, string? sessionName, string? externalId, string fix)
    {
        AWSCredentials? source;
        string via;
        if (name.Equals("Environment", StringComparison.OrdinalIgnoreCase))
        {
            var keys = planner.KeysFromEnvironment();
            if (keys is null)
            {
                return Problem(AwsVariables.AwsAccessKeyId,
                    $"Profile [{profileName}] has credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set: set them, or change credential_source.");
            }

            source = keys.SessionToken is null
                ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey)
                : new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken);
            via = "environment keys";
        }
        else if (name.Equals("EcsContainer", StringComparison.OrdinalIgnoreCase))
        {
            if (planner.ContainerCredentials(AwsVariables.AwsContainerCredentialsFullUri, out source) is { } problem)
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
                $"Profile [{profileName}] has credential_source = {name}; use Environment, EcsContainer or Ec2InstanceMetadata.");
        }

        return new(AssumeRole(source!, roleArn, sessionName, externalId), null, $", assuming role {roleArn} via {via} (credential_source)", fix);
    }

    private StsAssumeRoleCredentials AssumeRole(AWSCredentials source, string roleArn, string? sessionName, string? externalId) =>
        new(source, roleArn, sessionName ?? "provider-audit-" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new AssumeRoleAWSCredentialsOptions { ExternalId = externalId }, sts);

    private static Result Problem(string variable, string message) => new(null, new ConfigurationProblem(variable, message), "", null);
}
