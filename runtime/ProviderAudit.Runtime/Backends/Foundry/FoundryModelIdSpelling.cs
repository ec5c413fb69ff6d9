using System.Diagnostics.CodeAnalysis;
using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Backends.Foundry;

/// <summary>
/// Foundry deployment names. The resource owner chooses them; this format writes the default deployment name (the
/// model's undated name, e.g. <c>claude-sonnet-4-5</c>) and parses names that follow that convention, which are spelled
/// like first-party ids.
/// </summary>
internal sealed class FoundryModelIdSpelling : IModelIdSpelling
{
    internal FoundryModelIdSpelling()
    {
    }

    /// <inheritdoc />
    public ModelIdFormatKind Kind => ModelIdFormatKind.Foundry;

    /// <inheritdoc />
    public string ToWireId(CatalogModel model) => model.Name;

    /// <inheritdoc />
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId)
    {
        firstPartyId = FirstPartyModelIds.IsWellFormed(wireId) ? wireId : null;
        return firstPartyId is not null;
    }

    /// <inheritdoc />
    public override string ToString() => "Foundry";
}
