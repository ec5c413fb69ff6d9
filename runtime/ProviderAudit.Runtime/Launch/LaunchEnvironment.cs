namespace ProviderAudit.Runtime;

using static EnvironmentVariableNames;

/// <summary>
/// The child-process environment for a launch target: an allowlist per target, the resolved backend's own variables,
/// its selector set explicitly, and every other backend's variables (credentials included) removed.
/// </summary>
public sealed class LaunchEnvironment
{
    private LaunchEnvironment(LaunchTarget target, RuntimeBackend? backend, IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> dropped)
    {
        Target = target;
        Backend = backend;
        Variables = variables;
        DroppedVariables = dropped;
    }

    /// <summary>The target launched.</summary>
    public LaunchTarget Target { get; }

    /// <summary>The Claude backend the child is pointed at, or null for non-Anthropic targets.</summary>
    public RuntimeBackend? Backend { get; }

    /// <summary>Exactly the variables the child gets.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Names (not values) of variables from the host's environment that were not passed on.</summary>
    public IReadOnlyList<string> DroppedVariables { get; }

    /// <summary>Builds the environment for <paramref name="target"/> from the host's environment and settings.</summary>
    public static LaunchEnvironment Build(IReadOnlyDictionary<string, string> processEnvironment, HostSettings settings, LaunchTarget target)
    {
        var env = HostEnvironment.For(processEnvironment, settings, target);
        var backend = BackendResolver.Resolve(processEnvironment, settings, target).Backend;
        var (names, prefixes) = LaunchAllowlists.ForTarget(target);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (name, value) in env)
        {
            if (LaunchAllowlists.Allowed(name, LaunchAllowlists.CommonNames, LaunchAllowlists.CommonPrefixes) || LaunchAllowlists.Allowed(name, names, prefixes))
            {
                result[name] = value;
            }
        }

        if (backend is null)
        {
            foreach (var name in result.Keys.Where(n => LaunchAllowlists.ClaudeOnlyPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))).ToArray())
            {
                result.Remove(name);
            }
        }
        else
        {
            ApplyBackend(env, backend, result);
        }

        var dropped = processEnvironment.Keys.Where(n => !result.ContainsKey(n)).Order(StringComparer.Ordinal).ToArray();
        return new LaunchEnvironment(target, backend, result, dropped);
    }

    private static void ApplyBackend(IReadOnlyDictionary<string, string> env, RuntimeBackend backend, Dictionary<string, string> result)
    {
        // Every backend's variables go first, so nothing of another backend survives (first-party keys in a CPA
        // launch, a stray CLAUDE_CODE_USE_ANTHROPIC_AWS in a first-party one); then the chosen backend's come back.
        foreach (var name in result.Keys.ToArray())
        {
            if (name.StartsWith(SelectorPrefix, StringComparison.Ordinal)
                || name.StartsWith(AnthropicAwsPrefix, StringComparison.Ordinal)
                || name.StartsWith("AWS_", StringComparison.Ordinal)
                || RuntimeBackends.All.Any(b => b.Transport.OwnedVariables.Contains(name)))
            {
                result.Remove(name);
            }
        }

        foreach (var name in backend.Transport.OwnedVariables)
        {
            if (env.TryGetValue(name, out var value))
            {
                result[name] = value;
            }
        }

        // The child's AWS SDK resolves credentials itself: per-service endpoints (AWS_ENDPOINT_URL_STS, _SSO, …) go
        // with the other AWS variables, to AWS-authenticated backends only.
        if (AwsTransportVariables.UsesAwsCredentials(backend.AuthTransport.Kind))
        {
            foreach (var (name, value) in env)
            {
                if (AwsTransportVariables.Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                {
                    result[name] = value;
                }
            }
        }

        if (backend.Transport.SelectorVariable is { } selector)
        {
            result[selector] = "1";
        }

        // The host has decided the provider; Claude Code must not re-decide it from provider variables in any
        // settings file it reads (project or managed settings the host never saw).
        result[ProviderManagedByHost] = "1";
    }

    /// <summary>Names only: the values include credentials.</summary>
    public override string ToString() =>
        $"{Target.Name()} ({Backend?.Id ?? "no Claude backend"}): {string.Join(", ", Variables.Keys.Order(StringComparer.Ordinal))}";
}
