namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

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
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [AnthropicAwsWorkspaceId, AnthropicAwsApiKey, AnthropicAwsBaseUrl, SkipAnthropicAwsAuth, .. AwsTransportVariables.All];

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var warnings = FirstPartyLeftovers(inputs.Environment);
        if (InputChecks.UnrecognizedFlagWarning(inputs.Environment, SkipAnthropicAwsAuth) is { } flagWarning)
        {
            warnings.Add(flagWarning);
        }

        if (!ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out var problems))
        {
            // A refresh can fix missing or expired AWS credentials, so offer it whenever one is configured.
            return new TransportValidation(PartialBaseUri(inputs), problems, AwsTransportVariables.RefreshAction(inputs.Settings), warnings);
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
            && new Aws.AwsCredentialChain(inputs.Environment, inputs.Settings, new() { FileExists = inputs.FileExists }).Describe().Source is { } unused)
        {
            warnings.Add("ANTHROPIC_AWS_API_KEY is set, so Claude Platform on AWS requests use the API key and not the AWS credentials " +
                $"({unused}); unset ANTHROPIC_AWS_API_KEY to sign with SigV4.");
        }

        var actions = settings.AuthMode is ClaudePlatformAwsAuthMode.SigV4 ? AwsTransportVariables.RefreshAction(inputs.Settings) : [];
        return new TransportValidation(settings.BaseUri, [], actions, warnings, details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        RequestClients.ClaudePlatformAws(inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public override string ToString() => "ClaudePlatformAws";

    private static Uri? PartialBaseUri(TransportInputs inputs)
    {
        var scratch = new List<ConfigurationProblem>();
        if (inputs.Environment.Raw(AnthropicAwsBaseUrl) is { } value)
        {
            return InputChecks.CheckBaseUrlOverride(AnthropicAwsBaseUrl, value, scratch);
        }

        var (region, _) = InputChecks.CheckAwsRegion(inputs.Environment, "Claude Platform on AWS", scratch);
        return region is null ? null : new Uri($"https://aws-external-anthropic.{region}.api.aws");
    }

    // First-party credentials never travel to the CPA gateway; say that they are being ignored rather than stay silent.
    private static List<string> FirstPartyLeftovers(IReadOnlyDictionary<string, string> env)
    {
        string[] firstParty = [AnthropicApiKey, AnthropicAuthToken, ClaudeCodeOAuthToken, AnthropicBaseUrl, AnthropicCustomHeaders];
        var present = firstParty.Where(env.Has).ToArray();
        return present.Length == 0
            ? []
            : [$"{string.Join(", ", present)} {(present.Length == 1 ? "is" : "are")} set but not used: Claude Platform on AWS never sends first-party Anthropic credentials or headers, and launches drop them."];
    }
}
