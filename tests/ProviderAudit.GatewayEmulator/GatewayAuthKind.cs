namespace ProviderAudit.GatewayEmulator;

/// <summary>How a request authenticated (as far as the gateway could tell).</summary>
public enum GatewayAuthKind
{
    /// <summary>No auth header at all.</summary>
    None,
    /// <summary>A valid or invalid <c>AWS4-HMAC-SHA256</c> Authorization header.</summary>
    SigV4,
    /// <summary>The CPA API key in <c>x-api-key</c>.</summary>
    ApiKey,
    /// <summary>The CPA API key in <c>Authorization: Bearer</c>.</summary>
    BearerApiKey,
    /// <summary>Something else: a first-party key/token, an unknown bearer, or several auth headers.</summary>
    Rejected,
}
