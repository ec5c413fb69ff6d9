using Anthropic.Exceptions;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Status;

namespace ProviderAudit.Runtime.Backends;

/// <summary>
/// What the runtime does with a backend's auth transport, beyond the capability questions a library asks
/// (<see cref="IAuthTransport"/>, in the dependency-free ProviderAudit package): the variables it owns, validating its
/// inputs, building its request client on the backend's official SDK client and what readiness needs of it. One
/// implementation per backend, in that backend's folder; the registry (<see cref="RuntimeBackends"/>) pairs it with the
/// backend's capability, and public callers reach it through <see cref="RuntimeBackend"/>.
/// </summary>
/// <remarks>
/// Every per-backend decision shared code needs is a member here, so shared code asks the backend instead of
/// switching on <see cref="AuthTransportKind"/> (an architecture test keeps it that way). Members with a body are the
/// answer of a backend that has nothing to say about them.
/// </remarks>
internal interface IBackendTransport
{
    /// <summary>The transport this implements; equal to the backend's <see cref="IAuthTransport.Kind"/>.</summary>
    AuthTransportKind Kind { get; }

    /// <summary>The <c>CLAUDE_CODE_USE_*</c> variable that selects this transport in Claude Code, or null when none does (first party).</summary>
    string? SelectorVariable { get; }

    /// <summary>
    /// A variable whose non-empty value selects this backend when no selector flag is on (Claude Platform on AWS:
    /// <c>ANTHROPIC_AWS_WORKSPACE_ID</c>), or null.
    /// </summary>
    string? ImpliedSelectorVariable => null;

    /// <summary>
    /// Environment variables this transport reads (credentials, endpoint, region, …). A launch for this transport
    /// passes them on; a launch for any other transport drops them.
    /// </summary>
    IReadOnlyCollection<string> OwnedVariables { get; }

    /// <summary>Prefixes of further variables a launch for this transport passes on (per-service AWS endpoints).</summary>
    IReadOnlyCollection<string> OwnedVariablePrefixes => [];

    /// <summary>Prefixes of variables only a launch of this transport may carry: every other backend's launch drops them.</summary>
    IReadOnlyCollection<string> ReservedVariablePrefixes => [];

    /// <summary>The owned variables whose values are credentials: the scrubber removes their values from every text.</summary>
    IReadOnlyCollection<string> CredentialVariables { get; }

    /// <summary>Whether this transport's requests and launches carry the <c>ANTHROPIC_CUSTOM_HEADERS</c> header <paramref name="name"/>.</summary>
    bool SendsCustomHeader(string name);

    /// <summary>Checks this transport's inputs and says what is wrong, each problem naming its variable and fix.</summary>
    TransportValidation Validate(TransportInputs inputs);

    /// <summary>Builds the request client for these inputs (see <see cref="RuntimeBackend.CreateRequestClient"/>).</summary>
    /// <exception cref="RequestClientException">The inputs do not validate, or the client cannot be built from them.</exception>
    IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null);

    /// <summary>
    /// Whether readiness needs more than valid inputs: the request client built and a credential resolved (AWS
    /// credentials, say, that are found only by resolving them). False: valid inputs are ready.
    /// </summary>
    bool ReadinessResolvesCredential(TransportInputs inputs) => false;

    /// <summary>
    /// What to do about a refusal of this backend's service (<c>ask</c>), as a sentence naming the fix, or null when the
    /// backend knows nothing beyond the answer itself.
    /// </summary>
    string? RefusalAdvice(AnthropicApiException error, TransportInputs inputs) => null;

    /// <summary>
    /// <c>status --probe</c>: one minimal request through a prepared <paramref name="client"/>, its refusal turned into
    /// advice. A transport without a probe is ready once prepared.
    /// </summary>
    Task<RequestTransportReadiness> ProbeAsync(IRequestClient client, RuntimeBackend backend, TransportInputs inputs, CancellationToken cancellationToken) =>
        Task.FromResult(RequestTransportReadiness.Available);

    /// <summary>
    /// What, besides the backend and its base URL, decides which models a list from this transport holds, in words
    /// (Claude Platform on AWS: "workspace wrkspc_…, region us-east-1"): part of the model list cache key and of
    /// "not offered" reasons. Null when nothing does, or the inputs do not validate.
    /// </summary>
    string? ModelListScope(TransportInputs inputs) => null;

    /// <summary>A refusal the backend answered a request with, as a sentence naming the fix (not scrubbed yet).</summary>
    string ExplainRefusal(AnthropicApiException error, RuntimeBackend backend, TransportInputs inputs) =>
        $"{backend.DisplayName} answered {(int)error.StatusCode}: {error.ResponseBody}";
}
