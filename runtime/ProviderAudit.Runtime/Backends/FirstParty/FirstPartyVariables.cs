namespace ProviderAudit.Runtime.Backends.FirstParty;

/// <summary>The variables of Anthropic's own API, spelled once.</summary>
internal static class FirstPartyVariables
{
    public const string AnthropicApiKey = "ANTHROPIC_API_KEY";
    public const string AnthropicAuthToken = "ANTHROPIC_AUTH_TOKEN";
    public const string ClaudeCodeOAuthToken = "CLAUDE_CODE_OAUTH_TOKEN";
    public const string AnthropicBaseUrl = "ANTHROPIC_BASE_URL";
}
