using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>The credential a Claude Platform on AWS client is built with, resolved by the runtime (never re-read per request).</summary>
internal sealed class ClaudePlatformAwsAuth
{
    private readonly string? _apiKey;

    private ClaudePlatformAwsAuth(ClaudePlatformAwsAuthMode mode, string? apiKey, AwsSessionCredentials? aws, string source)
    {
        Mode = mode;
        _apiKey = apiKey;
        Aws = aws;
        Source = source;
    }

    public ClaudePlatformAwsAuthMode Mode { get; }

    /// <summary>The AWS credentials for SigV4, or null.</summary>
    public AwsSessionCredentials? Aws { get; }

    /// <summary>Where the credential came from, e.g. "ANTHROPIC_AWS_API_KEY" or "profile cc (AWS_PROFILE)".</summary>
    public string Source { get; }

    /// <summary>The CPA API key itself: only for the code that sends it.</summary>
    public string? RevealApiKey() => _apiKey;

    public static ClaudePlatformAwsAuth SigV4(AwsSessionCredentials credentials) =>
        new(ClaudePlatformAwsAuthMode.SigV4, null, credentials ?? throw new ArgumentNullException(nameof(credentials)), credentials.Source);

    public static ClaudePlatformAwsAuth ApiKey(string key, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(ClaudePlatformAwsAuthMode.ApiKey, key.Trim(), null, source);
    }

    public static ClaudePlatformAwsAuth None(string source) => new(ClaudePlatformAwsAuthMode.SkipAuth, null, null, source);

    public override string ToString() => Mode switch
    {
        ClaudePlatformAwsAuthMode.ApiKey => $"CPA API key {Secret.Redact(_apiKey)} from {Source}",
        ClaudePlatformAwsAuthMode.SigV4 => $"SigV4 with {Aws}",
        _ => $"no auth ({Source})",
    };
}
