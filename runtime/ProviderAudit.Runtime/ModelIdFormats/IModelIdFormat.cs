using System.Diagnostics.CodeAnalysis;

namespace ProviderAudit.Runtime;

/// <summary>How a backend spells model ids on the wire.</summary>
public interface IModelIdFormat
{
    /// <summary>Which spelling this is.</summary>
    ModelIdFormatKind Kind { get; }

    /// <summary>True when model ids are Anthropic's own (e.g. <c>claude-sonnet-4-6</c>).</summary>
    bool IsFirstParty { get; }

    /// <summary>The id to send for a catalog model, e.g. <c>anthropic.claude-opus-4-5-20251101-v1:0</c> for Bedrock.</summary>
    string ToWireId(CatalogModel model);

    /// <summary>
    /// Parses a wire id in this format back to the first-party id it names (dated when the wire id carries a date),
    /// e.g. <c>claude-sonnet-4-5@20250929</c> → <c>claude-sonnet-4-5-20250929</c>. False for ids of other formats.
    /// </summary>
    bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId);
}
