namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>Which single auth a Claude Platform on AWS request carries.</summary>
public enum ClaudePlatformAwsAuthMode
{
    /// <summary>SigV4 with credentials from the AWS chain (env keys, profile/SSO, web identity, container, export command).</summary>
    SigV4,
    /// <summary>The CPA API key from <c>ANTHROPIC_AWS_API_KEY</c>.</summary>
    ApiKey,
    /// <summary>No auth at all (<c>CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH</c>): a gateway in front adds it.</summary>
    SkipAuth,
}
