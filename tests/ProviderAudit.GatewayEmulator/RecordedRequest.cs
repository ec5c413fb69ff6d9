namespace ProviderAudit.GatewayEmulator;

/// <summary>One request the emulator received, and how it answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path as sent.</param>
/// <param name="Query">Query as sent (with '?', or empty).</param>
/// <param name="Headers">Every header as received; names may repeat.</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="Auth">How the request authenticated.</param>
/// <param name="AccessKeyId">The SigV4 access key id the request claimed, if any.</param>
/// <param name="StatusCode">The status the emulator answered with.</param>
/// <param name="ErrorType">The gateway error type when it answered with an error.</param>
/// <param name="ErrorMessage">The gateway error message when it answered with an error.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    GatewayAuthKind Auth,
    string? AccessKeyId,
    int StatusCode,
    string? ErrorType,
    string? ErrorMessage)
{
    /// <summary>All values of a header (case-insensitive name).</summary>
    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    /// <summary>True when the request carried this header.</summary>
    public bool HasHeader(string name) => HeaderValues(name).Count > 0;

    /// <summary>The names SigV4 signed, from the Authorization header (empty when not SigV4).</summary>
    public IReadOnlyList<string> SignedHeaders =>
        SigV4.SigV4Authorization.TryParse(HeaderValues("Authorization").FirstOrDefault(), out var auth, out _) ? auth!.SignedHeaders : [];
}
