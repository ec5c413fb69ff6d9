namespace ProviderAudit.Runtime.Launch;

/// <summary>What the host launches (or, for <see cref="ClaudeCode"/>, also what its own API requests act as).</summary>
public enum LaunchTarget
{
    /// <summary>Claude Code: Anthropic-compatible, resolves a Claude backend.</summary>
    ClaudeCode,
    /// <summary>OpenAI Codex CLI: never routed to a Claude backend.</summary>
    Codex,
    /// <summary>Google Gemini CLI: never routed to a Claude backend.</summary>
    Gemini,
    /// <summary>OpenCode: never routed to a Claude backend by this host.</summary>
    OpenCode,
}
