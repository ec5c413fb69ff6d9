using System.Text.Json;
using Anthropic.Exceptions;

namespace ProviderAudit.Runtime;

/// <summary>Turns a gateway's refusal of the status probe into advice a person can act on.</summary>
public static class ClaudePlatformAwsProbeAdvice
{
    /// <summary>The command that turns on outbound web identity federation for an AWS account.</summary>
    public const string EnableFederationCommand = "aws iam enable-outbound-web-identity-federation";

    /// <summary>Not ready, with advice for <paramref name="error"/>.</summary>
    public static RequestTransportReadiness For(AnthropicApiException error, ClaudePlatformAwsAuthMode authMode, TransportInputs inputs)
    {
        var status = (int)error.StatusCode;
        var gateway = SecretScrubber.Scrub(GatewayMessage(error.ResponseBody), inputs.Environment);
        var said = $"the gateway answered {status}: \"{gateway}\"";
        var refresh = inputs.Settings.AwsAuthRefresh;
        if (status == 403 && gateway.Contains("federation", StringComparison.OrdinalIgnoreCase))
        {
            return RequestTransportReadiness.NotReady(
                $"Outbound web identity federation is disabled for this AWS account ({said}). Run `{EnableFederationCommand}` with an administrator identity, then retry.",
                [$"Run `{EnableFederationCommand}`"]);
        }

        if (status == 403)
        {
            var fix = authMode == ClaudePlatformAwsAuthMode.ApiKey
                ? "ANTHROPIC_AWS_API_KEY is stale or revoked: create a new Claude Platform key in the AWS console and set it"
                : "the AWS identity lacks IAM permission for the `aws-external-anthropic:*` actions (e.g. aws-external-anthropic:CreateMessage) on this workspace: attach a policy allowing them, or check that the credentials and AWS_REGION belong to the workspace's account and region";
            return RequestTransportReadiness.NotReady($"The Claude Platform on AWS gateway refused the request ({said}): {fix}.");
        }

        if (status == 401)
        {
            var fix = refresh is not null
                ? $"run `{refresh}` (the awsAuthRefresh command) and retry"
                : "sign in again (e.g. `aws sso login --profile <profile>`), or configure awsAuthRefresh to do it";
            return RequestTransportReadiness.NotReady(
                $"The Claude Platform on AWS gateway rejected the credentials as expired or invalid ({said}): {fix}.",
                refresh is not null ? [$"Run `{refresh}`"] : []);
        }

        return RequestTransportReadiness.NotReady($"The Claude Platform on AWS probe request failed ({said}).");
    }

    private static string GatewayMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out var err) && err.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }

            if (json.RootElement.TryGetProperty("message", out var awsMessage) && awsMessage.GetString() is { } aws)
            {
                return aws;
            }
        }
        catch (JsonException)
        {
            // Not JSON: show the start of the body.
        }

        var trimmed = body.Trim();
        return trimmed.Length > 200 ? trimmed[..200] + "…" : trimmed;
    }
}
