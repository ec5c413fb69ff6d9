using System.Text.Json;
using Anthropic.Exceptions;
using ProviderAudit.Runtime.Secrets;
using ProviderAudit.Runtime.Status;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// Turns a gateway's refusal of the status probe (or of <c>ask</c>) into advice a person can act on, by what the
/// gateway said — not by the status code alone, since AWS answers a wrong secret, an unknown key and a missing IAM
/// permission all with 403:
/// <list type="bullet">
/// <item>the signature does not match, or the key id is unknown → the credential source that supplied the keys, named;</item>
/// <item>the security token expired → the <c>awsAuthRefresh</c> command (or how to sign in again);</item>
/// <item>the signature is out of date → this machine's clock;</item>
/// <item>the credential scope names another region → <c>AWS_REGION</c>;</item>
/// <item>access denied → the IAM actions to allow; outbound federation disabled → the command that enables it;</item>
/// <item>an unknown workspace → <c>ANTHROPIC_AWS_WORKSPACE_ID</c> and its region; a refused CPA key → a new key.</item>
/// </list>
/// </summary>
public static class ClaudePlatformAwsProbeAdvice
{
    /// <summary>The command that turns on outbound web identity federation for an AWS account.</summary>
    public const string EnableFederationCommand = "aws iam enable-outbound-web-identity-federation";

    /// <summary>Not ready, with advice for <paramref name="error"/>.</summary>
    public static RequestTransportReadiness For(AnthropicApiException error, ClaudePlatformAwsAuthMode authMode, TransportInputs inputs)
    {
        var source = authMode == ClaudePlatformAwsAuthMode.SigV4 && ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out _)
            ? settings.AwsCredentialSource?.Description
            : null;
        return For(error, authMode, inputs, source);
    }

    /// <summary>Not ready, with advice for <paramref name="error"/>, naming <paramref name="credentialSource"/> when the keys are at fault.</summary>
    internal static RequestTransportReadiness For(AnthropicApiException error, ClaudePlatformAwsAuthMode authMode, TransportInputs inputs, string? credentialSource)
    {
        var status = (int)error.StatusCode;
        var (type, message) = GatewayAnswer(error.ResponseBody);
        var gateway = SecretScrubber.Scrub(message, inputs.Environment);
        var said = $"the gateway answered {status}{(type is null ? "" : " " + SecretScrubber.Scrub(type, inputs.Environment))}: \"{gateway}\"";
        var refresh = inputs.Settings.AwsAuthRefresh;
        var keys = credentialSource is null ? "the AWS credentials" : $"the AWS credentials from {credentialSource}";
        bool Says(params string[] phrases) => phrases.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase) || (type?.Contains(p, StringComparison.OrdinalIgnoreCase) ?? false));
        RequestTransportReadiness NotReady(string advice, IReadOnlyList<string>? actions = null) =>
            RequestTransportReadiness.NotReady($"The Claude Platform on AWS gateway refused the request ({said}): {advice}.", actions);

        if (Says("federation"))
        {
            return RequestTransportReadiness.NotReady(
                $"Outbound web identity federation is disabled for this AWS account ({said}). Run `{EnableFederationCommand}` with an administrator identity, then retry.",
                [$"Run `{EnableFederationCommand}`"]);
        }

        if (authMode == ClaudePlatformAwsAuthMode.SigV4)
        {
            // "Signature expired" is the clock, not the credentials: it is checked before the expired-token wording.
            if (Says("Signature expired", "RequestTimeTooSkewed", "outside the allowed"))
            {
                return NotReady("the request's timestamp is too far from the gateway's clock: set this machine's clock (e.g. enable NTP), then retry");
            }

            if (Says("ExpiredToken", "token included in the request is expired", "token has expired") || status == 401)
            {
                return refresh is not null
                    ? NotReady($"{keys} have expired: run `{refresh}` (the awsAuthRefresh command) and retry", [$"Run `{refresh}`"])
                    : NotReady($"{keys} have expired or were revoked: sign in again (e.g. `aws sso login --profile <profile>`), or configure awsAuthRefresh to do it");
            }

            if (Says("signature we calculated does not match", "SignatureDoesNotMatch", "InvalidSignature"))
            {
                return NotReady($"the signature made with {keys} does not match: the secret access key does not belong to the access key id. Check {credentialSource ?? "where the keys come from"} "
                    + "(a secret from another key pair, or pasted with a stray character)");
            }

            if (Says("security token included in the request is invalid", "UnrecognizedClient", "InvalidClientTokenId", "access key Id you provided does not exist"))
            {
                return NotReady($"AWS does not know the access key id of {keys} (deleted, deactivated, or from another account or partition). Check {credentialSource ?? "where the keys come from"}");
            }

            if (Says("scoped to a valid region", "scoped to correct service"))
            {
                return NotReady("the request was signed for another region or service than the gateway's: set AWS_REGION to the workspace's region (or fix ANTHROPIC_AWS_BASE_URL)");
            }
        }

        if (Says("Workspace") && Says("not found", "not accessible"))
        {
            return NotReady("no such workspace in this region: check ANTHROPIC_AWS_WORKSPACE_ID and that AWS_REGION is the workspace's region");
        }

        if (authMode == ClaudePlatformAwsAuthMode.ApiKey && status is 401 or 403)
        {
            return NotReady("ANTHROPIC_AWS_API_KEY is stale or revoked: create a new Claude Platform key in the AWS console and set it");
        }

        if (status == 403 || Says("not authorized to perform", "AccessDenied"))
        {
            return NotReady($"{keys} are valid but lack IAM permission for the `aws-external-anthropic:*` actions (e.g. aws-external-anthropic:CreateMessage) on this workspace: "
                + "attach a policy allowing them, or check that the credentials belong to the workspace's account");
        }

        if (status == 401)
        {
            return NotReady("the gateway did not accept the request's authentication: check ANTHROPIC_AWS_API_KEY, or unset CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH if a gateway in front does not add it");
        }

        return RequestTransportReadiness.NotReady($"The Claude Platform on AWS probe request failed ({said}).");
    }

    // The Anthropic shape {"type":"error","error":{"type","message"}}, or an AWS front end's {"message"} / {"Message"}
    // with "__type" (or nothing but text).
    private static (string? Type, string Message) GatewayAnswer(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.Object
                    && err.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return (err.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null, message.GetString()!);
                }

                foreach (var name in new[] { "message", "Message" })
                {
                    if (root.TryGetProperty(name, out var aws) && aws.ValueKind == JsonValueKind.String)
                    {
                        var type = root.TryGetProperty("__type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Split('#')[^1] : null;
                        return (type, aws.GetString()!);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: show the start of the body.
        }

        var trimmed = body.Trim();
        return (null, trimmed.Length > 200 ? trimmed[..200] + "…" : trimmed);
    }
}
