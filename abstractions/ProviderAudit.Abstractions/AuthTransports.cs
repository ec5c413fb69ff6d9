namespace ProviderAudit.Runtime;

/// <summary>The auth transports, one instance each.</summary>
public static class AuthTransports
{
    /// <summary>api.anthropic.com with Anthropic API keys or OAuth: every feature.</summary>
    public static IAuthTransport FirstParty { get; } = new AuthTransport(
        AuthTransportKind.FirstParty, isFirstParty: true, (TransportFeature[])Enum.GetValues(typeof(TransportFeature)));

    /// <summary>Amazon Bedrock: Messages (with tools) and token counting.</summary>
    public static IAuthTransport Bedrock { get; } = new AuthTransport(
        AuthTransportKind.Bedrock, isFirstParty: false, TransportFeature.Messages, TransportFeature.ToolUse, TransportFeature.CountTokens);

    /// <summary>Google Vertex AI: Messages (with tools) and token counting.</summary>
    public static IAuthTransport Vertex { get; } = new AuthTransport(
        AuthTransportKind.Vertex, isFirstParty: false, TransportFeature.Messages, TransportFeature.ToolUse, TransportFeature.CountTokens);

    /// <summary>Microsoft Foundry: Messages (with tools) and token counting.</summary>
    public static IAuthTransport Foundry { get; } = new AuthTransport(
        AuthTransportKind.Foundry, isFirstParty: false, TransportFeature.Messages, TransportFeature.ToolUse, TransportFeature.CountTokens);

    /// <summary>
    /// The Claude Platform on AWS gateway: Anthropic's API, betas and server tools included, but not fast mode or the
    /// account-bound features (Anthropic OAuth sign-in, settings sync, the Admin API).
    /// </summary>
    public static IAuthTransport ClaudePlatformAws { get; } = new AuthTransport(
        AuthTransportKind.ClaudePlatformAws, isFirstParty: false,
        ((TransportFeature[])Enum.GetValues(typeof(TransportFeature)))
            .Except([TransportFeature.FastMode, TransportFeature.OAuthSignIn, TransportFeature.SettingsSync, TransportFeature.AdminApi]).ToArray());
}
