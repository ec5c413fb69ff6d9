namespace ProviderAudit.Runtime.Catalog;

/// <summary>
/// Which transport feature each <c>anthropic-beta</c> value, tool type and account-bound feature needs: the facts table of
/// docs/runtime.md ("Betas, tools and account features"), with the source of each entry there. Whether a backend carries
/// one is then its transport's answer (<see cref="IAuthTransport.Supports"/>), never a question of which backend it is.
/// </summary>
internal static class TransportFacts
{
    /// <summary>Known betas and the feature each needs; a beta not listed needs <see cref="TransportFeature.AnthropicApiBetas"/>.</summary>
    public static IReadOnlyDictionary<string, TransportFeature> Betas { get; } = new Dictionary<string, TransportFeature>(StringComparer.Ordinal)
    {
        ["interleaved-thinking-2025-05-14"] = TransportFeature.Messages,
        ["context-1m-2025-08-07"] = TransportFeature.Messages,
        ["computer-use-2025-01-24"] = TransportFeature.ToolUse,
        ["token-counting-2024-11-01"] = TransportFeature.CountTokens,
        ["files-api-2025-04-14"] = TransportFeature.Files,
        ["message-batches-2024-09-24"] = TransportFeature.Batches,
        ["code-execution-2025-08-25"] = TransportFeature.ServerTools,
        ["web-fetch-2025-09-10"] = TransportFeature.ServerTools,
        ["mcp-client-2025-04-04"] = TransportFeature.AnthropicApiBetas,
        ["fast-mode-2026-02-01"] = TransportFeature.FastMode,
        ["oauth-2025-04-20"] = TransportFeature.OAuthSignIn,
    };

    /// <summary>
    /// Tool type prefixes (a tool's <c>type</c> is the prefix plus a version date, e.g. <c>web_search_20250305</c>) and the
    /// feature each needs. A tool without a type, or typed <c>custom</c>, is the caller's own: <see cref="TransportFeature.ToolUse"/>.
    /// Any other type not listed is one Anthropic defines and runs: <see cref="TransportFeature.ServerTools"/>.
    /// </summary>
    public static IReadOnlyList<(string Prefix, TransportFeature Feature)> ToolTypes { get; } =
    [
        ("custom", TransportFeature.ToolUse),
        ("bash_", TransportFeature.ToolUse),
        ("text_editor_", TransportFeature.ToolUse),
        ("computer_", TransportFeature.ToolUse),
        ("memory_", TransportFeature.ToolUse),
        ("web_search_", TransportFeature.ServerTools),
        ("web_fetch_", TransportFeature.ServerTools),
        ("code_execution_", TransportFeature.ServerTools),
    ];

    /// <summary>Features bound to an Anthropic (claude.ai / Console) account, with the words status uses for them.</summary>
    public static IReadOnlyList<(TransportFeature Feature, string Name)> AccountFeatures { get; } =
    [
        (TransportFeature.OAuthSignIn, "claude.ai sign-in"),
        (TransportFeature.SettingsSync, "settings sync"),
        (TransportFeature.AdminApi, "Admin API"),
    ];

    /// <summary>The feature the beta <paramref name="beta"/> needs.</summary>
    public static TransportFeature BetaFeature(string beta) =>
        Betas.TryGetValue(beta, out var feature) ? feature : TransportFeature.AnthropicApiBetas;

    /// <summary>The feature a tool of type <paramref name="type"/> (null: no type, the caller's own tool) needs.</summary>
    public static TransportFeature ToolFeature(string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return TransportFeature.ToolUse;
        }

        foreach (var (prefix, feature) in ToolTypes)
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
            {
                return feature;
            }
        }

        return TransportFeature.ServerTools;
    }

    /// <summary>The account-bound features <paramref name="transport"/> does not carry, each as a sentence for status.</summary>
    public static IReadOnlyList<string> UnavailableAccountFeatures(IAuthTransport transport, string backendName) =>
        AccountFeatures
            .Where(f => !transport.Supports(f.Feature))
            .Select(f => $"{f.Name}: not available on {backendName} (first-party transport only)")
            .ToArray();
}
