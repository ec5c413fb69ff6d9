namespace ProviderAudit.Runtime.Catalog;

/// <summary>An API beta a model supports, and the transport feature it needs to be reachable.</summary>
/// <param name="Name">The <c>anthropic-beta</c> value, e.g. <c>context-1m-2025-08-07</c>.</param>
/// <param name="RequiredFeature">What the transport must support for the beta to work through it.</param>
public sealed record ModelBeta(string Name, TransportFeature RequiredFeature);
