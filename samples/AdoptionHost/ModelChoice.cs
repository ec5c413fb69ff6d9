namespace AdoptionHost;

/// <summary>Which model id to send: written when only Anthropic's API used claude-… ids.</summary>
public static class ModelChoice
{
    public static string DefaultModelId(Backend backend)
    {
        if (backend == Backend.Anthropic)
        {
            return "claude-sonnet-4-6";
        }

        return backend switch
        {
            Backend.Bedrock => "anthropic.claude-sonnet-4-6-v1:0",
            Backend.Vertex => "claude-sonnet-4-6@20260101",
            _ => "sonnet-deployment",
        };
    }

    public static bool OffersPreviewModels(Backend backend) => backend is Backend.Anthropic;

    public static string ModelAlias(Backend backend, string modelId) =>
        backend != Backend.Anthropic ? modelId : modelId.Replace("claude-", string.Empty, StringComparison.Ordinal);
}
