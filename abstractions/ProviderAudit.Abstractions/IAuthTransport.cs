namespace ProviderAudit.Runtime;

/// <summary>
/// How a backend authenticates and where its requests go: the question to ask when a check is about keys, tokens,
/// headers or endpoints. Claude Platform on AWS answers it unlike first party (AWS auth, its own gateway). Validating a
/// backend's inputs and building its request client is the runtime's job (<c>RuntimeBackend.Validate</c>,
/// <c>RuntimeBackend.CreateRequestClient</c> in the ProviderAudit.Runtime package).
/// </summary>
public interface IAuthTransport
{
    /// <summary>Which transport this is.</summary>
    AuthTransportKind Kind { get; }

    /// <summary>True only for Anthropic's own endpoint with Anthropic API keys or OAuth.</summary>
    bool IsFirstParty { get; }

    /// <summary>Whether requests through this transport can use <paramref name="feature"/>.</summary>
    bool Supports(TransportFeature feature);
}
