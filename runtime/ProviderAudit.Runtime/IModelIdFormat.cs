namespace ProviderAudit.Runtime;

/// <summary>How a backend spells model ids on the wire.</summary>
public interface IModelIdFormat
{
    /// <summary>Which spelling this is.</summary>
    ModelIdFormatKind Kind { get; }

    /// <summary>True when model ids are Anthropic's own (e.g. <c>claude-sonnet-4-6</c>).</summary>
    bool IsFirstParty { get; }
}
