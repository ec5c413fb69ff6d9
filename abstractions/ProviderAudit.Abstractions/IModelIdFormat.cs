namespace ProviderAudit.Runtime;

/// <summary>
/// How a backend spells model ids: the question to ask when a check is about model ids (<c>claude-sonnet-4-6</c> versus
/// <c>anthropic.claude-…-v1:0</c> or <c>claude-…@date</c>). Claude Platform on AWS answers it like first party.
/// Turning a catalog model into a wire id, and parsing one back, is the runtime's job (<c>RuntimeBackend.ToWireId</c>,
/// <c>RuntimeBackend.TryParseWireId</c> in the ProviderAudit.Runtime package).
/// </summary>
public interface IModelIdFormat
{
    /// <summary>Which spelling this is.</summary>
    ModelIdFormatKind Kind { get; }

    /// <summary>True when model ids are Anthropic's own (e.g. <c>claude-sonnet-4-6</c>).</summary>
    bool IsFirstParty { get; }
}
