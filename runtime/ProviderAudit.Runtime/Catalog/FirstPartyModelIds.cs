using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>
/// The shape of a first-party model id (<c>claude-sonnet-4-6</c>, <c>claude-opus-4-5-20251101</c>), the form the catalog
/// keeps every model in: <c>claude-</c>, then lowercase letters and digits in hyphen-separated parts.
/// </summary>
internal static partial class FirstPartyModelIds
{
    // No dots, colons, slashes or @: those belong to Bedrock (`anthropic.`, `us.`, `-v1:0`, ARNs) and Vertex (`@date`).
    [GeneratedRegex(@"^claude-[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>True when <paramref name="id"/> is the whole of a first-party id.</summary>
    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);
}
