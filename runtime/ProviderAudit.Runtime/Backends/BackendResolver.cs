using ProviderAudit.Runtime.Launch;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends;

/// <summary>
/// Picks the backend for a launch target from an environment and host settings. A pure function of its inputs: it
/// never reads the process environment.
/// </summary>
/// <remarks>
/// Order for Anthropic-compatible targets, the registry's (<see cref="RuntimeBackends"/>): CLAUDE_CODE_USE_BEDROCK,
/// CLAUDE_CODE_USE_FOUNDRY, CLAUDE_CODE_USE_ANTHROPIC_AWS, CLAUDE_CODE_USE_VERTEX (each truthy: 1/true/yes/on), then a
/// non-empty ANTHROPIC_AWS_WORKSPACE_ID, then first party. AWS_PROFILE, AWS_REGION and AWS keys never select anything.
/// </remarks>
public static class BackendResolver
{
    // Each backend's selector flag, then each implied selector, in the registry's order.
    private static readonly (string Variable, RuntimeBackend Backend)[] FlagSelectors =
        RuntimeBackends.SelectionOrder.Where(b => b.Transport.SelectorVariable is not null).Select(b => (b.Transport.SelectorVariable!, b)).ToArray();

    private static readonly (string Variable, RuntimeBackend Backend)[] ImpliedSelectors =
        RuntimeBackends.SelectionOrder.Where(b => b.Transport.ImpliedSelectorVariable is not null).Select(b => (b.Transport.ImpliedSelectorVariable!, b)).ToArray();

    // What Claude Code uses when nothing selects a backend.
    private static readonly RuntimeBackend Default = RuntimeBackends.FirstParty;

    /// <summary>The selection order, for messages and docs.</summary>
    public static string OrderDescription { get; } =
        string.Join(" > ", FlagSelectors.Concat(ImpliedSelectors).Select(s => s.Variable).Append("first party"));

    /// <summary>Resolves the backend for <paramref name="target"/>; settings' <c>env</c> applies on top of <paramref name="environment"/>.</summary>
    public static BackendSelection Resolve(IReadOnlyDictionary<string, string> environment, HostSettings settings, LaunchTarget target)
    {
        var env = HostEnvironment.For(environment, settings, target);
        var selection = Select(env, target);

        // Warnings quote values; a secret pasted into a selector must not come back out through them.
        var scrubber = SecretScrubber.For(environment, env);
        return new BackendSelection(target, selection.Backend, selection.Reason, selection.Warnings.Select(scrubber.Apply).ToArray());
    }

    private static BackendSelection Select(IReadOnlyDictionary<string, string> env, LaunchTarget target)
    {
        if (!target.IsAnthropicCompatible())
        {
            return new BackendSelection(target, null, $"{target.Name()} does not use a Claude backend", IgnoredClaudeSelectors(env, target));
        }

        var warnings = FlagSelectors.Select(s => InputChecks.UnrecognizedFlagWarning(env, s.Variable)).OfType<string>().ToList();

        var matches = FlagSelectors
            .Where(s => env.Flag(s.Variable))
            .Select(s => (Signal: s.Variable, s.Backend, Reason: $"{s.Variable} is on"))
            .Concat(ImpliedSelectors.Where(s => env.Raw(s.Variable) is not null).Select(s => (Signal: s.Variable, s.Backend, Reason: $"{s.Variable} is set")))
            .ToList();
        if (matches.Count == 0)
        {
            return new BackendSelection(target, Default, "no backend selector is set", warnings);
        }

        var (winningSignal, winner, reason) = matches[0];
        var losers = matches.Skip(1).Where(m => !ReferenceEquals(m.Backend, winner)).ToArray();
        if (losers.Length > 0)
        {
            warnings.Add(
                $"Several backends are selected ({string.Join(", ", matches.Select(m => m.Signal))}); using {winner.DisplayName} because " +
                $"{winningSignal} takes precedence over {string.Join(", ", losers.Select(l => $"{l.Signal} ({l.Backend.DisplayName})"))}. " +
                $"Order: {OrderDescription}. Unset the ones you do not mean.");
        }

        return new BackendSelection(target, winner, reason, warnings);
    }

    private static IReadOnlyList<string> IgnoredClaudeSelectors(IReadOnlyDictionary<string, string> env, LaunchTarget target)
    {
        var present = FlagSelectors.Concat(ImpliedSelectors).Select(s => s.Variable).Where(env.Has).ToArray();
        return present.Length == 0
            ? []
            : [$"{string.Join(", ", present)} {(present.Length == 1 ? "is" : "are")} ignored for {target.Name()}: it is not an Anthropic-compatible target, so no Claude backend variables are passed to it."];
    }
}
