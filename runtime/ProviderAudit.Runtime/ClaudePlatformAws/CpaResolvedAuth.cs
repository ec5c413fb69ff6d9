namespace ProviderAudit.Runtime.Aws;

/// <summary>The credential a CPA client is built with, resolved once by the runtime (never re-read per request).</summary>
public sealed class CpaResolvedAuth
{
    private readonly string? _apiKey;

    private CpaResolvedAuth(CpaAuthKind kind, string? apiKey, AwsSessionCredentials? aws, string source)
    {
        Kind = kind;
        _apiKey = apiKey;
        Aws = aws;
        Source = source;
    }

    /// <summary>Which auth this is.</summary>
    public CpaAuthKind Kind { get; }

    /// <summary>The AWS credentials for SigV4, or null.</summary>
    public AwsSessionCredentials? Aws { get; }

    /// <summary>Where the credential came from, e.g. "ANTHROPIC_AWS_API_KEY" or "profile cc".</summary>
    public string Source { get; }

    /// <summary>When the credential stops working, or null.</summary>
    public DateTimeOffset? Expiration => Aws?.Expiration;

    /// <summary>The CPA API key itself: only for the code that sends it.</summary>
    public string? RevealApiKey() => _apiKey;

    /// <summary>SigV4 with <paramref name="credentials"/>.</summary>
    public static CpaResolvedAuth SigV4(AwsSessionCredentials credentials) =>
        new(CpaAuthKind.SigV4, null, credentials ?? throw new ArgumentNullException(nameof(credentials)), credentials.Source);

    /// <summary>The CPA API key from <paramref name="source"/>.</summary>
    public static CpaResolvedAuth ApiKey(string key, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(CpaAuthKind.ApiKey, key.Trim(), null, source);
    }

    /// <summary>No auth (a gateway in front authenticates).</summary>
    public static CpaResolvedAuth None(string source) => new(CpaAuthKind.None, null, null, source);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CpaAuthKind.ApiKey => $"CPA API key {Secret.Redact(_apiKey)} from {Source}",
        CpaAuthKind.SigV4 => $"SigV4 with {Aws}",
        _ => $"no auth ({Source})",
    };
}
