using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime;

/// <summary>
/// Foundry deployment names. The resource owner chooses them; this format writes the default deployment name (the
/// model's undated name, e.g. <c>claude-sonnet-4-5</c>) and parses names that follow that convention.
/// </summary>
internal sealed partial class FoundryModelIdSpelling : IModelIdSpelling
{
    internal FoundryModelIdSpelling()
    {
    }

    [GeneratedRegex(@"^claude-[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <inheritdoc />
    public ModelIdFormatKind Kind => ModelIdFormatKind.Foundry;

    /// <inheritdoc />
    public string ToWireId(CatalogModel model) => model.Name;

    /// <inheritdoc />
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId)
    {
        firstPartyId = IdPattern().IsMatch(wireId) ? wireId : null;
        return firstPartyId is not null;
    }

    /// <inheritdoc />
    public override string ToString() => "Foundry";
}
