using System.Text;
using ProviderAudit.GatewayEmulator.SigV4;

namespace ProviderAudit.Transport.Tests.Emulator;

/// <summary>
/// The emulator's SigV4 verifier, proven against the published AWS SigV4 test suite
/// (aws-sig-v4-test-suite: credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
/// 20150830T123600Z, us-east-1, service "service"). Expected values are the suite's, verbatim.
/// </summary>
public sealed class SigV4VectorTests
{
    internal const string AccessKeyId = "AKIDEXAMPLE";
    internal const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    internal const string AmzDate = "20150830T123600Z";
    internal static readonly string Scope = SigV4Signature.Scope("20150830", "us-east-1", "service");

    internal static string Sign(string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        var signed = headers.Select(h => h.Key.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        var canonical = SigV4Signature.CanonicalRequest(method, path, query, headers, signed, SigV4Signature.HexSha256(Encoding.UTF8.GetBytes(body)));
        var key = SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "service");
        return SigV4Signature.Signature(key, SigV4Signature.StringToSign(AmzDate, Scope, canonical));
    }

    internal static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Fact]
    public void Get_vanilla_matches_the_published_signature()
    {
        var signature = Sign("GET", "/", "", [H("Host", "example.amazonaws.com"), H("X-Amz-Date", AmzDate)], "");

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Fact]
    public void Get_vanilla_query_order_key_case_sorts_the_query_before_signing()
    {
        var signature = Sign("GET", "/", "?Param2=value2&Param1=value1", [H("Host", "example.amazonaws.com"), H("X-Amz-Date", AmzDate)], "");

        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", signature);
    }

    [Fact]
    public void Post_vanilla_matches_the_published_signature()
    {
        var signature = Sign("POST", "/", "", [H("Host", "example.amazonaws.com"), H("X-Amz-Date", AmzDate)], "");

        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", signature);
    }

    [Fact]
    public void Post_form_urlencoded_canonical_request_matches_the_suite()
    {
        var headers = new[] { H("Content-Type", "application/x-www-form-urlencoded"), H("Host", "example.amazonaws.com"), H("X-Amz-Date", AmzDate) };

        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, ["content-type", "host", "x-amz-date"],
            SigV4Signature.HexSha256("Param1=value1"u8));

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
            + "content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            canonical);
    }

    [Fact]
    public void Post_form_urlencoded_string_to_sign_matches_the_suite()
    {
        var headers = new[] { H("Content-Type", "application/x-www-form-urlencoded"), H("Host", "example.amazonaws.com"), H("X-Amz-Date", AmzDate) };
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, ["content-type", "host", "x-amz-date"],
            SigV4Signature.HexSha256("Param1=value1"u8));

        var stringToSign = SigV4Signature.StringToSign(AmzDate, Scope, canonical);

        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
            stringToSign);
    }

    [Fact]
    public void Post_form_urlencoded_matches_the_published_signature()
    {
        var signature = Sign("POST", "/", "",
            [H("Content-Type", "application/x-www-form-urlencoded"), H("Host", "example.amazonaws.com"), H("X-Amz-Date", AmzDate)],
            "Param1=value1");

        Assert.Equal("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", signature);
    }

    [Fact]
    public void Get_vanilla_with_session_token_signs_the_token()
    {
        var signature = Sign("GET", "/", "",
            [
                H("Host", "example.amazonaws.com"),
                H("X-Amz-Date", AmzDate),
                H("X-Amz-Security-Token", "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"),
            ],
            "");

        Assert.Equal("07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8", signature);
    }
}
