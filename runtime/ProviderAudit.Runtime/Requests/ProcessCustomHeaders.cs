using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Requests;

/// <summary>
/// The headers the Anthropic SDK adds to every request from this process's <c>ANTHROPIC_CUSTOM_HEADERS</c>.
/// </summary>
/// <remarks>
/// Anthropic 13.13 reads <c>ANTHROPIC_CUSTOM_HEADERS</c> from the process environment once (in a static
/// constructor) and adds those headers to every request of every client, <c>AnthropicAwsClient</c>
/// included, where they are then signed. The runtime itself works from an environment dictionary, but
/// only the process value can leak into a request, so this is the one place that reads the process
/// environment: to know what to strip.
/// </remarks>
internal static class ProcessCustomHeaders
{
    private static readonly Lazy<IReadOnlyList<KeyValuePair<string, string>>> FromProcess =
        new(() => Parse(System.Environment.GetEnvironmentVariable("ANTHROPIC_CUSTOM_HEADERS")));

    /// <summary>The headers the SDK injects in this process.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Current => FromProcess.Value;

    /// <summary>Parses the variable the way the SDK does: one <c>Name: value</c> per line, the last of a name wins.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? value)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (value ?? string.Empty).Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon >= 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return headers.ToList();
    }

    /// <summary>
    /// Why the SDK cannot add <paramref name="injected"/> to a request (it uses <c>HttpHeaders.Add</c>, which refuses a
    /// name that is not a token, a value with a line break, a content header, a second value of a single-value header),
    /// as a problem naming <c>ANTHROPIC_CUSTOM_HEADERS</c>; null when it can. Every request of every client in this
    /// process would otherwise throw before any handler runs.
    /// </summary>
    public static ConfigurationProblem? SdkRefusal(IReadOnlyList<KeyValuePair<string, string>> injected)
    {
        using var probe = new HttpRequestMessage();
        foreach (var (name, value) in injected)
        {
            try
            {
                probe.Headers.Add(name, value);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                return new ConfigurationProblem(EnvironmentVariableNames.AnthropicCustomHeaders,
                    $"This process's ANTHROPIC_CUSTOM_HEADERS sets {(name.Length == 0 ? "a header without a name" : DisplayText.Quote(name))}, which the Anthropic SDK adds to every "
                    + "request this process sends and .NET refuses (a name with spaces, a line break in the value, a body header such as Content-Type, or a header set twice): "
                    + "fix or unset ANTHROPIC_CUSTOM_HEADERS in the environment this host was started with.");
            }
        }

        return null;
    }
}
