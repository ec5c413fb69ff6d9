using System.Globalization;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// Which <c>ANTHROPIC_CUSTOM_HEADERS</c> Claude Platform on AWS carries: every valid one but the auth, host and workspace
/// headers. The gateway takes exactly one auth and the configured workspace, and <c>Host</c> and <c>x-amz-*</c> are
/// signed; status warns about each header left out.
/// </summary>
internal static class ClaudePlatformAwsCustomHeaders
{
    // The gateway authenticates every request with exactly one of these and serves one workspace; Host is signed.
    private static readonly HashSet<string> Withheld = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "x-api-key", "anthropic-workspace-id", "Host", "Cookie",
    };

    /// <summary>True for the headers Claude Platform on AWS requests never carry from the variable.</summary>
    public static bool IsWithheld(string name) =>
        Withheld.Contains(name) || name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status warning for the headers of <paramref name="custom"/> Claude Platform on AWS withholds, or null.</summary>
    public static string? WithheldWarning(CustomHeaders custom)
    {
        var withheld = custom.Headers.Where(h => IsWithheld(h.Name)).ToArray();
        if (withheld.Length == 0)
        {
            return null;
        }

        var names = string.Join(", ", withheld.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Name} (line {h.Line})")));
        return $"{EnvironmentVariableNames.AnthropicCustomHeaders} sets {names}: Claude Platform on AWS requests and launches never carry auth, host or workspace headers from it " +
            "(the gateway takes exactly one auth, from ANTHROPIC_AWS_API_KEY or SigV4, and the ANTHROPIC_AWS_WORKSPACE_ID workspace), so "
            + (withheld.Length == 1 ? "it is" : "they are") + " left out; remove " + (withheld.Length == 1 ? "it" : "them") + " from the variable.";
    }
}
