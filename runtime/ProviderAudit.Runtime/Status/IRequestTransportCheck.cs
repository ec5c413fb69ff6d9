using ProviderAudit.Runtime.Backends;

namespace ProviderAudit.Runtime.Status;

/// <summary>
/// The seam between "the inputs validate" and "a request would work": asked only after the backend's transport
/// accepted its inputs. The request transport replaces <see cref="RequestTransportChecks.Default"/> with one that
/// resolves credentials and builds the official client; status does not change shape when it does.
/// </summary>
public interface IRequestTransportCheck
{
    /// <summary>Whether requests through <paramref name="backend"/> can be sent with these (already validated) inputs.</summary>
    RequestTransportReadiness Check(RuntimeBackend backend, TransportInputs inputs, TransportValidation validation);
}
