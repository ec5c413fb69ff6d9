using System.Security.Cryptography;
using System.Text;

namespace ProviderAudit.GatewayEmulator.SigV4;

/// <summary>
/// Verifies AWS SigV4 header signatures the way an AWS front end does: scope (region, service,
/// terminator), known access key, <c>x-amz-date</c> within the allowed skew and equal to the scope
/// date, required headers signed, payload hash, then the signature recomputed with the secret.
/// </summary>
public sealed class SigV4Verifier
{
    private readonly string _region;
    private readonly string _service;
    private readonly Func<string, string?> _secretFor;
    private readonly TimeSpan _maxSkew;
    private readonly IReadOnlyList<string> _requiredSignedHeaders;

    /// <param name="region">The region the endpoint serves; the scope must name it.</param>
    /// <param name="service">The service name the scope must name.</param>
    /// <param name="secretFor">The secret access key for an access key id, or null when unknown.</param>
    /// <param name="maxSkew">How far <c>x-amz-date</c> may be from the verifier's clock.</param>
    /// <param name="requiredSignedHeaders">Headers (lower case) that must be signed besides <c>host</c> and <c>x-amz-date</c>.</param>
    public SigV4Verifier(
        string region,
        string service,
        Func<string, string?> secretFor,
        TimeSpan maxSkew,
        IEnumerable<string>? requiredSignedHeaders = null)
    {
        _region = region;
        _service = service;
        _secretFor = secretFor;
        _maxSkew = maxSkew;
        _requiredSignedHeaders = new[] { "host", "x-amz-date" }.Concat(requiredSignedHeaders ?? []).Distinct().ToArray();
    }

    /// <summary>Verifies <paramref name="request"/> at instant <paramref name="now"/>.</summary>
    public SigV4Verdict Verify(SigV4Request request, DateTimeOffset now)
    {
        var header = request.Values("Authorization").ToList();
        if (header.Count != 1)
        {
            return new SigV4Verdict(SigV4Failure.Malformed, "Exactly one Authorization header is required.", null);
        }

        if (!SigV4Authorization.TryParse(header[0], out var auth, out var problem))
        {
            return new SigV4Verdict(SigV4Failure.Malformed, problem, null);
        }

        var key = auth!.AccessKeyId;
        if (!string.Equals(auth.Region, _region, StringComparison.Ordinal))
        {
            return new SigV4Verdict(SigV4Failure.WrongRegion,
                $"Credential should be scoped to a valid region. Wrong region '{auth.Region}', expecting '{_region}'.", key);
        }

        if (!string.Equals(auth.Service, _service, StringComparison.Ordinal))
        {
            return new SigV4Verdict(SigV4Failure.WrongService,
                $"Credential should be scoped to correct service: '{_service}'.", key);
        }

        var secret = _secretFor(key);
        if (secret is null)
        {
            return new SigV4Verdict(SigV4Failure.UnknownAccessKey, "The security token included in the request is invalid.", key);
        }

        var amzDate = request.Value("x-amz-date");
        if (!SigV4Signature.TryParseAmzDate(amzDate, out var signedAt) || !amzDate!.StartsWith(auth.Date, StringComparison.Ordinal))
        {
            return new SigV4Verdict(SigV4Failure.BadDate,
                "x-amz-date must be present, in yyyyMMddTHHmmssZ form, and on the credential scope's date.", key);
        }

        if ((now - signedAt).Duration() > _maxSkew)
        {
            return new SigV4Verdict(SigV4Failure.ClockSkew,
                $"Signature expired: {amzDate} is outside the allowed {_maxSkew.TotalMinutes:0} minutes of {SigV4Signature.FormatAmzDate(now)}.", key);
        }

        var mustSign = _requiredSignedHeaders.AsEnumerable();
        if (request.Value("x-amz-security-token") is not null)
        {
            mustSign = mustSign.Append("x-amz-security-token");
        }

        if (request.Value("x-amz-content-sha256") is not null)
        {
            mustSign = mustSign.Append("x-amz-content-sha256");
        }

        var unsigned = mustSign.Where(h => !auth.SignedHeaders.Contains(h)).ToList();
        if (unsigned.Count > 0)
        {
            return new SigV4Verdict(SigV4Failure.UnsignedRequiredHeader,
                $"Header(s) {string.Join(", ", unsigned)} must be signed.", key);
        }

        var bodyHash = SigV4Signature.HexSha256(request.Body);
        var claimedHash = request.Value("x-amz-content-sha256");
        if (claimedHash is not null && !string.Equals(claimedHash, bodyHash, StringComparison.Ordinal))
        {
            return new SigV4Verdict(SigV4Failure.PayloadHashMismatch,
                "The provided 'x-amz-content-sha256' header does not match what was computed.", key);
        }

        var canonical = SigV4Signature.CanonicalRequest(
            request.Method, request.RawPath, request.RawQuery, request.Headers, auth.SignedHeaders, claimedHash ?? bodyHash);
        var stringToSign = SigV4Signature.StringToSign(amzDate!, auth.Scope, canonical);
        var expected = SigV4Signature.Signature(SigV4Signature.SigningKey(secret, auth.Date, auth.Region, auth.Service), stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature)))
        {
            return new SigV4Verdict(SigV4Failure.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.", key);
        }

        return new SigV4Verdict(SigV4Failure.None, "OK", key);
    }
}
