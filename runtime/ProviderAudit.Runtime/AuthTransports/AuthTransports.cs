namespace ProviderAudit.Runtime;

/// <summary>The auth transports, one instance each.</summary>
public static class AuthTransports
{
    /// <summary>api.anthropic.com with Anthropic API keys or OAuth.</summary>
    public static IAuthTransport FirstParty { get; } = new FirstPartyTransport();

    /// <summary>Amazon Bedrock.</summary>
    public static IAuthTransport Bedrock { get; } = new BedrockTransport();

    /// <summary>Google Vertex AI.</summary>
    public static IAuthTransport Vertex { get; } = new VertexTransport();

    /// <summary>Microsoft Foundry.</summary>
    public static IAuthTransport Foundry { get; } = new FoundryTransport();

    /// <summary>The Claude Platform on AWS gateway.</summary>
    public static IAuthTransport ClaudePlatformAws { get; } = new ClaudePlatformAwsTransport();
}
