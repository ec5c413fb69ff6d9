namespace ProviderAudit.Runtime;

/// <summary>The auth transports, one instance each.</summary>
public static class AuthTransports
{
    /// <summary>api.anthropic.com with Anthropic API keys or OAuth.</summary>
    public static IAuthTransport FirstParty { get; } = new SimpleAuthTransport(AuthTransportKind.FirstParty);

    /// <summary>Amazon Bedrock.</summary>
    public static IAuthTransport Bedrock { get; } = new SimpleAuthTransport(AuthTransportKind.Bedrock);

    /// <summary>Google Vertex AI.</summary>
    public static IAuthTransport Vertex { get; } = new SimpleAuthTransport(AuthTransportKind.Vertex);

    /// <summary>Microsoft Foundry.</summary>
    public static IAuthTransport Foundry { get; } = new SimpleAuthTransport(AuthTransportKind.Foundry);

    /// <summary>The Claude Platform on AWS gateway.</summary>
    public static IAuthTransport ClaudePlatformAws { get; } = new SimpleAuthTransport(AuthTransportKind.ClaudePlatformAws);

    private sealed class SimpleAuthTransport(AuthTransportKind kind) : IAuthTransport
    {
        public AuthTransportKind Kind { get; } = kind;

        public bool IsFirstParty => Kind == AuthTransportKind.FirstParty;

        public override string ToString() => Kind.ToString();
    }
}
