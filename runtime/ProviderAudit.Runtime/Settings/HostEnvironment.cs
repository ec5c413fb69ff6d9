using ProviderAudit.Runtime.Launch;

namespace ProviderAudit.Runtime.Settings;

/// <summary>
/// The environment the runtime decides from: the process environment with the settings' <c>env</c> block applied on
/// top — for Anthropic-compatible targets only.
/// </summary>
/// <remarks>
/// Settings win over the process environment because that is what Claude Code does with the same file: the host then
/// resolves exactly the backend Claude Code would, and hands it over with <c>CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST=1</c>
/// so no other settings file can change the decision afterwards. Codex, Gemini and OpenCode never see a Claude Code
/// settings block.
/// </remarks>
public static class HostEnvironment
{
    /// <summary>The effective environment for <paramref name="target"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(
        IReadOnlyDictionary<string, string> processEnv, HostSettings settings, LaunchTarget target)
    {
        var merged = new Dictionary<string, string>(processEnv.Count + settings.Env.Count, StringComparer.Ordinal);
        foreach (var (name, value) in processEnv)
        {
            merged[name] = value;
        }

        if (target.IsAnthropicCompatible())
        {
            foreach (var (name, value) in settings.Env)
            {
                merged[name] = value;
            }
        }

        return merged;
    }

    /// <summary>Names of variables the settings set to a different value than the process environment had.</summary>
    public static IReadOnlyList<string> OverriddenBySettings(IReadOnlyDictionary<string, string> processEnv, HostSettings settings) =>
        settings.Env
            .Where(kv => processEnv.TryGetValue(kv.Key, out var processValue) && !string.Equals(processValue, kv.Value, StringComparison.Ordinal))
            .Select(kv => kv.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
