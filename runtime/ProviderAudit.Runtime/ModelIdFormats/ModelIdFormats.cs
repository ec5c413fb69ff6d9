namespace ProviderAudit.Runtime;

/// <summary>The model-id formats, one instance each.</summary>
public static class ModelIdFormats
{
    /// <summary>Anthropic's own ids; also used by Claude Platform on AWS.</summary>
    public static IModelIdFormat FirstParty { get; } = new FirstPartyModelIdFormat();

    /// <summary>Bedrock ids without an inference-profile prefix (see <see cref="BedrockModelIdFormat.WithInferenceProfile"/>).</summary>
    public static IModelIdFormat Bedrock { get; } = new BedrockModelIdFormat(null);

    /// <summary>Vertex ids.</summary>
    public static IModelIdFormat Vertex { get; } = new VertexModelIdFormat();

    /// <summary>Foundry deployment names.</summary>
    public static IModelIdFormat Foundry { get; } = new FoundryModelIdFormat();
}
