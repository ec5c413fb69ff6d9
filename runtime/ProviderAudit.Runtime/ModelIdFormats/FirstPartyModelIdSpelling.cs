using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime;

/// <summary>Anthropic's own ids (<c>claude-sonnet-4-6</c>, <c>claude-opus-4-5-20251101</c>); also Claude Platform on AWS's.</summary>
internal sealed partial class FirstPartyModelIdSpelling : IModelIdSpelling
{
    internal FirstPartyModelIdSpelling()
    {
    }

    // No dots, colons, slashes or @: those belong to Bedrock (`anthropic.`, `us.`, `-v1:0`, ARNs) and Vertex (`@date`).
    [GeneratedRegex(@"^claude-[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <inheritdoc />
    public ModelIdFormatKind Kind => ModelIdFormatKind.FirstParty;

    /// <inheritdoc />
    public string ToWireId(CatalogModel model) => model.Id;

    /// <inheritdoc />
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId)
    {
        firstPartyId = IdPattern().IsMatch(wireId) ? wireId : null;
        return firstPartyId is not null;
    }

    /// <inheritdoc />
    public override string ToString() => "FirstParty";
}
