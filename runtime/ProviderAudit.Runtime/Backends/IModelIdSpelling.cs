using System.Diagnostics.CodeAnalysis;
using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Backends;

/// <summary>
/// How the runtime writes a catalog model as a backend's wire id and reads one back, beyond the capability question a
/// library asks (<see cref="IModelIdFormat"/>, in the dependency-free ProviderAudit package). One implementation per
/// format; public callers reach it through <see cref="RuntimeBackend"/> and <see cref="ModelCatalog"/>.
/// </summary>
internal interface IModelIdSpelling
{
    /// <summary>The format this spells; equal to the backend's <see cref="IModelIdFormat.Kind"/>.</summary>
    ModelIdFormatKind Kind { get; }

    /// <summary>The id to send for a catalog model, e.g. <c>anthropic.claude-opus-4-5-20251101-v1:0</c> for Bedrock.</summary>
    string ToWireId(CatalogModel model);

    /// <summary>
    /// Parses a wire id in this format back to the first-party id it names (dated when the wire id carries a date),
    /// e.g. <c>claude-sonnet-4-5@20250929</c> → <c>claude-sonnet-4-5-20250929</c>. False for ids of other formats.
    /// </summary>
    bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId);
}
