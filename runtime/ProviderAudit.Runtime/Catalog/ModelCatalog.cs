using ProviderAudit.Runtime.Backends;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>
/// Models in first-party id form. Wire ids, availability and beta/tool support per backend come from the backend's
/// capabilities (<see cref="IModelIdFormat"/>, <see cref="IAuthTransport"/>), never from which backend it is.
/// </summary>
public sealed class ModelCatalog
{
    private const string Context1M = "context-1m-2025-08-07";
    private const string InterleavedThinking = "interleaved-thinking-2025-05-14";
    private const string FastMode = "fast-mode-2026-02-01";

    /// <summary>Creates a catalog.</summary>
    public ModelCatalog(IEnumerable<CatalogModel> models)
    {
        Models = models.ToArray();
    }

    /// <summary>
    /// The static catalog: only the fallback when a backend's own list cannot be had (<see cref="LiveModelCatalog"/>), and
    /// where betas and tool support per model are kept. Kept current with the ids a current Claude Code sends
    /// (2.1.331 sends <c>claude-opus-5-5</c>, observed; see docs/runtime.md "Model catalog").
    /// </summary>
    public static ModelCatalog Default { get; } = new(
    [
        new CatalogModel("claude-opus-4-5", "20251101", "opus", "Claude Opus 4.5",
            [new(InterleavedThinking, TransportFeature.Messages), new(FastMode, TransportFeature.FastMode)]),
        // After opus 4.5, which stays first: `status --probe` and id examples use the first model.
        new CatalogModel("claude-opus-5-5", null, "opus", "Claude Opus 5.5",
            [new(InterleavedThinking, TransportFeature.Messages), new(FastMode, TransportFeature.FastMode)]),
        new CatalogModel("claude-sonnet-4-6", null, "sonnet", "Claude Sonnet 4.6",
            [new(InterleavedThinking, TransportFeature.Messages), new(Context1M, TransportFeature.AnthropicApiBetas)]),
        new CatalogModel("claude-sonnet-4-5", "20250929", "sonnet", "Claude Sonnet 4.5",
            [new(InterleavedThinking, TransportFeature.Messages), new(Context1M, TransportFeature.Messages)]),
        new CatalogModel("claude-haiku-4-5", "20251001", "haiku", "Claude Haiku 4.5",
            [new(InterleavedThinking, TransportFeature.Messages)]),
    ]);

    /// <summary>Every model.</summary>
    public IReadOnlyList<CatalogModel> Models { get; }

    /// <summary>The model with this first-party id or alias, or null.</summary>
    public CatalogModel? Find(string idOrAlias) =>
        Models.FirstOrDefault(m => string.Equals(m.Id, idOrAlias, StringComparison.Ordinal))
        ?? Models.FirstOrDefault(m => m.Aliases.Contains(idOrAlias, StringComparer.Ordinal));

    /// <summary>The id to send to <paramref name="backend"/> for <paramref name="model"/>.</summary>
    public static string WireId(CatalogModel model, RuntimeBackend backend) => backend.ToWireId(model);

    /// <summary>The catalog model a wire id of <paramref name="backend"/>'s format names, or null (other format, unknown model).</summary>
    public CatalogModel? FromWireId(string wireId, RuntimeBackend backend) =>
        backend.TryParseWireId(wireId, out var firstPartyId) ? Find(firstPartyId) : null;

    /// <summary>
    /// Whether requests to <paramref name="backend"/> can name <paramref name="model"/> at all (its transport carries
    /// Messages and its format spells the id). Whether this workspace or region offers it is
    /// <see cref="BackendModels.IsAvailable"/>'s answer, from the backend's own list.
    /// </summary>
    public static bool IsAvailable(CatalogModel model, RuntimeBackend backend) =>
        backend.AuthTransport.Supports(TransportFeature.Messages) && backend.TryParseWireId(backend.ToWireId(model), out _);

    /// <summary>Whether <paramref name="model"/> can use tools through <paramref name="backend"/>.</summary>
    public static bool SupportsTools(CatalogModel model, RuntimeBackend backend) =>
        model.SupportsTools && backend.AuthTransport.Supports(TransportFeature.ToolUse);

    /// <summary>Whether the beta <paramref name="betaName"/> works for <paramref name="model"/> through <paramref name="backend"/>.</summary>
    public static bool SupportsBeta(CatalogModel model, string betaName, RuntimeBackend backend) =>
        model.Betas.FirstOrDefault(b => string.Equals(b.Name, betaName, StringComparison.Ordinal)) is { } beta
        && backend.AuthTransport.Supports(beta.RequiredFeature);
}
