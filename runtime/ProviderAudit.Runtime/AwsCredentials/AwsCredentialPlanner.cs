using Amazon.Runtime;
using Amazon.Util;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

using static AwsVariables;

/// <summary>
/// Decides which AWS credential source the chain uses, reading only the runtime's environment dictionary, host settings
/// and the credential files (never the network). The order is AWSSDK.Core 4.0's default chain
/// (<c>DefaultAWSCredentialsIdentityResolver</c>), with Claude Code's <c>awsCredentialExport</c> rule in front:
/// <list type="number">
/// <item><c>awsCredentialExport</c> when configured (it replaces the chain);</item>
/// <item><c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c> (+ <c>AWS_SESSION_TOKEN</c>);</item>
/// <item>web identity: <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c> (+ <c>AWS_ROLE_SESSION_NAME</c>);</item>
/// <item>the profile <c>AWS_PROFILE</c> names, else <c>default</c>: static keys, SSO, <c>credential_process</c>,
/// <c>role_arn</c> with <c>source_profile</c> (chained), <c>credential_source</c> or <c>web_identity_token_file</c>;</item>
/// <item>container credentials (<c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c>, then <c>_FULL_URI</c>);</item>
/// <item>EC2 instance metadata, unless <c>AWS_EC2_METADATA_DISABLED</c>.</item>
/// </list>
/// One departure, where the SDK's order would make a setting useless: a profile named by <c>AWS_PROFILE</c> with
/// <c>credential_source = Environment</c> comes before the environment keys it assumes its role with.
/// Where the SDK would skip a half-configured source silently (half a key pair, a token file without a role, a named
/// profile without credentials), the plan stops with a problem naming the variable instead.
/// </summary>
internal sealed class AwsCredentialPlanner(IReadOnlyDictionary<string, string> environment, HostSettings settings, AwsCredentialChainOptions options)
{
    private bool _storeLoaded;
    private AwsProfileStore? _store;
    private AwsCredentialException? _storeError;

    private const string NoContainerSettings = "container credential";
    private static readonly string[] ContainerVariables =
        [AwsContainerCredentialsRelativeUri, AwsContainerCredentialsFullUri, AwsContainerAuthorizationToken, AwsContainerAuthorizationTokenFile];
    private static readonly string[] InstanceMetadataVariables =
        [AwsEc2MetadataDisabled, AwsEc2MetadataServiceEndpoint, AwsEc2MetadataServiceEndpointMode];

    // Values the chain quotes in messages or uses as paths, URLs and names: a control character in one is refused by
    // name before it can reach a file name, a request or a line of output.
    private static readonly string[] PlainValueVariables =
    [
        AwsProfile, AwsSharedCredentialsFile, AwsConfigFile, "HOME", "USERPROFILE", AwsWebIdentityTokenFile, AwsRoleArn, AwsRoleSessionName,
        AwsContainerCredentialsRelativeUri, AwsContainerCredentialsFullUri, AwsContainerAuthorizationTokenFile, AwsEndpointUrlSts, AwsEndpointUrl,
        AwsEc2MetadataServiceEndpoint,
    ];

    public AwsCredentialPlan Plan()
    {
        // Every bad value is named at once, not just the first.
        var badValues = new List<ConfigurationProblem>();
        foreach (var name in PlainValueVariables)
        {
            if (environment.Raw(name)?.Trim() is { } value && value.Any(char.IsControl))
            {
                badValues.Add(new(name, $"{name}={DisplayText.Quote(value)} contains control characters: set it to the plain value, without line breaks."));
            }
        }

        // The key pair goes into signed headers: a line break or other stray character inside one fails every request.
        if (environment.Has(AwsAccessKeyId) || environment.Has(AwsSecretAccessKey) || environment.Has(AwsSecretKeyLegacy))
        {
            foreach (var name in new[] { AwsAccessKeyId, AwsSecretAccessKey, AwsSecretKeyLegacy, AwsSessionToken })
            {
                InputChecks.CheckCredentialValue(environment, name, badValues);
            }
        }

        if (badValues.Count > 0)
        {
            return AwsCredentialPlan.WithProblems(badValues);
        }

        if (settings.AwsCredentialExport is { } command)
        {
            return AwsCredentialPlan.Found(new ExportCommandProvider(
                new AwsCredentialExportSource(command, environment, options.ProcessRunner, options.Clock, options.CredentialExportTimeout)));
        }

        var notes = new List<string>();
        if (NamedProfileTakesItsKeysFromTheEnvironment() && Profile(notes) is { } assumeRoleWithEnvironmentKeys)
        {
            return assumeRoleWithEnvironmentKeys;
        }

        if (EnvironmentKeys() is { } keys)
        {
            return keys;
        }

        if (WebIdentityFromEnvironment() is { } webIdentity)
        {
            return webIdentity;
        }

        if (Profile(notes) is { } profile)
        {
            return profile;
        }

        if (Container() is { } container)
        {
            return container;
        }

        return InstanceMetadata(notes);
    }

    // AWSSDK.Core would sign with the environment keys themselves, which makes `credential_source = Environment`
    // unreachable through AWS_PROFILE; Claude Code's SDK assumes the role. Such a profile is what the user asked for.
    private bool NamedProfileTakesItsKeysFromTheEnvironment()
    {
        if (environment.Raw(AwsProfile)?.Trim() is not { } named)
        {
            return false;
        }

        try
        {
            return Store() is { } store
                && store.Find(named).Profile is { } profile
                && string.Equals(profile.Value("credential_source"), "Environment", StringComparison.OrdinalIgnoreCase);
        }
        catch (AwsCredentialException)
        {
            // The profile step reports unusable files by name.
            return false;
        }
    }

    // The shared files, read once per plan (bounded: BoundedFile).
    private AwsProfileStore? Store()
    {
        if (!_storeLoaded)
        {
            _storeLoaded = true;
            try
            {
                _store = AwsFiles.Load(environment, options.FileExists) is { } files ? new AwsProfileStore(files) : null;
            }
            catch (AwsCredentialException e)
            {
                _storeError = e;
            }
        }

        return _storeError is { } error ? throw new AwsCredentialException(error.Problem, error.Setting, error.Message) : _store;
    }

    private AwsCredentialPlan? EnvironmentKeys()
    {
        var id = environment.Raw(AwsAccessKeyId)?.Trim();
        var secret = (environment.Raw(AwsSecretAccessKey) ?? environment.Raw(AwsSecretKeyLegacy))?.Trim();
        if (id is null && secret is null)
        {
            return null;
        }

        // The official clients would sign with a null secret and send the request; say so before that.
        if (id is null || secret is null)
        {
            var (present, missing) = id is null ? (AwsSecretAccessKey, AwsAccessKeyId) : (AwsAccessKeyId, AwsSecretAccessKey);
            return AwsCredentialPlan.Problem(missing,
                $"{present} is set but {missing} is not: set both, or unset {present} to use another AWS credential source.");
        }

        var keys = KeysFromEnvironment()!;
        var source = new AwsCredentialSource(AwsCredentialSourceKind.EnvironmentKeys, keys.Source);
        return AwsCredentialPlan.Found(new FixedKeysProvider(source, AwsAccessKeyId, keys));
    }

    private AwsCredentialPlan? WebIdentityFromEnvironment()
    {
        var tokenFile = environment.Raw(AwsWebIdentityTokenFile)?.Trim();
        if (tokenFile is null)
        {
            return null;
        }

        var roleArn = environment.Raw(AwsRoleArn)?.Trim();
        if (roleArn is null)
        {
            return AwsCredentialPlan.Problem(AwsRoleArn,
                "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not: set AWS_ROLE_ARN to the IAM role to assume with the web identity token "
                + "(e.g. arn:aws:iam::123456789012:role/claude), or unset AWS_WEB_IDENTITY_TOKEN_FILE.");
        }

        var sessionName = environment.Raw(AwsRoleSessionName)?.Trim();
        var source = new AwsCredentialSource(AwsCredentialSourceKind.WebIdentity, $"web identity for role {roleArn} (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)");
        return WebIdentity(tokenFile, roleArn, sessionName, AwsWebIdentityTokenFile, AwsRoleSessionName, Sts(null), out var credentials) is { } problem
            ? problem
            : AwsCredentialPlan.Found(new SdkCredentialsProvider(source, AwsRoleArn, StsFix(AwsRoleArn, Sts(null)), () => credentials!));
    }

    private AwsCredentialPlan? WebIdentity(
        string tokenFile, string roleArn, string? sessionName, string tokenSetting, string sessionSetting, StsClients sts, out AWSCredentials? credentials)
    {
        credentials = null;
        if (!Path.IsPathFullyQualified(tokenFile))
        {
            return AwsCredentialPlan.Problem(tokenSetting, $"{tokenSetting}={DisplayText.Quote(tokenFile)} is not an absolute path: AWSSDK reads the token only from an absolute path.");
        }

        if (!options.FileExists(tokenFile))
        {
            return AwsCredentialPlan.Problem(tokenSetting,
                $"{tokenSetting}={DisplayText.Quote(tokenFile)}: the web identity token file does not exist. Point it at the token your platform mounts "
                + "(e.g. /var/run/secrets/eks.amazonaws.com/serviceaccount/token), or unset it.");
        }

        // AWSSDK reads it on every refresh: only a regular file within the cap.
        if (BoundedFile.Check(tokenFile, "The web identity token file", tokenSetting, BoundedFile.TokenFileCap) is { } unreadable)
        {
            return AwsCredentialPlan.Problem(tokenSetting, unreadable);
        }

        try
        {
            credentials = new StsWebIdentityCredentials(tokenFile, roleArn, sessionName, sts);
            return null;
        }
        catch (ArgumentException)
        {
            return AwsCredentialPlan.Problem(sessionSetting,
                $"{sessionSetting}={DisplayText.Quote(sessionName ?? "")} is not a valid role session name: use 2 to 64 letters, digits and +=,.@-_ only.");
        }
    }

    private AwsCredentialPlan? Profile(List<string> notes)
    {
        var named = environment.Raw(AwsProfile)?.Trim();
        var name = named ?? "default";
        var setting = named is null ? "the default AWS profile" : AwsProfile;
        AwsProfileStore? store;
        try
        {
            store = Store();
        }
        catch (AwsCredentialException e)
        {
            return AwsCredentialPlan.Problem(e.Setting, e.Message);
        }

        if (store is null || store.Files.None)
        {
            if (named is null)
            {
                notes.Add("no AWS credentials or config file");
                return null;
            }

            return AwsCredentialPlan.Problem(AwsProfile, store is null
                ? $"AWS_PROFILE={DisplayText.Quote(named)}: there is no AWS credentials or config file to read it from: neither HOME nor AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE is set in the environment given to the runtime."
                : $"AWS_PROFILE={DisplayText.Quote(named)}: neither {store.Files.CredentialsFile} nor {store.Files.ConfigFile} exists. Create the profile (e.g. `aws configure sso --profile {named}`), or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to the files that define it.");
        }

        var lookup = store.Find(name);
        if (lookup.Problems.Count > 0)
        {
            return AwsCredentialPlan.WithProblems(lookup.Problems);
        }

        if (lookup.Profile is not { } profile)
        {
            if (named is null)
            {
                notes.Add($"no [default] profile in {store.Files}" + (lookup.Hint is { } defaultHint ? $" ({defaultHint})" : ""));
                return null;
            }

            return AwsCredentialPlan.Problem(AwsProfile,
                $"AWS_PROFILE={DisplayText.Quote(named)}: no profile [{named}] in {store.Files.CredentialsFile} and no [profile {named}] in {store.Files.ConfigFile}. "
                + (lookup.Hint is { } hint ? hint + "." : "Fix the profile name, or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to the files that define it."));
        }

        var planned = new ProfileCredentials(store, Sts(profile.Value("region")), this, options, environment).Plan(profile, setting);
        if (planned.Problem is { } problem)
        {
            return AwsCredentialPlan.Problem(problem.Variable, problem.Message);
        }

        if (planned.Credentials is null)
        {
            if (named is null)
            {
                notes.Add($"the [default] profile in {store.Files} holds no credentials (only settings such as region)");
                return null;
            }

            return AwsCredentialPlan.Problem(AwsProfile,
                $"AWS_PROFILE={DisplayText.Quote(named)}: profile [{named}] in {store.Files} holds no credentials (only settings such as region). "
                + $"Add credentials to it (e.g. `aws configure --profile {named}` or `aws configure sso --profile {named}`), or set AWS_PROFILE to a profile that has them.");
        }

        var kind = named is null ? AwsCredentialSourceKind.DefaultProfile : AwsCredentialSourceKind.NamedProfile;
        var description = $"profile {name} ({(named is null ? "default" : "AWS_PROFILE")}){planned.Detail}";
        var fix = planned.Fix ?? (named is null
            ? "Sign in again (e.g. `aws sso login`), or fix the [default] profile."
            : $"Sign in again (e.g. `aws sso login --profile {named}`), or fix profile [{named}].");
        var credentials = planned.Credentials;
        var deadline = credentials is CredentialProcessCredentials ? AwsCredentialDeadline.None : (AwsCredentialDeadline?)null;
        return AwsCredentialPlan.Found(new SdkCredentialsProvider(new AwsCredentialSource(kind, description), AwsProfile, fix, () => credentials, deadline));
    }

    /// <summary>The region the profile AWS_PROFILE (or default) names, and where it is written; null when none.</summary>
    internal AwsSetting? ProfileRegion()
    {
        try
        {
            return Store()?.Find(environment.Raw(AwsProfile)?.Trim() ?? "default").Profile?.Get("region");
        }
        catch (AwsCredentialException)
        {
            return null;
        }
    }

    private AwsCredentialPlan? Container()
    {
        var relative = environment.Raw(AwsContainerCredentialsRelativeUri)?.Trim();
        var full = environment.Raw(AwsContainerCredentialsFullUri)?.Trim();
        if (relative is null && full is null)
        {
            return null;
        }

        var setting = relative is null ? AwsContainerCredentialsFullUri : AwsContainerCredentialsRelativeUri;
        if (ContainerCredentials(setting, out var credentials) is { } problem)
        {
            return problem;
        }

        var endpoint = relative is null ? full! : $"http://169.254.170.2{relative}";
        var source = new AwsCredentialSource(AwsCredentialSourceKind.Container, $"container credentials from {endpoint} ({setting})");
        return AwsCredentialPlan.Found(new SdkCredentialsProvider(source, setting,
            $"Check that the container credentials endpoint ({endpoint}) is reachable from this host and that AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) is the one it expects.",
            () => credentials!));
    }

    /// <summary>AWSSDK.Core's container credentials, when this process's environment carries the same settings.</summary>
    internal AwsCredentialPlan? ContainerCredentials(string setting, out AWSCredentials? credentials)
    {
        credentials = null;
        var differences = ProcessEnvironmentAgreement.Differences(environment, ContainerVariables);
        if (differences.Count > 0)
        {
            return AwsCredentialPlan.Problem(differences[0], ProcessEnvironmentAgreement.Explain(differences, NoContainerSettings));
        }

        if (environment.Raw(AwsContainerAuthorizationTokenFile)?.Trim() is { } tokenFile)
        {
            if (!options.FileExists(tokenFile))
            {
                return AwsCredentialPlan.Problem(AwsContainerAuthorizationTokenFile,
                    $"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE={DisplayText.Quote(tokenFile)} does not exist: point it at the token file your platform mounts, or unset it.");
            }

            if (BoundedFile.Check(tokenFile, "The container authorization token file", AwsContainerAuthorizationTokenFile, BoundedFile.TokenFileCap) is { } unreadable)
            {
                return AwsCredentialPlan.Problem(AwsContainerAuthorizationTokenFile, unreadable);
            }
        }

        try
        {
            credentials = new GenericContainerCredentials();
            return null;
        }
        catch (ArgumentException)
        {
            return AwsCredentialPlan.Problem(setting,
                $"{setting} is not a container credentials endpoint AWSSDK accepts: use https, a loopback address, or the ECS/EKS hosts 169.254.170.2 / 169.254.170.23.");
        }
    }

    private AwsCredentialPlan InstanceMetadata(List<string> notes)
    {
        if (environment.Flag(AwsEc2MetadataDisabled))
        {
            notes.Add("instance metadata is off (AWS_EC2_METADATA_DISABLED)");
            return AwsCredentialPlan.Empty(notes);
        }

        if (InstanceMetadataCredentials(out var credentials) is { } problem)
        {
            return problem;
        }

        var source = new AwsCredentialSource(AwsCredentialSourceKind.InstanceMetadata, $"EC2 instance metadata (IMDSv2 at {EC2InstanceMetadata.ServiceEndpoint})");
        var fix = "Outside EC2 there is no instance metadata: configure another source (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, awsCredentialExport) "
            + "and set AWS_EC2_METADATA_DISABLED=true; on EC2, attach an instance profile with a role and allow IMDSv2 (hop limit 2 in containers)."
            + AwsCredentialPlan.Empty(notes).LookedAt;
        return AwsCredentialPlan.Found(new SdkCredentialsProvider(source, AwsEc2MetadataDisabled, fix, () => credentials!));
    }

    /// <summary>AWSSDK.Core's instance-metadata credentials, when this process's environment carries the same IMDS settings.</summary>
    internal AwsCredentialPlan? InstanceMetadataCredentials(out AWSCredentials? credentials)
    {
        credentials = null;
        var differences = ProcessEnvironmentAgreement.Differences(environment, InstanceMetadataVariables);
        if (differences.Count > 0)
        {
            return AwsCredentialPlan.Problem(differences[0], ProcessEnvironmentAgreement.Explain(differences, "instance metadata (IMDS)"));
        }

        // Its constructor asks IMDS for the role name: made on first use, inside the chain's deadline.
        credentials = new DeferredAwsCredentials(() => new InstanceProfileAWSCredentials());
        return null;
    }

    /// <summary>The environment's key pair (the one place it is read), or null unless both halves are set.</summary>
    internal AwsSessionCredentials? KeysFromEnvironment()
    {
        var id = environment.Raw(AwsAccessKeyId)?.Trim();
        var secret = (environment.Raw(AwsSecretAccessKey) ?? environment.Raw(AwsSecretKeyLegacy))?.Trim();
        var token = environment.Raw(AwsSessionToken)?.Trim();
        var description = token is null
            ? "access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)"
            : "temporary access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)";
        return id is null || secret is null ? null : new AwsSessionCredentials(id, secret, token, null, description);
    }

    internal AwsCredentialPlan? WebIdentityForProfile(string tokenFile, string roleArn, string? sessionName, string profileName, StsClients sts, out AWSCredentials? credentials) =>
        WebIdentity(tokenFile, roleArn, sessionName, $"web_identity_token_file of profile [{profileName}]", $"role_session_name of profile [{profileName}]", sts, out credentials);

    internal static string StsFix(string setting, StsClients sts) =>
        $"Check that {setting} names a role this identity may assume (its trust policy) and that STS is reachable"
        + (sts.Endpoint is { } endpoint ? $" at {endpoint} (AWS_ENDPOINT_URL_STS)." : $" in {sts.Region}.");

    private StsClients Sts(string? profileRegion) => new(environment, profileRegion is null ? null : Amazon.RegionEndpoint.GetBySystemName(profileRegion));
}
