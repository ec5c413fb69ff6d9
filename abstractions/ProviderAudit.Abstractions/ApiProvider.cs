namespace ProviderAudit.Runtime;

/// <summary>
/// The backend a request goes to. Kept for code that already switches on it; ask
/// <see cref="ApiProviderCapabilities.ModelIdFormat"/> or <see cref="ApiProviderCapabilities.AuthTransport"/>
/// instead of comparing with <see cref="FirstParty"/> (analyzer rule PA0001).
/// </summary>
public enum ApiProvider
{
    /// <summary>Anthropic's own API (api.anthropic.com).</summary>
    FirstParty,
    /// <summary>Amazon Bedrock.</summary>
    Bedrock,
    /// <summary>Google Vertex AI.</summary>
    Vertex,
    /// <summary>Microsoft Foundry.</summary>
    Foundry,
    /// <summary>Claude Platform on AWS: first-party model ids, AWS auth and endpoints.</summary>
    ClaudePlatformAws,
}
