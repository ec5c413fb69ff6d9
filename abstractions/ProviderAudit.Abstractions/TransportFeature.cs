namespace ProviderAudit.Runtime;

/// <summary>API features whose availability depends on where requests go and how they are authenticated.</summary>
public enum TransportFeature
{
    /// <summary><c>/v1/messages</c>.</summary>
    Messages,
    /// <summary>Tool use in Messages requests.</summary>
    ToolUse,
    /// <summary><c>/v1/messages/count_tokens</c>.</summary>
    CountTokens,
    /// <summary><c>/v1/models</c>.</summary>
    ListModels,
    /// <summary>The Files API.</summary>
    Files,
    /// <summary>Message Batches.</summary>
    Batches,
    /// <summary>Betas of Anthropic's own API beyond the ones the cloud platforms carry.</summary>
    AnthropicApiBetas,
    /// <summary>Fast mode.</summary>
    FastMode,
    /// <summary>Anthropic OAuth sign-in (claude.ai accounts).</summary>
    OAuthSignIn,
    /// <summary>The Admin API.</summary>
    AdminApi,
    /// <summary>Settings synced through a claude.ai account (account-bound, like <see cref="OAuthSignIn"/>).</summary>
    SettingsSync,
    /// <summary>Tools Anthropic runs on its own servers (web search, web fetch, code execution).</summary>
    ServerTools,
}
