using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Backends.Vertex;

/// <summary>Vertex ids: <c>claude-sonnet-4-5@20250929</c> for dated models, the bare name (<c>claude-sonnet-4-6</c>) otherwise.</summary>
internal sealed partial class VertexModelIdSpelling : IModelIdSpelling
{
    internal VertexModelIdSpelling()
    {
    }

    [GeneratedRegex(@"^(?<name>claude-[a-z0-9]+(?:-[a-z0-9]+)*)(?:@(?<date>\d{8}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <inheritdoc />
    public ModelIdFormatKind Kind => ModelIdFormatKind.Vertex;

    /// <inheritdoc />
    public string ToWireId(CatalogModel model) => model.Date is null ? model.Name : $"{model.Name}@{model.Date}";

    /// <inheritdoc />
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId)
    {
        var match = IdPattern().Match(wireId);
        firstPartyId = !match.Success ? null
            : match.Groups["date"].Success ? $"{match.Groups["name"].Value}-{match.Groups["date"].Value}"
            : match.Groups["name"].Value;
        return firstPartyId is not null;
    }

    /// <inheritdoc />
    public override string ToString() => "Vertex";
}
