using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Status;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// <c>status --probe</c> for Claude Platform on AWS: one <c>count_tokens</c> request answered by the gateway, its known
/// refusals turned into advice (<see cref="ClaudePlatformAwsProbeAdvice"/>).
/// </summary>
internal static class ClaudePlatformAwsProbe
{
    public static async Task<RequestTransportReadiness> ProbeAsync(IRequestClient client, RuntimeBackend backend, TransportInputs inputs, CancellationToken cancellationToken)
    {
        var model = ModelCatalog.WireId(ModelCatalog.Default.Models[0], backend);
        try
        {
            await client.SendAsync(
                (c, ct) => c.Messages.CountTokens(new MessageCountTokensParams { Model = model, Messages = [new UserMessageParam("ping")] }, ct),
                cancellationToken).ConfigureAwait(false);
            return RequestTransportReadiness.Available;
        }
        catch (AnthropicApiException e)
        {
            var cpa = client as ClaudePlatformAwsRequestClient;
            return ClaudePlatformAwsProbeAdvice.For(e, cpa?.Endpoint.AuthMode ?? ClaudePlatformAwsAuthMode.SigV4, inputs, cpa?.Endpoint.AwsCredentialSource?.Description);
        }
        catch (AnthropicIOException e)
        {
            return RequestTransportReadiness.NotReady($"The probe could not reach {client.BaseUri}: {e.Message} Check ANTHROPIC_AWS_BASE_URL / AWS_REGION and the network.");
        }
        catch (InvalidOperationException e)
        {
            // The wire guard refused to send a request that did not carry exactly one auth.
            return RequestTransportReadiness.NotReady(e.Message);
        }
    }
}
