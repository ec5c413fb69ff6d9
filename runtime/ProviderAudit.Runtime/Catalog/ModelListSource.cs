namespace ProviderAudit.Runtime.Catalog;

/// <summary>Where a backend's model list came from.</summary>
public enum ModelListSource
{
    /// <summary>Just asked: the backend's <c>/v1/models</c>, every page.</summary>
    Live,
    /// <summary>The backend's list from the cache, younger than the time to live.</summary>
    Cached,
    /// <summary>The backend's list from the cache, past its time to live: asking again failed (the reason says why).</summary>
    Stale,
    /// <summary>The static catalog: the backend cannot list its models, or asking failed with nothing cached (the reason says why).</summary>
    Static,
}
