using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.Status;

/// <summary>
/// Readiness from the request transport itself, for the backends whose readiness needs more than valid inputs (Claude
/// Platform on AWS; Bedrock when it signs with AWS credentials): the transport builds its request client on the
/// official SDK client and a credential resolves through the runtime's one AWS credential chain (the host's
/// <c>awsAuthRefresh</c> runs once when AWS credentials are missing or expired; every failure is a reason naming its
/// fix, bounded by <see cref="RequestClientOptions.CredentialResolutionTimeout"/>, and by
/// <see cref="RequestClientOptions.MetadataCredentialResolutionTimeout"/> for container credentials and instance
/// metadata). When probing, the backend's probe sends one minimal request (Claude Platform on AWS: <c>count_tokens</c>,
/// known refusals mapped to advice). The other backends keep the readiness their input validation gives.
/// </summary>
public sealed class RequestClientCheck : IRequestTransportCheck
{
    private readonly RequestClientOptions _options;

    /// <summary>Creates the check.</summary>
    /// <param name="options">How request clients run host commands and talk HTTP.</param>
    /// <param name="probe">Also send one minimal request (<c>status --probe</c>).</param>
    public RequestClientCheck(RequestClientOptions? options = null, bool probe = false)
    {
        _options = options ?? RequestClientOptions.Default;
        Probe = probe;
    }

    /// <summary>True when the check sends a request.</summary>
    public bool Probe { get; }

    /// <summary>How request clients are built.</summary>
    public RequestClientOptions Options => _options;

    /// <inheritdoc />
    public RequestTransportReadiness Check(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation) =>
        // Status is synchronous; credential resolution and the probe are not. Task.Run keeps a caller's
        // synchronization context out of the wait.
        Task.Run(() => CheckAsync(backend, inputs, validation)).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Check"/>.</summary>
    public async Task<RequestTransportReadiness> CheckAsync(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation, CancellationToken cancellationToken = default)
    {
        if (!backend.Transport.ReadinessResolvesCredential(inputs))
        {
            return RequestTransportReadiness.Available;
        }

        var refreshActions = AwsAuthRefreshCoordinator.Actions(inputs.Settings);
        try
        {
            using var client = backend.CreateRequestClient(inputs, _options);
            await client.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return Probe
                ? await backend.Transport.ProbeAsync(client, backend, inputs, cancellationToken).ConfigureAwait(false)
                : RequestTransportReadiness.Available;
        }
        catch (RequestClientException e)
        {
            return RequestTransportReadiness.NotReady(e.Message, e.RefreshMightHelp || e.Setting == "awsAuthRefresh" ? refreshActions : []);
        }
    }
}
