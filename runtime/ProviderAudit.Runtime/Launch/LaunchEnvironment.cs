using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Launch;

using static ProviderAudit.Runtime.Settings.EnvironmentVariableNames;

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
        // launch, a stray CLAUDE_CODE_USE_ANTHROPIC_AWS in a first-party one, AWS variables in a Vertex one); then the
        // chosen backend's come back.
        foreach (var name in result.Keys.ToArray())
        {
            if (name.StartsWith(SelectorPrefix, StringComparison.Ordinal)
                || RuntimeBackends.All.Any(b => b.Transport.OwnedVariables.Contains(name) || StartsWithAny(name, b.Transport.ReservedVariablePrefixes)))
            {
                result.Remove(name);
            }
        }

        // The child gets each value as the runtime read it for status: surrounding whitespace removed (a whitespace-only
        // value counts as unset and is not passed), and the AWS file paths with ~ expanded. AWS_PROFILE=" dev" is then
        // "dev" in the child as it was in status, not a profile name with a space.
        foreach (var name in backend.Transport.OwnedVariables)
        {
            if (env.TryGetValue(name, out var value))
            {
                SetAsRead(env, result, name, value);
            }
        }

        // Custom headers go where requests carry them, judged as status judged them: the valid ones the backend sends
        // (first party all, Claude Platform on AWS all but auth, host and workspace headers, the others none).
        result.Remove(AnthropicCustomHeaders);
        if (env.TryGetValue(AnthropicCustomHeaders, out var customHeaders)
            && CustomHeaders.Parse(customHeaders).LaunchValue(backend.Transport.SendsCustomHeader, customHeaders) is { } launched)
        {
            result[AnthropicCustomHeaders] = launched;
        }

        // Variables the backend owns by prefix: the child's AWS SDK resolves credentials itself, so per-service endpoints
        // (AWS_ENDPOINT_URL_STS, _SSO, …) go with the other AWS variables, to AWS-authenticated backends only.
        foreach (var (name, value) in env)
        {
            if (StartsWithAny(name, backend.Transport.OwnedVariablePrefixes))
            {
                SetAsRead(env, result, name, value);
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

    private static void SetAsRead(IReadOnlyDictionary<string, string> env, Dictionary<string, string> result, string name, string value)
    {
        var read = value.Trim();
        if (read.Length == 0)
        {
            result.Remove(name);
            return;
        }

        if (name is AwsVariables.AwsConfigFile or AwsVariables.AwsSharedCredentialsFile && AwsFiles.ExpandHome(read, env.Raw("HOME") ?? env.Raw("USERPROFILE")) is { } expanded)
        {
            read = expanded;
        }

        result[name] = read;
    }

    private static bool StartsWithAny(string name, IReadOnlyCollection<string> prefixes) =>
        prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Names only: the values include credentials.</summary>
    public override string ToString() =>
        $"{Target.Name()} ({Backend?.Id ?? "no Claude backend"}): {string.Join(", ", Variables.Keys.Order(StringComparer.Ordinal))}";
}
