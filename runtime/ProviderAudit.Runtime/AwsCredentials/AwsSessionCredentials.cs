namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>
/// AWS credentials resolved for SigV4: access key id, secret, optional session token and expiration.
/// <see cref="ToString"/> never shows the secret or the token.
/// </summary>
internal sealed class AwsSessionCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id (not secret, sent in every signature).</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or null.</param>
    /// <param name="expiration">When temporary credentials expire, or null for long-lived keys.</param>
    /// <param name="source">Where they came from, for messages (e.g. "profile cc").</param>
    public AwsSessionCredentials(string accessKeyId, string secretAccessKey, string? sessionToken, DateTimeOffset? expiration, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
        Source = source;
    }

    /// <summary>The access key id.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key: only for the code that signs.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token, or null.</summary>
    public string? SessionToken { get; }

    /// <summary>When these credentials stop working, or null when they do not expire.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>Where they came from.</summary>
    public string Source { get; }

    /// <summary>True when they expire within <paramref name="margin"/> of <paramref name="now"/> (never for long-lived keys).</summary>
    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => Expiration is { } expiration && expiration - margin <= now;

    /// <inheritdoc />
    public override string ToString() =>
        $"AWS credentials {AccessKeyId} from {Source}{(SessionToken is null ? "" : " (temporary)")}" +
        (Expiration is { } e ? $", expires {e.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : "");
}
