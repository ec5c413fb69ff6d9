using System.Diagnostics.CodeAnalysis;
using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Backends.FirstParty;

/// <summary>Anthropic's own ids (<c>claude-sonnet-4-6</c>, <c>claude-opus-4-5-20251101</c>); also Claude Platform on AWS's.</summary>
internal sealed class FirstPartyModelIdSpelling : IModelIdSpelling
{
    internal FirstPartyModelIdSpelling()
    {
    }

    /// <inheritdoc />
    public ModelIdFormatKind Kind => ModelIdFormatKind.FirstParty;

    /// <inheritdoc />
    public string ToWireId(CatalogModel model) => model.Id;

    /// <inheritdoc />
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId)
    {
        firstPartyId = FirstPartyModelIds.IsWellFormed(wireId) ? wireId : null;
        return firstPartyId is not null;
    }

    /// <inheritdoc />
    public override string ToString() => "FirstParty";
}
