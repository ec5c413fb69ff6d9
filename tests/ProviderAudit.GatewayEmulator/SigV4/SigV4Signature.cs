using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProviderAudit.GatewayEmulator.SigV4;

/// <summary>
/// The pieces of AWS Signature Version 4 as the AWS specification defines them: canonical request,
/// string to sign, derived signing key and signature. Written from the specification (not from any
/// client under test) and checked against the published AWS SigV4 test-suite vectors.
/// </summary>
public static class SigV4Signature
{
    /// <summary>The only algorithm the gateway accepts.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The hash of an empty payload.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Lower-case hex SHA-256 of <paramref name="data"/>.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>
    /// The canonical URI: every path segment URI-encoded once (RFC 3986 unreserved characters kept).
    /// The gateway's paths (<c>/v1/messages</c> …) contain no characters where single and double
    /// encoding differ.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(segment => UriEncode(Uri.UnescapeDataString(segment))));
    }

    /// <summary>The canonical query string: parameters encoded, sorted by name then value, joined with '&amp;'.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? string.Empty : part[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name.Replace('+', ' '))),
                        Value: UriEncode(Uri.UnescapeDataString(value.Replace('+', ' '))));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>
    /// The canonical headers block for the signed header names: lower-case name, ':', values trimmed,
    /// inner whitespace runs collapsed, several values joined with ','; one line each, sorted by name.
    /// </summary>
    public static string CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers, IReadOnlyList<string> signedHeaderNames)
    {
        var byName = headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => CollapseWhitespace(h.Value.Trim()))), StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var name in signedHeaderNames)
        {
            builder.Append(name).Append(':').Append(byName.TryGetValue(name, out var value) ? value : string.Empty).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The canonical request (six lines joined with '\n').</summary>
    public static string CanonicalRequest(
        string method,
        string rawPath,
        string rawQuery,
        IEnumerable<KeyValuePair<string, string>> headers,
        IReadOnlyList<string> signedHeaderNames,
        string payloadHash) =>
        string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalUri(rawPath),
            CanonicalQuery(rawQuery),
            CanonicalHeaders(headers, signedHeaderNames),
            string.Join(';', signedHeaderNames),
            payloadHash);

    /// <summary>The credential scope <c>yyyyMMdd/region/service/aws4_request</c>.</summary>
    public static string Scope(string date, string region, string service) => $"{date}/{region}/{service}/aws4_request";

    /// <summary>The string to sign for a canonical request.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        string.Join('\n', Algorithm, amzDate, scope, HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The derived signing key: HMAC chain over date, region, service and the terminator.</summary>
    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign under the signing key.</summary>
    public static string Signature(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    /// <summary>Formats an instant the way <c>x-amz-date</c> carries it.</summary>
    public static string FormatAmzDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an <c>x-amz-date</c> value (<c>yyyyMMddTHHmmssZ</c>).</summary>
    public static bool TryParseAmzDate(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string UriEncode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousWasSpace = false;
        foreach (var c in value)
        {
            if (c is ' ' or '\t')
            {
                if (!previousWasSpace)
                {
                    builder.Append(' ');
                }

                previousWasSpace = true;
            }
            else
            {
                builder.Append(c);
                previousWasSpace = false;
            }
        }

        return builder.ToString();
    }
}
