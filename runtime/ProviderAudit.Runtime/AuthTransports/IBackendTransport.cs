namespace ProviderAudit.Runtime;

/// <summary>
/// What the runtime does with a backend's auth transport, beyond the capability questions a library asks
/// (<see cref="IAuthTransport"/>, in the dependency-free ProviderAudit package): the variables it owns, validating its
/// inputs and building its request client on the backend's official SDK client. One implementation per backend; the
/// registry (<see cref="RuntimeBackends"/>) pairs it with the backend's capability, and public callers reach it through
/// <see cref="RuntimeBackend"/>.
/// </summary>
internal interface IBackendTransport
{
    /// <summary>The transport this implements; equal to the backend's <see cref="IAuthTransport.Kind"/>.</summary>
    AuthTransportKind Kind { get; }

    /// <summary>The <c>CLAUDE_CODE_USE_*</c> variable that selects this transport in Claude Code, or null when none does (first party).</summary>
    string? SelectorVariable { get; }

    /// <summary>
    /// Environment variables this transport reads (credentials, endpoint, region, …). A launch for this transport
    /// passes them on; a launch for any other transport drops them.
    /// </summary>
    IReadOnlyCollection<string> OwnedVariables { get; }

    /// <summary>Checks this transport's inputs and says what is wrong, each problem naming its variable and fix.</summary>
    TransportValidation Validate(TransportInputs inputs);

    /// <summary>Builds the request client for these inputs (see <see cref="RuntimeBackend.CreateRequestClient"/>).</summary>
    /// <exception cref="RequestClientException">The inputs do not validate, or the client cannot be built from them.</exception>
    IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null);
}
