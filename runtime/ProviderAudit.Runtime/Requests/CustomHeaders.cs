using System.Text;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Requests;

/// <summary>One header of <c>ANTHROPIC_CUSTOM_HEADERS</c>.</summary>
/// <param name="Line">Its 1-based line in the variable.</param>
/// <param name="Name">The header name (trimmed).</param>
/// <param name="Value">The header value (trimmed).</param>
internal sealed record CustomHeader(int Line, string Name, string Value);

/// <summary>
/// <c>ANTHROPIC_CUSTOM_HEADERS</c> parsed and judged once: status, <c>--probe</c>, <c>ask</c> and <c>launch</c> all take
/// their decision from here. The variable holds one <c>Name: value</c> per line, as the Anthropic SDKs and Claude Code
/// read it (split on <c>\n</c>, the first <c>:</c> separates, both sides trimmed).
/// </summary>
/// <remarks>
/// A line is invalid — a named problem, so the backend is not ready — when it has no <c>:</c>, when its name is not an
/// RFC 9110 <c>token</c>, when its value has a control or non-ASCII character, when the name is a content header .NET
/// only sets on a body (<c>Content-Type</c>, …), when the same name (in any case) comes twice, or when .NET's HTTP
/// stack refuses the pair (a typed header such as <c>Date</c> with a value it cannot parse). Which valid headers a
/// backend's requests and launches carry is the backend's answer (<see cref="SentBy"/>): first party sends them all,
/// Claude Platform on AWS all but its auth, host and workspace headers, the other backends none.
/// </remarks>
internal sealed class CustomHeaders
{
    private const string Variable = EnvironmentVariableNames.AnthropicCustomHeaders;

    // .NET keeps these on HttpContent: adding one to request headers throws "Misused header name".
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location", "Content-MD5",
        "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    private CustomHeaders(IReadOnlyList<CustomHeader> headers, IReadOnlyList<ConfigurationProblem> problems)
    {
        Headers = headers;
        Problems = problems;
    }

    /// <summary>No variable: nothing to send.</summary>
    public static CustomHeaders None { get; } = new([], []);

    /// <summary>The valid headers, in the variable's order.</summary>
    public IReadOnlyList<CustomHeader> Headers { get; }

    /// <summary>Each invalid line, naming <c>ANTHROPIC_CUSTOM_HEADERS</c>, its line and what to fix; never a header value.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The variable from <paramref name="environment"/>, judged.</summary>
    public static CustomHeaders From(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue(Variable, out var value) ? Parse(value) : None;

    /// <summary>Parses and judges a value of the variable.</summary>
    public static CustomHeaders Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var headers = new List<CustomHeader>();
        var problems = new List<ConfigurationProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = value.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                problems.Add(Problem($"line {number} is not a header: write one `Name: value` per line"));
                continue;
            }

            var name = line[..colon].Trim();
            var headerValue = line[(colon + 1)..].Trim();
            if (!IsToken(name))
            {
                problems.Add(Problem(name.Length == 0
                    ? $"line {number} has no header name before its ':'"
                    : $"line {number}: {DisplayText.Quote(name)} is not an HTTP header name (RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~, no spaces)"));
                continue;
            }

            if (headerValue.Any(c => c is < ' ' or > '~'))
            {
                problems.Add(Problem($"line {number}: the value of {name} has control or non-ASCII characters (a line break or tab from copying?); write it on one line, plain ASCII"));
                continue;
            }

            if (ContentHeaders.Contains(name))
            {
                problems.Add(Problem($"line {number}: {name} describes a request body, which the client sets for each request; it cannot be a custom header"));
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                problems.Add(Problem($"line {number}: {name} is already set on line {first}; keep one of them"));
                continue;
            }

            if (RefusedByDotNet(name, headerValue))
            {
                problems.Add(Problem($"line {number}: .NET's HTTP client cannot send {name} with that value (its format is not valid for {name}); fix the value or remove the line"));
                continue;
            }

            seen[name] = number;
            headers.Add(new CustomHeader(number, name, headerValue));
        }

        return new CustomHeaders(headers, problems);
    }

    /// <summary>True for headers that carry a credential (their values are secrets to the scrubber).</summary>
    public static bool IsCredentialHeader(string name)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var word in new[] { "key", "token", "secret", "session", "password", "auth", "credential", "signature" })
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The valid headers a backend's requests carry: those <paramref name="sends"/> (the backend's answer) keeps.</summary>
    public IReadOnlyList<CustomHeader> SentBy(Func<string, bool> sends) => Headers.Where(h => sends(h.Name)).ToArray();

    /// <summary>
    /// The variable's value for a launch of a backend that <paramref name="sends"/> these headers: <paramref name="raw"/>
    /// itself when every header in it is valid and sent, else exactly the headers its requests carry, one per line; null
    /// when none (the variable is then not passed at all).
    /// </summary>
    public string? LaunchValue(Func<string, bool> sends, string raw)
    {
        var sent = SentBy(sends);
        if (Problems.Count == 0 && sent.Count == Headers.Count && sent.Count > 0)
        {
            return raw;
        }

        if (sent.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var header in sent)
        {
            builder.Append(builder.Length == 0 ? "" : "\n").Append(header.Name).Append(": ").Append(header.Value);
        }

        return builder.ToString();
    }

    // RFC 9110 §5.6.2: token = 1*tchar.
    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }

    // The Anthropic SDK adds custom headers with HttpHeaders.Add, which parses typed headers (Date, Range, …).
    private static bool RefusedByDotNet(string name, string value)
    {
        using var probe = new HttpRequestMessage();
        try
        {
            probe.Headers.Add(name, value);
            return false;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return true;
        }
    }

    private static ConfigurationProblem Problem(string what) => new(Variable, $"{Variable} {what}.");
}
