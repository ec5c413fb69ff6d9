namespace ProviderAudit.Runtime;

/// <summary>The model-id formats, one instance each.</summary>
public static class ModelIdFormats
{
    /// <summary>Anthropic's own ids; also used by Claude Platform on AWS.</summary>
    public static IModelIdFormat FirstParty { get; } = new SimpleModelIdFormat(ModelIdFormatKind.FirstParty);

    /// <summary>Bedrock ids.</summary>
    public static IModelIdFormat Bedrock { get; } = new SimpleModelIdFormat(ModelIdFormatKind.Bedrock);

    /// <summary>Vertex ids.</summary>
    public static IModelIdFormat Vertex { get; } = new SimpleModelIdFormat(ModelIdFormatKind.Vertex);

    /// <summary>Foundry deployment names.</summary>
    public static IModelIdFormat Foundry { get; } = new SimpleModelIdFormat(ModelIdFormatKind.Foundry);

    private sealed class SimpleModelIdFormat(ModelIdFormatKind kind) : IModelIdFormat
    {
        public ModelIdFormatKind Kind { get; } = kind;

        public bool IsFirstParty => Kind == ModelIdFormatKind.FirstParty;

        public override string ToString() => Kind.ToString();
    }
}
