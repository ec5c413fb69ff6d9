using System.Text.Json;

namespace ProviderAudit.GatewayEmulator;

/// <summary>An error answer in the gateway's shape: <c>{"type":"error","error":{"type":…,"message":…}}</c>.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Type">Error type (<c>authentication_error</c>, <c>permission_error</c>, …).</param>
/// <param name="Message">Error message.</param>
/// <param name="AwsType">The error type an AWS front end names for it (<c>x-amzn-ErrorType</c>), when it is an AWS auth error.</param>
public sealed record GatewayError(int StatusCode, string Type, string Message, string? AwsType = null)
{
    /// <summary>The JSON body in the gateway's Anthropic shape.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { type = "error", error = new { type = Type, message = Message } });

    /// <summary>The JSON body as an AWS front end writes it: <c>{"__type", "message"}</c> (with the type also in <c>x-amzn-ErrorType</c>).</summary>
    public string ToAwsJson() => JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = AwsType ?? Type, ["message"] = Message });

    /// <summary>400 invalid_request_error.</summary>
    public static GatewayError InvalidRequest(string message) => new(400, "invalid_request_error", message);

    /// <summary>401 authentication_error.</summary>
    public static GatewayError Authentication(string message) => new(401, "authentication_error", message);

    /// <summary>403 permission_error.</summary>
    public static GatewayError Permission(string message) => new(403, "permission_error", message);

    /// <summary>404 not_found_error.</summary>
    public static GatewayError NotFound(string message) => new(404, "not_found_error", message);

    /// <summary>The canned answer for a configured failure.</summary>
    public static GatewayError? For(GatewayFailure failure) => failure switch
    {
        GatewayFailure.FederationDisabled => Permission("Outbound web identity federation is disabled for your account.") with { AwsType = "AccessDeniedException" },
        GatewayFailure.IamDenied => Permission(
            "User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: aws-external-anthropic:CreateMessage because no identity-based policy allows the aws-external-anthropic:CreateMessage action")
            with { AwsType = "AccessDeniedException" },
        GatewayFailure.TokenExpired => Authentication("The security token included in the request is expired") with { AwsType = "ExpiredTokenException" },
        GatewayFailure.SignatureMismatch => SignatureMismatch,
        GatewayFailure.UnknownAccessKey => UnknownAccessKey,
        GatewayFailure.ClockSkew => new(403, "authentication_error", "Signature expired: 20261201T000000Z is now earlier than 20261201T001500Z (20261201T003000Z - 15 min.)",
            "InvalidSignatureException"),
        _ => null,
    };

    /// <summary>403 for a signature made with the wrong secret (AWS: InvalidSignatureException).</summary>
    public static GatewayError SignatureMismatch { get; } = new(403, "authentication_error",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.", "InvalidSignatureException");

    /// <summary>403 for an access key id AWS does not know (AWS: UnrecognizedClientException).</summary>
    public static GatewayError UnknownAccessKey { get; } = new(403, "authentication_error", "The security token included in the request is invalid.", "UnrecognizedClientException");
}
