namespace ProviderAudit.Runtime;

/// <summary>The auth/endpoint transports the runtime knows.</summary>
public enum AuthTransportKind
{
    /// <summary>api.anthropic.com with an Anthropic API key or OAuth token.</summary>
    FirstParty,
    /// <summary>Amazon Bedrock with SigV4 or a Bedrock bearer token.</summary>
    Bedrock,
    /// <summary>Google Vertex AI with Google credentials.</summary>
    Vertex,
    /// <summary>Microsoft Foundry with an API key or Entra ID.</summary>
    Foundry,
    /// <summary>The Claude Platform on AWS gateway with SigV4 or a CPA API key.</summary>
    ClaudePlatformAws,
}
