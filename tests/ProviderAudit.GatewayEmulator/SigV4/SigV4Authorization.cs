namespace ProviderAudit.GatewayEmulator.SigV4;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.
/// </summary>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    /// <summary>The credential scope this header claims.</summary>
    public string Scope => SigV4Signature.Scope(Date, Region, Service);

    /// <summary>Parses the header value; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string? header, out SigV4Authorization? authorization, out string problem)
    {
        authorization = null;
        problem = string.Empty;
        var prefix = SigV4Signature.Algorithm + " ";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            problem = "Authorization header does not use " + SigV4Signature.Algorithm + ".";
            return false;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                problem = "Authorization header is malformed.";
                return false;
            }
        }

        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            problem = "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.";
            return false;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(string.IsNullOrEmpty) || scope[4] != "aws4_request")
        {
            problem = "Credential should be scoped with a valid terminator: 'aws4_request'.";
            return false;
        }

        var names = signedHeaders.Split(';');
        if (names.Any(n => n.Length == 0 || n != n.ToLowerInvariant()))
        {
            problem = "SignedHeaders must be lower-case names separated by ';'.";
            return false;
        }

        authorization = new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], names, signature);
        return true;
    }
}
