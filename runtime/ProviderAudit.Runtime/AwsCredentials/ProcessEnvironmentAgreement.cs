using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// For the AWSSDK.Core sources that read their settings only from this process's environment (container credentials,
/// instance metadata): which of those settings the runtime's environment gives differently. The runtime uses such a
/// source only when there is no difference, so it never resolves from settings other than the ones it was given.
/// </summary>
internal static class ProcessEnvironmentAgreement
{
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> environment, IEnumerable<string> names) =>
        names.Where(name => !string.Equals(Normalize(environment.Raw(name)), Normalize(System.Environment.GetEnvironmentVariable(name)), StringComparison.Ordinal))
            .ToArray();

    public static string Explain(IReadOnlyList<string> differences, string what) =>
        $"AWSSDK.Core reads {what} settings only from this process's environment, and it has {string.Join(", ", differences)} "
        + "different from the environment given to the runtime. Run the host with the same values in its own environment "
        + "(a host that passes its process environment always does), or use another credential source.";

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
