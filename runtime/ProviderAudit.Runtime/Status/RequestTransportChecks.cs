namespace ProviderAudit.Runtime;

/// <summary>The request transport checks this build has.</summary>
public static class RequestTransportChecks
{
    /// <summary>
    /// The check status uses unless told otherwise. Claude Platform on AWS has no request transport in this build yet,
    /// so it is never ready; the other backends are served by their existing Claude Code transports.
    /// </summary>
    public static IRequestTransportCheck Default { get; } = new PendingClaudePlatformAwsTransport();

    /// <summary>The one place the "not available yet" verdict comes from; the transport issue replaces this class.</summary>
    private sealed class PendingClaudePlatformAwsTransport : IRequestTransportCheck
    {
        public const string Reason = "request transport not available yet";

        public RequestTransportReadiness Check(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation) =>
            backend.AuthTransport.Kind is AuthTransportKind.ClaudePlatformAws
                ? RequestTransportReadiness.NotReady(
                    $"{Reason}: the configuration is valid, but this build cannot send Claude Platform on AWS requests " +
                    "through the official AnthropicAwsClient yet, so status stays not ready instead of pretending.")
                : RequestTransportReadiness.Available;
    }

    /// <summary>The exact phrase status uses while Claude Platform on AWS has no request transport.</summary>
    public const string NotAvailableYet = PendingClaudePlatformAwsTransport.Reason;
}
