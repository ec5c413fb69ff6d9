using ProviderAudit.Runtime.Backends;

namespace ProviderAudit.Runtime.Requests;

/// <summary>Makes the <see cref="CapabilityGateHandler"/> of one request client (each handler chain needs its own instance).</summary>
internal static class CapabilityGate
{
    public static DelegatingHandler For(RuntimeBackend backend, RequestClientOptions options) => For(backend, options.OnCapabilityWarning);

    public static DelegatingHandler For(RuntimeBackend backend, Action<string>? onWarning) =>
        new CapabilityGateHandler(backend.AuthTransport, backend.DisplayName, onWarning);
}
