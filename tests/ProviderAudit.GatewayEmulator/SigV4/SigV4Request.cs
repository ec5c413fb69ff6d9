namespace ProviderAudit.GatewayEmulator.SigV4;

/// <summary>A request as the gateway received it, in the form the verifier needs.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawPath">The path as sent (still percent-encoded).</param>
/// <param name="RawQuery">The query as sent, with or without the leading '?'.</param>
/// <param name="Headers">Every header as received (a name may repeat). <c>Host</c> is taken as sent.</param>
/// <param name="Body">The request body.</param>
public sealed record SigV4Request(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    /// <summary>All values of a header (case-insensitive name).</summary>
    public IEnumerable<string> Values(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>The single value of a header, or null when absent.</summary>
    public string? Value(string name) => Values(name).FirstOrDefault();
}
