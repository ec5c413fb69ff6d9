namespace ProviderAudit.Runtime.Aws;

/// <summary>The one auth a Claude Platform on AWS request carries.</summary>
public enum CpaAuthKind
{
    /// <summary>SigV4 with resolved AWS credentials.</summary>
    SigV4,
    /// <summary>The CPA API key, sent as <c>x-api-key</c>.</summary>
    ApiKey,
    /// <summary>No auth: a gateway in front adds it (<c>CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH</c>).</summary>
    None,
}
