namespace ProviderAudit.Runtime.Settings;

/// <summary>Reads values from an environment dictionary the caller passed in.</summary>
internal static class EnvironmentExtensions
{
    /// <summary>The raw value, or null when unset or only whitespace (an empty variable counts as unset).</summary>
    public static string? Raw(this IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static bool Has(this IReadOnlyDictionary<string, string> env, string name) => env.Raw(name) is not null;

    public static bool Flag(this IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && EnvFlag.IsTruthy(value);
}
