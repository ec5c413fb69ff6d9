using System.Text;
using ProviderAudit.GatewayEmulator.SigV4;
using static ProviderAudit.Transport.Tests.Emulator.SigV4VectorTests;

namespace ProviderAudit.Transport.Tests.Emulator;

/// <summary>The verifier on the suite's post-x-www-form-urlencoded request, one rule per test.</summary>
public sealed class SigV4VerifierTests
{
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private const string PublishedAuthorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a";

    private static SigV4Request Request(string authorization = PublishedAuthorization, string body = "Param1=value1", params KeyValuePair<string, string>[] extra) =>
        new("POST", "/", "",
            [
                H("Content-Type", "application/x-www-form-urlencoded"),
                H("Host", "example.amazonaws.com"),
                H("X-Amz-Date", AmzDate),
                H("Authorization", authorization),
                .. extra,
            ],
            Encoding.UTF8.GetBytes(body));

    private static SigV4Verifier Verifier(string region = "us-east-1", string service = "service", string secret = SigV4VectorTests.Secret, IEnumerable<string>? required = null) =>
        new(region, service, id => id == AccessKeyId ? secret : null, TimeSpan.FromMinutes(15), required);

    [Fact]
    public void Accepts_the_published_signed_request()
    {
        var verdict = Verifier().Verify(Request(), SignedAt);

        Assert.True(verdict.IsValid, verdict.Message);
        Assert.Equal(AccessKeyId, verdict.AccessKeyId);
    }

    [Fact]
    public void Rejects_another_secret()
    {
        var verdict = Verifier(secret: "not-the-secret").Verify(Request(), SignedAt);

        Assert.Equal(SigV4Failure.SignatureMismatch, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_tampered_body()
    {
        var verdict = Verifier().Verify(Request(body: "Param1=value2"), SignedAt);

        Assert.Equal(SigV4Failure.SignatureMismatch, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_scope_for_another_region()
    {
        var verdict = Verifier(region: "us-west-2").Verify(Request(), SignedAt);

        Assert.Equal(SigV4Failure.WrongRegion, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_scope_for_another_service()
    {
        var verdict = Verifier(service: "aws-external-anthropic").Verify(Request(), SignedAt);

        Assert.Equal(SigV4Failure.WrongService, verdict.Failure);
    }

    [Fact]
    public void Rejects_an_unknown_access_key()
    {
        var verdict = new SigV4Verifier("us-east-1", "service", _ => null, TimeSpan.FromMinutes(15)).Verify(Request(), SignedAt);

        Assert.Equal(SigV4Failure.UnknownAccessKey, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_signature_older_than_the_allowed_skew()
    {
        var verdict = Verifier().Verify(Request(), SignedAt.AddMinutes(16));

        Assert.Equal(SigV4Failure.ClockSkew, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_signature_from_the_future_beyond_the_allowed_skew()
    {
        var verdict = Verifier().Verify(Request(), SignedAt.AddMinutes(-16));

        Assert.Equal(SigV4Failure.ClockSkew, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_required_header_that_was_not_signed()
    {
        var verdict = Verifier(required: ["anthropic-workspace-id"]).Verify(
            Request(extra: H("anthropic-workspace-id", "wrkspc_1")), SignedAt);

        Assert.Equal(SigV4Failure.UnsignedRequiredHeader, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_payload_hash_header_that_is_not_signed()
    {
        var verdict = Verifier().Verify(Request(extra: H("x-amz-content-sha256", SigV4Signature.EmptyPayloadHash)), SignedAt);

        Assert.Equal(SigV4Failure.UnsignedRequiredHeader, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_signed_payload_hash_that_does_not_match_the_body()
    {
        // Signed over the empty-body hash, sent with a body: the signature is internally valid, the body is not the signed one.
        var headers = new[]
        {
            H("Content-Type", "application/x-www-form-urlencoded"), H("Host", "example.amazonaws.com"),
            H("X-Amz-Date", AmzDate), H("x-amz-content-sha256", SigV4Signature.EmptyPayloadHash),
        };
        string[] signedNames = ["content-type", "host", "x-amz-content-sha256", "x-amz-date"];
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, signedNames, SigV4Signature.EmptyPayloadHash);
        var signature = SigV4Signature.Signature(SigV4Signature.SigningKey(SigV4VectorTests.Secret, "20150830", "us-east-1", "service"),
            SigV4Signature.StringToSign(AmzDate, Scope, canonical));
        var authorization = $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{Scope}, SignedHeaders={string.Join(';', signedNames)}, Signature={signature}";

        var verdict = Verifier().Verify(new SigV4Request("POST", "/", "", [.. headers, H("Authorization", authorization)], "Param1=value1"u8.ToArray()), SignedAt);

        Assert.Equal(SigV4Failure.PayloadHashMismatch, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_scope_date_that_is_not_the_request_date()
    {
        var verdict = Verifier().Verify(Request(PublishedAuthorization.Replace("20150830/", "20150831/", StringComparison.Ordinal)), SignedAt);

        Assert.Equal(SigV4Failure.BadDate, verdict.Failure);
    }

    [Fact]
    public void Rejects_a_malformed_authorization_header()
    {
        var verdict = Verifier().Verify(Request("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE"), SignedAt);

        Assert.Equal(SigV4Failure.Malformed, verdict.Failure);
    }
}
