using System.Text.Json;

namespace ProviderAudit.GatewayEmulator;

/// <summary>An error answer in the gateway's shape: <c>{"type":"error","error":{"type":…,"message":…}}</c>.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Type">Error type (<c>authentication_error</c>, <c>permission_error</c>, …).</param>
/// <param name="Message">Error message.</param>
public sealed record GatewayError(int StatusCode, string Type, string Message)
{
    /// <summary>The JSON body.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { type = "error", error = new { type = Type, message = Message } });

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
        GatewayFailure.FederationDisabled => Permission("Outbound web identity federation is disabled for your account."),
        GatewayFailure.IamDenied => Permission(
            "User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: aws-external-anthropic:CreateMessage because no identity-based policy allows the aws-external-anthropic:CreateMessage action"),
        GatewayFailure.TokenExpired => Authentication("The security token included in the request is expired"),
        _ => null,
    };
}
