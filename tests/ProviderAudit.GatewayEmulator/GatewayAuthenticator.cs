using System.Collections.Concurrent;
using ProviderAudit.GatewayEmulator.SigV4;

namespace ProviderAudit.GatewayEmulator;

/// <summary>The gateway's auth decision for one request.</summary>
/// <param name="Kind">How the request tried to authenticate.</param>
/// <param name="AccessKeyId">SigV4 access key id, when one was claimed.</param>
/// <param name="Error">Why it was rejected, or null when accepted.</param>
public sealed record GatewayAuthResult(GatewayAuthKind Kind, string? AccessKeyId, GatewayError? Error);

/// <summary>
/// Decides whether a request carries exactly one acceptable credential: a SigV4 signature made with a
/// known key for this region and service, or the configured CPA API key. First-party Anthropic keys,
/// OAuth tokens and requests with more than one auth header are refused, as the gateway does.
/// </summary>
public sealed class GatewayAuthenticator
{
    private readonly GatewayEmulatorOptions _options;
    private readonly ConcurrentDictionary<string, string> _accessKeys;
    private readonly ConcurrentDictionary<string, byte> _expiredAccessKeys = new(StringComparer.Ordinal);
    private readonly SigV4Verifier _verifier;

    /// <summary>Creates the authenticator for <paramref name="options"/>.</summary>
    public GatewayAuthenticator(GatewayEmulatorOptions options)
    {
        _options = options;
        _accessKeys = new ConcurrentDictionary<string, string>(options.AccessKeys, StringComparer.Ordinal);
        _verifier = new SigV4Verifier(
            options.Region,
            options.Service,
            id => _accessKeys.TryGetValue(id, out var secret) ? secret : null,
            options.MaxClockSkew,
            options.Bedrock ? [] : ["anthropic-workspace-id"]);
    }

    /// <summary>Accepts SigV4 signatures made with this key pair from now on.</summary>
    public void AddAccessKey(string accessKeyId, string secretAccessKey) => _accessKeys[accessKeyId] = secretAccessKey;

    /// <summary>Accepts SigV4 signatures made with exactly these key pairs from now on (and no other).</summary>
    public void SetAccessKeys(IReadOnlyDictionary<string, string> keys)
    {
        _accessKeys.Clear();
        foreach (var (id, secret) in keys)
        {
            _accessKeys[id] = secret;
        }
    }

    /// <summary>Answers 401 "security token … expired" for requests signed with this key from now on.</summary>
    public void ExpireAccessKey(string accessKeyId) => _expiredAccessKeys[accessKeyId] = 0;

    /// <summary>Authenticates <paramref name="request"/>.</summary>
    public GatewayAuthResult Authenticate(SigV4Request request)
    {
        var authorization = request.Values("Authorization").ToList();
        var apiKeys = request.Values("x-api-key").ToList();
        var count = authorization.Count + apiKeys.Count;
        if (count == 0)
        {
            return new(GatewayAuthKind.None, null, GatewayError.Authentication(
                "Missing authentication: sign the request with AWS SigV4 or send the Claude Platform on AWS API key in the x-api-key header."));
        }

        if (count > 1)
        {
            return new(GatewayAuthKind.Rejected, null, GatewayError.Authentication(
                $"The request carries {count} authentication headers (Authorization: {authorization.Count}, x-api-key: {apiKeys.Count}); send exactly one."));
        }

        if (apiKeys.Count == 1)
        {
            return AuthenticateApiKey(apiKeys[0], GatewayAuthKind.ApiKey);
        }

        var value = authorization[0];
        if (value.StartsWith(SigV4Signature.Algorithm, StringComparison.Ordinal))
        {
            return AuthenticateSigV4(request);
        }

        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = value["Bearer ".Length..].Trim();
            if (IsConfiguredApiKey(token) && _options.BearerApiKeys == BearerApiKeyPolicy.Reject)
            {
                return new(GatewayAuthKind.Rejected, null, GatewayError.Authentication(
                    "Send the Claude Platform on AWS API key in the x-api-key header, not as a bearer token."));
            }

            return AuthenticateApiKey(token, GatewayAuthKind.BearerApiKey);
        }

        return new(GatewayAuthKind.Rejected, null, GatewayError.Authentication(
            "Unsupported Authorization scheme: use AWS4-HMAC-SHA256 (SigV4) or the x-api-key header."));
    }

    private GatewayAuthResult AuthenticateApiKey(string key, GatewayAuthKind kind)
    {
        if (IsConfiguredApiKey(key))
        {
            return new(kind, null, null);
        }

        if (key.StartsWith("sk-ant-", StringComparison.Ordinal))
        {
            return new(GatewayAuthKind.Rejected, null, GatewayError.Authentication(
                "First-party Anthropic API keys and OAuth tokens are not accepted by Claude Platform on AWS; use SigV4 or a Claude Platform on AWS API key."));
        }

        // The platform reports an unknown or revoked CPA key as a permission problem (403).
        return new(GatewayAuthKind.Rejected, null, GatewayError.Permission(
            "The API key is not valid for this workspace or has been revoked."));
    }

    private GatewayAuthResult AuthenticateSigV4(SigV4Request request)
    {
        var verdict = _verifier.Verify(request, _options.Clock());
        if (!verdict.IsValid)
        {
            // AWS front ends answer signature problems with 403, and name them.
            var awsType = verdict.Failure == SigV4Failure.UnknownAccessKey ? "UnrecognizedClientException" : "InvalidSignatureException";
            return new(GatewayAuthKind.SigV4, verdict.AccessKeyId, new GatewayError(403, "authentication_error", verdict.Message, awsType));
        }

        if (_expiredAccessKeys.ContainsKey(verdict.AccessKeyId!))
        {
            return new(GatewayAuthKind.SigV4, verdict.AccessKeyId, GatewayError.For(GatewayFailure.TokenExpired));
        }

        return new(GatewayAuthKind.SigV4, verdict.AccessKeyId, null);
    }

    private bool IsConfiguredApiKey(string key) => _options.ApiKeys.Contains(key, StringComparer.Ordinal);
}
