using System.Text.RegularExpressions;
using ProviderAudit.Runtime.Backends;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>
/// The models one backend offers in one scope (workspace, region, base URL): its own list when it can give one
/// (<see cref="LiveModelCatalog"/>), else the static catalog, said so in <see cref="Reason"/>. The backend's list wins:
/// a model it does not list is unavailable here, whatever the static catalog says.
/// </summary>
public sealed partial class BackendModels
{
    internal BackendModels(RuntimeBackend backend, string? scope, ModelListSource source, IReadOnlyList<OfferedModel> models, DateTimeOffset? fetchedAt, string? reason)
    {
        Backend = backend;
        Scope = scope;
        Source = source;
        Models = models;
        FetchedAt = fetchedAt;
        Reason = reason;
    }

    /// <summary>The backend.</summary>
    public RuntimeBackend Backend { get; }

    /// <summary>What besides the backend decides the list, in words (e.g. "workspace wrkspc_…, region us-east-1"), or null.</summary>
    public string? Scope { get; }

    /// <summary>Where the list came from.</summary>
    public ModelListSource Source { get; }

    /// <summary>True when the list is the backend's own (live, cached or stale), false for the static catalog.</summary>
    public bool IsBackendList => Source is not ModelListSource.Static;

    /// <summary>The models, in the backend's order (newest first for <c>/v1/models</c>).</summary>
    public IReadOnlyList<OfferedModel> Models { get; }

    /// <summary>When the backend's list was fetched (null for the static catalog).</summary>
    public DateTimeOffset? FetchedAt { get; }

    /// <summary>Why the list is static or stale (secrets scrubbed), or null for a live or cached list.</summary>
    public string? Reason { get; }

    /// <summary>Whether requests through this backend may name <paramref name="model"/>.</summary>
    public bool IsAvailable(CatalogModel model) => Availability(model.Id).Available;

    /// <summary>Whether requests may name <paramref name="idOrAlias"/> (a catalog id or alias, or a wire id), the id to send, and why.</summary>
    public ModelAvailability Availability(string idOrAlias)
    {
        var known = ModelCatalog.Default.Find(idOrAlias)
            ?? (Backend.TryParseWireId(idOrAlias, out var firstPartyId) ? ModelCatalog.Default.Find(firstPartyId) : null);
        var inFormat = known is not null || Backend.TryParseWireId(idOrAlias, out _);
        if (!inFormat)
        {
            return new(idOrAlias, false, null,
                $"{idOrAlias} is neither a catalog model nor a {Backend.DisplayName} model id ({Backend.ModelIdFormat.Kind} format); available: {Listing()}.");
        }

        if (!IsBackendList)
        {
            return known is not null && ModelCatalog.IsAvailable(known, Backend)
                ? new(idOrAlias, true, Backend.ToWireId(known), $"in the static catalog ({Reason})")
                : new(idOrAlias, true, idOrAlias, $"a {Backend.ModelIdFormat.Kind} model id, not checked against a model list ({Reason})");
        }

        string[] candidates = known is null ? [idOrAlias] : [idOrAlias, Backend.ToWireId(known), known.Id, known.Name];
        var match = Models.FirstOrDefault(m => candidates.Contains(m.Id, StringComparer.Ordinal))
            // An undated alias names the dated model the backend lists (claude-opus-4-5 → claude-opus-4-5-20251101).
            ?? Models.FirstOrDefault(m => m.Id.StartsWith(idOrAlias + "-", StringComparison.Ordinal) && DateSuffix().IsMatch(m.Id[(idOrAlias.Length + 1)..]));
        return match is not null
            ? new(idOrAlias, true, match.Id, $"listed by {Backend.DisplayName}{ScopeWords()}")
            : new(idOrAlias, false, null, $"{idOrAlias} is not offered by {Backend.DisplayName}{ScopeWords()}{(Source is ModelListSource.Stale ? " (last list, stale)" : "")}; available: {Listing()}.");
    }

    /// <summary>The ids available, comma-separated (for messages).</summary>
    public string Listing() => Models.Count == 0 ? "none" : string.Join(", ", Models.Select(m => m.Id));

    /// <summary>One line saying where the list came from, e.g. "live from /v1/models" or "static catalog: …".</summary>
    public string Describe() => Source switch
    {
        ModelListSource.Live => $"live from {Backend.DisplayName}'s /v1/models{ScopeWords()}",
        ModelListSource.Cached => $"cached from {Backend.DisplayName}'s /v1/models{ScopeWords()}, fetched {FetchedAt:u}",
        ModelListSource.Stale => $"stale list from {Backend.DisplayName}'s /v1/models{ScopeWords()}, fetched {FetchedAt:u}: {Reason}",
        _ => $"static catalog: {Reason}",
    };

    /// <summary>The static catalog for <paramref name="backend"/>, with the reason it is used.</summary>
    public static BackendModels StaticCatalog(RuntimeBackend backend, string reason, string? scope = null) =>
        new(backend, scope, ModelListSource.Static,
            ModelCatalog.Default.Models.Where(m => ModelCatalog.IsAvailable(m, backend)).Select(m => new OfferedModel(backend.ToWireId(m), m.DisplayName, m)).ToArray(),
            null, reason);

    /// <summary>A list the backend gave, each model matched to the static catalog where it knows it.</summary>
    internal static BackendModels FromList(RuntimeBackend backend, string? scope, ModelListSource source, IReadOnlyList<(string Id, string DisplayName)> models, DateTimeOffset fetchedAt, string? reason) =>
        new(backend, scope, source,
            models.Select(m => new OfferedModel(m.Id, m.DisplayName,
                ModelCatalog.Default.Find(m.Id) ?? (backend.TryParseWireId(m.Id, out var id) ? ModelCatalog.Default.Find(id) : null))).ToArray(),
            fetchedAt, reason);

    private string ScopeWords() => Scope is null ? "" : $" ({Scope})";

    [GeneratedRegex(@"^[0-9]{8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateSuffix();
}
