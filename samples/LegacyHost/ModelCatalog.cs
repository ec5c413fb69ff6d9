using ProviderAudit.Runtime;

namespace LegacyHost;

public sealed record CatalogModel(string Alias, string FirstPartyId, string BedrockId, string VertexId, bool FirstPartyOnly);

public static class ModelCatalog
{
    public static IReadOnlyList<CatalogModel> Models { get; } =
    [
        new("sonnet", "claude-sonnet-4-6", "anthropic.claude-sonnet-4-6-v1:0", "claude-sonnet-4-6@20260101", FirstPartyOnly: false),
        new("opus", "claude-opus-4-5-20251101", "anthropic.claude-opus-4-5-20251101-v1:0", "claude-opus-4-5@20251101", FirstPartyOnly: false),
        new("haiku", "claude-haiku-4-5", "anthropic.claude-haiku-4-5-v1:0", "claude-haiku-4-5@20251001", FirstPartyOnly: false),
        new("sonnet-preview", "claude-sonnet-4-7-preview", "", "", FirstPartyOnly: true),
    ];

    public static string DefaultAlias(ApiProvider provider) => provider switch
    {
        ApiProvider.FirstParty => "sonnet",
        ApiProvider.Bedrock or ApiProvider.Vertex => "sonnet",
        _ => "haiku",
    };

    public static string ResolveModelId(ApiProvider provider, string alias)
    {
        var model = Models.FirstOrDefault(m => m.Alias == alias)
            ?? throw new ArgumentException($"Unknown model alias '{alias}'.", nameof(alias));

        if (provider == ApiProvider.FirstParty)
        {
            return model.FirstPartyId;
        }

        return provider switch
        {
            ApiProvider.Bedrock => model.BedrockId,
            ApiProvider.Vertex => model.VertexId,
            _ => model.Alias,
        };
    }

    public static IEnumerable<CatalogModel> Available(ApiProvider provider) =>
        Models.Where(m => !m.FirstPartyOnly || provider == ApiProvider.FirstParty);

    public static bool AcceptsDatedModelIds(ApiProvider provider) =>
        provider is ApiProvider.FirstParty or ApiProvider.Vertex;

    public static bool NeedsInferenceProfilePrefix(ApiProvider provider, string modelId) =>
        provider != ApiProvider.FirstParty && modelId.StartsWith("anthropic.", StringComparison.Ordinal);
}
