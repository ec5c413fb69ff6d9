using Anthropic.Exceptions;
using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;
using ProviderAudit.Runtime.Status;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

using static ClaudePlatformAwsVariables;

/// <summary>
/// Claude Platform on AWS: the Anthropic AWS gateway with SigV4 or a CPA API key and an <c>anthropic-workspace-id</c>
/// header. Shares first-party model ids but none of first-party auth or endpoints.
/// </summary>
internal sealed class ClaudePlatformAwsTransport : IBackendTransport
{
    internal ClaudePlatformAwsTransport()
    {
    }

    /// <inheritdoc />
    public AuthTransportKind Kind => AuthTransportKind.ClaudePlatformAws;

    /// <inheritdoc />
    public string? SelectorVariable => UseAnthropicAws;

    /// <inheritdoc />
    public string? ImpliedSelectorVariable => AnthropicAwsWorkspaceId;

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [AnthropicAwsWorkspaceId, AnthropicAwsApiKey, AnthropicAwsBaseUrl, SkipAnthropicAwsAuth, .. AwsVariables.All];

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariablePrefixes => AwsVariables.Prefixes;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ReservedVariablePrefixes { get; } = [AnthropicAwsPrefix, AwsVariables.AwsPrefix];

    /// <inheritdoc />
    public IReadOnlyCollection<string> CredentialVariables { get; } = [AnthropicAwsApiKey, .. AwsVariables.Credentials];

    /// <inheritdoc />
    /// <remarks>All but the auth, host and workspace headers (<see cref="ClaudePlatformAwsCustomHeaders"/>); those it sends are signed.</remarks>
    public bool SendsCustomHeader(string name) => !ClaudePlatformAwsCustomHeaders.IsWithheld(name);

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var warnings = FirstPartyLeftovers(inputs.Environment);
        if (InputChecks.UnrecognizedFlagWarning(inputs.Environment, SkipAnthropicAwsAuth) is { } flagWarning)
        {
            warnings.Add(flagWarning);
        }

        var custom = CustomHeaders.From(inputs.Environment);
        if (ClaudePlatformAwsCustomHeaders.WithheldWarning(custom) is { } withheld)
        {
            warnings.Add(withheld);
        }

        if (!ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out var problems) || custom.Problems.Count > 0)
        {
            problems = [.. problems, .. custom.Problems];
            // A refresh can fix missing or expired AWS credentials, so offer it whenever one is configured.
            return new TransportValidation(PartialBaseUri(inputs), problems, AwsAuthRefreshCoordinator.Actions(inputs.Settings), warnings);
        }

        var details = new List<KeyValuePair<string, string>>
        {
            new("workspace", settings.WorkspaceId),
            new("region", $"{settings.Region} ({settings.RegionVariable})"),
            new("baseUrl", settings.BaseUriOverridden ? $"{settings.BaseUri} (ANTHROPIC_AWS_BASE_URL)" : settings.BaseUri.ToString()),
            new("auth", settings.AuthMode switch
            {
                ClaudePlatformAwsAuthMode.SkipAuth => "none (CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH)",
                ClaudePlatformAwsAuthMode.ApiKey => $"CPA API key {settings.ApiKey} (ANTHROPIC_AWS_API_KEY)",
                _ => $"SigV4 via {settings.AwsCredentialSource}",
            }),
        };

        if (settings.AuthMode is ClaudePlatformAwsAuthMode.ApiKey
            && new AwsCredentialChain(inputs.Environment, inputs.Settings, new() { FileExists = inputs.FileExists }).Describe().Source is { } unused)
        {
            warnings.Add("ANTHROPIC_AWS_API_KEY is set, so Claude Platform on AWS requests use the API key and not the AWS credentials " +
                $"({unused}); unset ANTHROPIC_AWS_API_KEY to sign with SigV4.");
        }

        var actions = settings.AuthMode is ClaudePlatformAwsAuthMode.SigV4 ? AwsAuthRefreshCoordinator.Actions(inputs.Settings) : [];
        return new TransportValidation(settings.BaseUri, [], actions, warnings, details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        ClaudePlatformAwsRequestClient.Create(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public string? RefusalAdvice(AnthropicApiException error, TransportInputs inputs)
    {
        var mode = ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out _) ? settings.AuthMode : ClaudePlatformAwsAuthMode.SigV4;
        return ClaudePlatformAwsProbeAdvice.For(error, mode, inputs).Reason;
    }

    /// <inheritdoc />
    /// <remarks>Always: ready only once the official <c>AnthropicAwsClient</c> is built and its one auth resolves.</remarks>
    public bool ReadinessResolvesCredential(TransportInputs inputs) => true;

    /// <inheritdoc />
    public Task<RequestTransportReadiness> ProbeAsync(IRequestClient client, RuntimeBackend backend, TransportInputs inputs, CancellationToken cancellationToken) =>
        ClaudePlatformAwsProbe.ProbeAsync(client, backend, inputs, cancellationToken);

    /// <inheritdoc />
    /// <remarks>A workspace is bound to one region, and each lists its own models.</remarks>
    public string? ModelListScope(TransportInputs inputs) =>
        ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out _) ? $"workspace {settings.WorkspaceId}, region {settings.Region}" : null;

    /// <inheritdoc />
    /// <remarks>The gateway's known refusals (403 IAM, 401 expired, federation, signature) become the probe's advice.</remarks>
    public string ExplainRefusal(AnthropicApiException error, RuntimeBackend backend, TransportInputs inputs)
    {
        var mode = ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out _) ? settings.AuthMode : ClaudePlatformAwsAuthMode.SigV4;
        return ClaudePlatformAwsProbeAdvice.For(error, mode, inputs).Reason ?? $"{backend.DisplayName} answered {(int)error.StatusCode}.";
    }

    /// <inheritdoc />
    public override string ToString() => "ClaudePlatformAws";

    private static Uri? PartialBaseUri(TransportInputs inputs)
    {
        var scratch = new List<ConfigurationProblem>();
        if (inputs.Environment.Raw(AnthropicAwsBaseUrl) is { } value)
        {
            return InputChecks.CheckBaseUrlOverride(AnthropicAwsBaseUrl, value, scratch);
        }

        var (region, _) = AwsRegionInput.Check(inputs.Environment, "Claude Platform on AWS", scratch);
        return region is null ? null : ClaudePlatformAwsSettings.GatewayUri(region);
    }

    // First-party credentials and endpoint (the first-party backend's variables) never travel to the CPA gateway; say that
    // they are being ignored rather than stay silent. ANTHROPIC_CUSTOM_HEADERS is not one of them: its other headers are
    // sent, its auth headers are named by ClaudePlatformAwsCustomHeaders.
    private static List<string> FirstPartyLeftovers(IReadOnlyDictionary<string, string> env)
    {
        var present = RuntimeBackends.FirstParty.Transport.OwnedVariables
            .Where(name => name != EnvironmentVariableNames.AnthropicCustomHeaders && env.Has(name))
            .ToArray();
        return present.Length == 0
            ? []
            : [$"{string.Join(", ", present)} {(present.Length == 1 ? "is" : "are")} set but not used: Claude Platform on AWS never sends first-party Anthropic credentials or endpoints, and launches drop them."];
    }
}
