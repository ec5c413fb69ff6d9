namespace ProviderAudit.GatewayEmulator.SigV4;

/// <summary>Why a SigV4 signature was not accepted.</summary>
public enum SigV4Failure
{
    /// <summary>The signature is valid.</summary>
    None,
    /// <summary>The Authorization header could not be parsed.</summary>
    Malformed,
    /// <summary>The credential scope names another region than the endpoint's.</summary>
    WrongRegion,
    /// <summary>The credential scope names another service than the gateway's.</summary>
    WrongService,
    /// <summary>The access key id is not known to the gateway.</summary>
    UnknownAccessKey,
    /// <summary><c>x-amz-date</c> is missing, unparsable, or not the scope's date.</summary>
    BadDate,
    /// <summary><c>x-amz-date</c> is too far from the gateway's clock.</summary>
    ClockSkew,
    /// <summary>A header that must be signed is not in SignedHeaders.</summary>
    UnsignedRequiredHeader,
    /// <summary><c>x-amz-content-sha256</c> does not match the body.</summary>
    PayloadHashMismatch,
    /// <summary>The signature does not match the one computed with the gateway's secret.</summary>
    SignatureMismatch,
}

/// <summary>The outcome of verifying one request's signature.</summary>
/// <param name="Failure">Why it failed, or <see cref="SigV4Failure.None"/>.</param>
/// <param name="Message">A message in the gateway's wording.</param>
/// <param name="AccessKeyId">The access key id the request claimed, when it could be read.</param>
public sealed record SigV4Verdict(SigV4Failure Failure, string Message, string? AccessKeyId)
{
    /// <summary>True when the signature is valid.</summary>
    public bool IsValid => Failure == SigV4Failure.None;
}
