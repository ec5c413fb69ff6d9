using Anthropic.Exceptions;
using System.Diagnostics.CodeAnalysis;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.Backends;

/// <summary>
/// A backend's identity: a stable id, labels for people and telemetry, its two capabilities, and what the runtime does
/// with it (validating its inputs, building its request client, spelling its model ids).
/// Claude Platform on AWS is its own backend everywhere; it is never "first party with a twist".
/// </summary>
public sealed class RuntimeBackend
{
    internal RuntimeBackend(
        ApiProvider provider,
        string id,
        string displayName,
        string telemetryLabel,
        IModelIdSpelling modelIds,
        IBackendTransport transport)
    {
        Provider = provider;
        Id = id;
        DisplayName = displayName;
        TelemetryLabel = telemetryLabel;
        ModelIds = modelIds;
        Transport = transport;
    }

    /// <summary>The enum value older code knows this backend by.</summary>
    public ApiProvider Provider { get; }

    /// <summary>Stable id: <c>first-party</c>, <c>bedrock</c>, <c>vertex</c>, <c>foundry</c>, <c>claude-platform-aws</c>.</summary>
    public string Id { get; }

    /// <summary>What a person sees, e.g. "Claude Platform on AWS".</summary>
    public string DisplayName { get; }

    /// <summary>The label telemetry and logs carry.</summary>
    public string TelemetryLabel { get; }

    /// <summary>How this backend spells model ids: the same answer as <c>Provider.ModelIdFormat()</c>.</summary>
    public IModelIdFormat ModelIdFormat => Provider.ModelIdFormat();

    /// <summary>How this backend authenticates and where its requests go: the same answer as <c>Provider.AuthTransport()</c>.</summary>
    public IAuthTransport AuthTransport => Provider.AuthTransport();

    /// <summary>The runtime side of <see cref="AuthTransport"/>: owned variables, validation, the request client.</summary>
    internal IBackendTransport Transport { get; }

    /// <summary>The runtime side of <see cref="ModelIdFormat"/>: catalog model ↔ wire id.</summary>
    internal IModelIdSpelling ModelIds { get; }

    /// <summary>Checks this backend's inputs and says what is wrong, each problem naming its variable and fix.</summary>
    public TransportValidation Validate(TransportInputs inputs) => Transport.Validate(inputs);

    /// <summary>
    /// Builds the request client for these inputs on the backend's official SDK client (Claude Platform on AWS:
    /// <c>Anthropic.Aws.AnthropicAwsClient</c>; first party: <c>Anthropic.AnthropicClient</c>; Bedrock, Vertex,
    /// Foundry: their <c>Anthropic.*</c> packages). Credentials come from <paramref name="inputs"/>, never from
    /// the process environment.
    /// </summary>
    /// <exception cref="RequestClientException">The inputs do not validate, or the client cannot be built from them.</exception>
    public IRequestClient CreateRequestClient(TransportInputs inputs, RequestClientOptions? options = null) =>
        Transport.CreateRequestClient(inputs, options);

    /// <summary>
    /// What to do about <paramref name="error"/>, a refusal of this backend's service, as a sentence naming the fix (never a
    /// secret), or null when the backend knows nothing beyond the answer itself. Claude Platform on AWS reads its gateway's
    /// refusals (a wrong secret, an expired token, a skewed clock, another region, missing IAM permissions, an unknown
    /// workspace, a refused key: docs/transport.md).
    /// </summary>
    public string? AdviceFor(AnthropicApiException error, TransportInputs inputs) => Transport.RefusalAdvice(error, inputs);

    /// <summary>The id to send for a catalog model, e.g. <c>anthropic.claude-opus-4-5-20251101-v1:0</c> for Bedrock.</summary>
    public string ToWireId(CatalogModel model) => ModelIds.ToWireId(model);

    /// <summary>
    /// Parses a wire id in this backend's format back to the first-party id it names (dated when the wire id carries a
    /// date), e.g. <c>claude-sonnet-4-5@20250929</c> → <c>claude-sonnet-4-5-20250929</c> for Vertex. False for ids of
    /// other formats (Claude Platform on AWS takes first-party ids only).
    /// </summary>
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId) => ModelIds.TryParseWireId(wireId, out firstPartyId);

    /// <inheritdoc />
    public override string ToString() => Id;
}
