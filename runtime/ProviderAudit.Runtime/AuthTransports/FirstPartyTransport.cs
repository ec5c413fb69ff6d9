namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

/// <summary>Anthropic's own API: <c>api.anthropic.com</c> (or <c>ANTHROPIC_BASE_URL</c>) with an API key or OAuth token.</summary>
public sealed class FirstPartyTransport : IAuthTransport
{
    /// <summary>The action that connects an Anthropic account; only this transport ever offers it.</summary>
    public const string ConnectAnthropicAction = "Connect Anthropic";

    private static readonly Uri DefaultBaseUri = new("https://api.anthropic.com");

    internal FirstPartyTransport()
    {
    }

    /// <inheritdoc />
    public AuthTransportKind Kind => AuthTransportKind.FirstParty;

    /// <inheritdoc />
    public bool IsFirstParty => true;

    /// <inheritdoc />
    public string? SelectorVariable => null;

    /// <inheritdoc />
    public IReadOnlyCollection<string> OwnedVariables { get; } =
        [AnthropicApiKey, AnthropicAuthToken, ClaudeCodeOAuthToken, AnthropicBaseUrl, AnthropicCustomHeaders];

    /// <inheritdoc />
    public Uri? ResolveBaseUri(TransportInputs inputs) => Validate(inputs).BaseUri;

    /// <inheritdoc />
    public TransportValidation Validate(TransportInputs inputs)
    {
        var env = inputs.Environment;
        var problems = new List<ConfigurationProblem>();
        var baseUri = env.Raw(AnthropicBaseUrl) is { } value ? InputChecks.CheckBaseUrlOverride(AnthropicBaseUrl, value, problems) : DefaultBaseUri;

        var credential = new[] { AnthropicApiKey, AnthropicAuthToken, ClaudeCodeOAuthToken }.FirstOrDefault(env.Has);
        if (credential is null)
        {
            problems.Add(new(AnthropicApiKey,
                "Not connected to Anthropic: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN / CLAUDE_CODE_OAUTH_TOKEN), or use Connect Anthropic to sign in."));
            return new TransportValidation(baseUri, problems, [ConnectAnthropicAction]);
        }

        var details = new List<KeyValuePair<string, string>>
        {
            new("baseUrl", baseUri?.ToString() ?? "(invalid)"),
            new("auth", $"{Secret.Redact(env.Raw(credential)!.Trim())} ({credential})"),
        };
        return new TransportValidation(baseUri, problems, [], [], details);
    }

    /// <inheritdoc />
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        RequestClients.FirstParty(this, inputs, options ?? RequestClientOptions.Default);

    /// <inheritdoc />
    public bool Supports(TransportFeature feature) => true;

    /// <inheritdoc />
    public override string ToString() => "FirstParty";
}
