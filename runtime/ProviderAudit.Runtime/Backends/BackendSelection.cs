using ProviderAudit.Runtime.Launch;

namespace ProviderAudit.Runtime.Backends;

/// <summary>Which backend a launch target uses, why, and what the other selectors that lost were.</summary>
public sealed class BackendSelection
{
    internal BackendSelection(LaunchTarget target, RuntimeBackend? backend, string reason, IReadOnlyList<string> warnings)
    {
        Target = target;
        Backend = backend;
        Reason = reason;
        Warnings = warnings;
    }

    /// <summary>The launch target the selection is for.</summary>
    public LaunchTarget Target { get; }

    /// <summary>The Claude backend, or null for targets that do not use one (Codex, Gemini, OpenCode).</summary>
    public RuntimeBackend? Backend { get; }

    /// <summary>Why, e.g. "CLAUDE_CODE_USE_BEDROCK is set".</summary>
    public string Reason { get; }

    /// <summary>Conflicting or unrecognized selectors, each naming the winner and why.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Target.Name()}: {Backend?.Id ?? "none"} ({Reason})";
}
