namespace ProviderAudit.Runtime.Catalog;

/// <summary>A model a backend offers.</summary>
/// <param name="Id">The id to send (the backend's wire id).</param>
/// <param name="DisplayName">What people see.</param>
/// <param name="CatalogModel">The static catalog's entry for it (betas, tools), or null for a model the catalog does not know yet.</param>
public sealed record OfferedModel(string Id, string DisplayName, CatalogModel? CatalogModel);
