using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

using static ClaudePlatformAwsVariables;

/// <summary>
/// Validated inputs for Claude Platform on AWS: the one place its variables are read and checked. Status uses it to
/// explain what is wrong; the request transport builds the official <c>AnthropicAwsClient</c> from exactly this object.
/// </summary>
public sealed class ClaudePlatformAwsSettings
{
    private ClaudePlatformAwsSettings(
        string workspaceId,
        string region,
        string regionVariable,
        Uri baseUri,
        bool baseUriOverridden,
        Secret? apiKey,
        bool skipAuth,
        string? awsProfile,
        AwsCredentialSource? awsCredentialSource,
        string? awsAuthRefresh)
    {
        WorkspaceId = workspaceId;
        Region = region;
        RegionVariable = regionVariable;
        BaseUri = baseUri;
        BaseUriOverridden = baseUriOverridden;
        ApiKey = apiKey;
        SkipAuth = skipAuth;
        AwsProfile = awsProfile;
        AwsCredentialSource = awsCredentialSource;
        AwsAuthRefresh = awsAuthRefresh;
    }

    /// <summary>The workspace id sent as <c>anthropic-workspace-id</c> (non-empty, no whitespace or control characters).</summary>
    public string WorkspaceId { get; }

    /// <summary>The AWS region: lowercase letters, digits and hyphens only, since it becomes part of a host name.</summary>
    public string Region { get; }

    /// <summary><c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>, whichever supplied <see cref="Region"/>.</summary>
    public string RegionVariable { get; }

    /// <summary><c>https://aws-external-anthropic.{region}.api.aws</c>, or the validated <c>ANTHROPIC_AWS_BASE_URL</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>True when <see cref="BaseUri"/> came from <c>ANTHROPIC_AWS_BASE_URL</c>.</summary>
    public bool BaseUriOverridden { get; }

    /// <summary>The CPA API key (<c>ANTHROPIC_AWS_API_KEY</c>), if set.</summary>
    public Secret? ApiKey { get; }

    /// <summary>True when <c>CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH</c> is truthy.</summary>
    public bool SkipAuth { get; }

    /// <summary><c>AWS_PROFILE</c>, if set.</summary>
    public string? AwsProfile { get; }

    /// <summary>
    /// The AWS credential source the runtime's chain would sign with (described, not yet resolved), or null when the
    /// chain finds none (then <see cref="AuthMode"/> is not SigV4, or the settings did not validate).
    /// </summary>
    public AwsCredentialSource? AwsCredentialSource { get; }

    /// <summary>The settings' <c>awsAuthRefresh</c> command, if configured.</summary>
    public string? AwsAuthRefresh { get; }

    /// <summary>
    /// The one auth requests carry. Skip-auth wins; then the CPA key, because the official SDKs take
    /// <c>ANTHROPIC_AWS_API_KEY</c> before the default AWS credential chain.
    /// </summary>
    public ClaudePlatformAwsAuthMode AuthMode =>
        SkipAuth ? ClaudePlatformAwsAuthMode.SkipAuth
        : ApiKey is not null ? ClaudePlatformAwsAuthMode.ApiKey
        : ClaudePlatformAwsAuthMode.SigV4;

    /// <summary>Reads and validates from an effective environment and host settings.</summary>
    /// <exception cref="ClaudePlatformAwsConfigurationException">Any input fails validation.</exception>
    public static ClaudePlatformAwsSettings Read(IReadOnlyDictionary<string, string> environment, HostSettings? hostSettings = null) =>
        Read(new TransportInputs(environment, hostSettings));

    /// <summary>Reads and validates.</summary>
    /// <exception cref="ClaudePlatformAwsConfigurationException">Any input fails validation.</exception>
    public static ClaudePlatformAwsSettings Read(TransportInputs inputs) =>
        TryRead(inputs, out var settings, out var problems) ? settings : throw new ClaudePlatformAwsConfigurationException(problems);

    /// <summary>Reads and validates; on failure <paramref name="problems"/> lists every problem, each naming its variable and fix.</summary>
    public static bool TryRead(
        TransportInputs inputs,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClaudePlatformAwsSettings? settings,
        out IReadOnlyList<ConfigurationProblem> problems)
    {
        var env = inputs.Environment;
        var found = new List<ConfigurationProblem>();

        var workspaceId = env.Raw(AnthropicAwsWorkspaceId);
        if (workspaceId is null)
        {
            found.Add(new(AnthropicAwsWorkspaceId,
                "ANTHROPIC_AWS_WORKSPACE_ID is not set. Claude Platform on AWS needs your workspace id (wrkspc_…, shown in the AWS console): set ANTHROPIC_AWS_WORKSPACE_ID."));
        }
        else if (InputChecks.HasWhitespaceOrControl(workspaceId))
        {
            // It is sent as a header: a CR/LF here would inject headers.
            found.Add(new(AnthropicAwsWorkspaceId,
                $"ANTHROPIC_AWS_WORKSPACE_ID={DisplayText.Quote(workspaceId)} contains whitespace or control characters; set it to the bare workspace id, e.g. wrkspc_01AbCd."));
            workspaceId = null;
        }
        else if (workspaceId.IndexOfAny(['"', '\'', '`']) >= 0 || workspaceId.Any(c => !char.IsAscii(c)))
        {
            // Quotes copied along with the id reach the gateway as part of it, which then finds no such workspace (403).
            found.Add(new(AnthropicAwsWorkspaceId,
                $"ANTHROPIC_AWS_WORKSPACE_ID={DisplayText.QuoteAscii(workspaceId)} contains quotes or non-ASCII characters, which would be sent as part of the id; "
                + "set it to the bare workspace id, e.g. wrkspc_01AbCd (in settings.json, without extra quotes inside the string)."));
            workspaceId = null;
        }

        var (region, regionVariable) = AwsRegionInput.Check(env, "Claude Platform on AWS", found,
            () => new AwsCredentialPlanner(env, inputs.Settings, new() { FileExists = inputs.FileExists }).ProfileRegion());

        Uri? baseUri = null;
        var overrideValue = env.Raw(AnthropicAwsBaseUrl);
        var overridden = overrideValue is not null;
        if (overrideValue is not null)
        {
            baseUri = InputChecks.CheckBaseUrlOverride(AnthropicAwsBaseUrl, overrideValue, found);
        }
        else if (region is not null)
        {
            baseUri = GatewayUri(region);
        }

        InputChecks.CheckCredentialValue(env, AnthropicAwsApiKey, found);
        var apiKeyValue = env.Raw(AnthropicAwsApiKey)?.Trim();
        var apiKey = apiKeyValue is null ? null : new Secret(apiKeyValue);
        var skipAuth = env.Flag(SkipAnthropicAwsAuth);
        // The chain is described (no network) only when SigV4 is the auth; the key or skip-auth never looks at AWS credentials.
        var plan = skipAuth || apiKey is not null ? null : new AwsCredentialChain(env, inputs.Settings, new() { FileExists = inputs.FileExists }).Describe();
        if (plan is { IsEmpty: true })
        {
            found.Add(new(AnthropicAwsApiKey,
                "No credentials for Claude Platform on AWS: set ANTHROPIC_AWS_API_KEY (a key created for Claude Platform in the AWS console), " +
                "or make AWS credentials available for SigV4, e.g. AWS_PROFILE=<your SSO profile> or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY." + plan.LookedAt));
        }
        else if (plan is not null)
        {
            found.AddRange(plan.Problems);
        }

        problems = found;
        if (found.Count > 0)
        {
            settings = null;
            return false;
        }

        settings = new ClaudePlatformAwsSettings(
            workspaceId!, region!, regionVariable!, baseUri!, overridden, apiKey, skipAuth,
            env.Raw(AwsVariables.AwsProfile)?.Trim(), plan?.Source, inputs.Settings.AwsAuthRefresh);
        return true;
    }

    /// <summary>The gateway of <paramref name="region"/> (a validated region token).</summary>
    internal static Uri GatewayUri(string region) => new($"https://aws-external-anthropic.{region}.api.aws");

    /// <summary>No secret values: the API key shows only in redacted form.</summary>
    public override string ToString() =>
        $"ClaudePlatformAwsSettings(workspace: {WorkspaceId}, region: {Region} ({RegionVariable}), baseUrl: {BaseUri}, " +
        $"auth: {AuthMode}{(ApiKey is null ? "" : $" key {ApiKey}")}, awsSource: {AwsCredentialSource?.ToString() ?? "none"})";
}
