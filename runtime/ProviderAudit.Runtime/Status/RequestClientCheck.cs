using Anthropic.Exceptions;
using Anthropic.Models.Messages;

namespace ProviderAudit.Runtime;

/// <summary>
/// Readiness from the request transport itself. For Claude Platform on AWS, and for Bedrock when it signs with AWS
/// credentials: the transport builds its request client on the official SDK client and a credential resolves through
/// the runtime's one AWS credential chain (the host's <c>awsAuthRefresh</c> runs once when AWS credentials are missing
/// or expired; every failure is a reason naming its fix, bounded by <see cref="RequestClientOptions.CredentialResolutionTimeout"/>, and by
/// <see cref="RequestClientOptions.MetadataCredentialResolutionTimeout"/> for container credentials and instance metadata).
/// For CPA, when probing, one <c>count_tokens</c> request is answered by the gateway (known failures mapped to advice).
/// The other backends keep the readiness their input validation gives.
/// </summary>
public sealed class RequestClientCheck : IRequestTransportCheck
{
    private readonly RequestClientOptions _options;

    /// <summary>Creates the check.</summary>
    /// <param name="options">How request clients run host commands and talk HTTP.</param>
    /// <param name="probe">Also send one minimal request.</param>
    public RequestClientCheck(RequestClientOptions? options = null, bool probe = false)
    {
        _options = options ?? RequestClientOptions.Default;
        Probe = probe;
    }

    /// <summary>True when the check sends a request.</summary>
    public bool Probe { get; }

    /// <summary>How request clients are built.</summary>
    public RequestClientOptions Options => _options;

    /// <summary>The same check, sending one minimal request.</summary>
    public RequestClientCheck WithProbe() => new(_options, probe: true);

    /// <inheritdoc />
    public RequestTransportReadiness Check(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation) =>
        // Status is synchronous; credential resolution and the probe are not. Task.Run keeps a caller's
        // synchronization context out of the wait.
        Task.Run(() => CheckAsync(backend, inputs, validation)).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Check"/>.</summary>
    public async Task<RequestTransportReadiness> CheckAsync(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation, CancellationToken cancellationToken = default)
    {
        if (!NeedsRequestTransport(backend, inputs))
        {
            return RequestTransportReadiness.Available;
        }

        var refreshActions = AwsTransportVariables.RefreshAction(inputs.Settings);
        try
        {
            using var client = backend.CreateRequestClient(inputs, _options);
            await client.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return Probe && backend.AuthTransport.Kind is AuthTransportKind.ClaudePlatformAws
                ? await ProbeAsync(client, backend, inputs, cancellationToken).ConfigureAwait(false)
                : RequestTransportReadiness.Available;
        }
        catch (RequestClientException e)
        {
            return RequestTransportReadiness.NotReady(e.Message, e.RefreshMightHelp || e.Setting == "awsAuthRefresh" ? refreshActions : []);
        }
    }

    // CPA always; Bedrock when it signs with AWS credentials (a Bedrock API key or skip-auth has nothing to resolve).
    private static bool NeedsRequestTransport(RuntimeBackend backend, TransportInputs inputs) => backend.AuthTransport.Kind switch
    {
        AuthTransportKind.ClaudePlatformAws => true,
        AuthTransportKind.Bedrock => !inputs.Environment.Flag(EnvironmentVariableNames.SkipBedrockAuth) && !inputs.Environment.Has(EnvironmentVariableNames.BedrockBearerToken),
        _ => false,
    };

    private static async Task<RequestTransportReadiness> ProbeAsync(IRequestClient client, RuntimeBackend backend, TransportInputs inputs, CancellationToken cancellationToken)
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
            var authMode = client is Aws.ClaudePlatformAwsRequestClient cpa ? cpa.Endpoint.AuthMode : ClaudePlatformAwsAuthMode.SigV4;
            return ClaudePlatformAwsProbeAdvice.For(e, authMode, inputs);
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
