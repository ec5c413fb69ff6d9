namespace ProviderAudit.Runtime.Launch;

/// <summary>Command-line names of launch targets and what kind of target each is.</summary>
public static class LaunchTargets
{
    private static readonly (LaunchTarget Target, string Name)[] Names =
    [
        (LaunchTarget.ClaudeCode, "claude-code"),
        (LaunchTarget.Codex, "codex"),
        (LaunchTarget.Gemini, "gemini"),
        (LaunchTarget.OpenCode, "opencode"),
    ];

    /// <summary>Every target's command-line name, e.g. for usage text.</summary>
    public static IReadOnlyList<string> AllNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>True only for targets that speak the Anthropic API and therefore get a Claude backend.</summary>
    public static bool IsAnthropicCompatible(this LaunchTarget target) => target is LaunchTarget.ClaudeCode;

    /// <summary>The command-line name, e.g. <c>claude-code</c>.</summary>
    public static string Name(this LaunchTarget target) =>
        Names.First(n => n.Target == target).Name;

    /// <summary>Parses a command-line name (case-insensitive).</summary>
    public static bool TryParse(string? name, out LaunchTarget target)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(candidateName, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                target = candidate;
                return true;
            }
        }

        target = default;
        return false;
    }
}
