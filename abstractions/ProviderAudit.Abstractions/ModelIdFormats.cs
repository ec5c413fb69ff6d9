namespace ProviderAudit.Runtime;

/// <summary>The model-id formats, one instance each (Claude Platform on AWS uses <see cref="FirstParty"/>).</summary>
public static class ModelIdFormats
{
    /// <summary>Anthropic's own ids (<c>claude-sonnet-4-6</c>, <c>claude-opus-4-5-20251101</c>); also Claude Platform on AWS's.</summary>
    public static IModelIdFormat FirstParty { get; } = new ModelIdFormat(ModelIdFormatKind.FirstParty, isFirstParty: true);

    /// <summary>Bedrock ids: <c>anthropic.claude-opus-4-5-20251101-v1:0</c>, optionally behind an inference-profile prefix.</summary>
    public static IModelIdFormat Bedrock { get; } = new ModelIdFormat(ModelIdFormatKind.Bedrock, isFirstParty: false);

    /// <summary>Vertex ids: <c>claude-sonnet-4-5@20250929</c>.</summary>
    public static IModelIdFormat Vertex { get; } = new ModelIdFormat(ModelIdFormatKind.Vertex, isFirstParty: false);

    /// <summary>Foundry deployment names.</summary>
    public static IModelIdFormat Foundry { get; } = new ModelIdFormat(ModelIdFormatKind.Foundry, isFirstParty: false);
}
