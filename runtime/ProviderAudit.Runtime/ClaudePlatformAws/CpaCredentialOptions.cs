namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Credentials a host passes explicitly (in code, not through the environment). They rank above the
/// environment, as explicit options do in the official SDKs.
/// </summary>
public sealed class CpaCredentialOptions
{
    /// <summary>A CPA API key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>An AWS access key id (needs <see cref="AwsSecretAccessKey"/>).</summary>
    public string? AwsAccessKeyId { get; init; }

    /// <summary>An AWS secret access key (needs <see cref="AwsAccessKeyId"/>).</summary>
    public string? AwsSecretAccessKey { get; init; }

    /// <summary>An AWS session token for temporary keys.</summary>
    public string? AwsSessionToken { get; init; }

    /// <summary>A named AWS profile.</summary>
    public string? AwsProfile { get; init; }

    /// <summary>Send no auth (a gateway in front adds it).</summary>
    public bool SkipAuth { get; init; }

    /// <summary>Names only.</summary>
    public override string ToString() =>
        $"CpaCredentialOptions(apiKey: {(ApiKey is null ? "unset" : "set")}, awsKeys: {(AwsAccessKeyId is null ? "unset" : "set")}, profile: {AwsProfile ?? "unset"}, skipAuth: {SkipAuth})";
}
