namespace ProviderAudit.Runtime;

/// <summary>How a backend authenticates and where its requests go.</summary>
public interface IAuthTransport
{
    /// <summary>Which transport this is.</summary>
    AuthTransportKind Kind { get; }

    /// <summary>True only for Anthropic's own endpoint with Anthropic API keys or OAuth.</summary>
    bool IsFirstParty { get; }

    /// <summary>The <c>CLAUDE_CODE_USE_*</c> variable that selects this transport in Claude Code, or null when none does (first party).</summary>
    string? SelectorVariable { get; }

    /// <summary>
    /// Environment variables this transport reads (credentials, endpoint, region, …). A launch for this transport
    /// passes them on; a launch for any other transport drops them.
    /// </summary>
    IReadOnlyCollection<string> OwnedVariables { get; }

    /// <summary>Where requests go for these inputs, or null when the inputs do not determine it (see <see cref="Validate"/> for why).</summary>
    Uri? ResolveBaseUri(TransportInputs inputs);

    /// <summary>Checks this transport's inputs and says what is wrong, each problem naming its variable and fix.</summary>
    TransportValidation Validate(TransportInputs inputs);

    /// <summary>Whether requests through this transport can use <paramref name="feature"/>.</summary>
    bool Supports(TransportFeature feature);

    /// <summary>
    /// Builds the request client for these inputs on the backend's official SDK client (Claude Platform on AWS:
    /// <c>Anthropic.Aws.AnthropicAwsClient</c>; first party: <c>Anthropic.AnthropicClient</c>; Bedrock, Vertex,
    /// Foundry: their <c>Anthropic.*</c> packages). Credentials come from <paramref name="inputs"/>, never from
    /// the process environment.
    /// </summary>
    /// <exception cref="RequestClientException">The inputs do not validate, or the client cannot be built from them.</exception>
    IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null);
}
