namespace ProviderAudit.Runtime;

/// <summary>The model-id spellings the runtime knows.</summary>
public enum ModelIdFormatKind
{
    /// <summary><c>claude-sonnet-4-6</c>, <c>claude-opus-4-5-20251101</c>: first party and Claude Platform on AWS.</summary>
    FirstParty,
    /// <summary><c>anthropic.claude-…-v1:0</c>, optionally with an inference-profile prefix.</summary>
    Bedrock,
    /// <summary><c>claude-…@date</c>.</summary>
    Vertex,
    /// <summary>A deployment name chosen by the Foundry resource owner.</summary>
    Foundry,
}
