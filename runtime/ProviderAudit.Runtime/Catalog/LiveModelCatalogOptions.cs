namespace ProviderAudit.Runtime.Catalog;

/// <summary>How <see cref="LiveModelCatalog"/> asks backends for their models and keeps the answers.</summary>
public sealed record LiveModelCatalogOptions
{
    /// <summary>Memory only, the defaults otherwise.</summary>
    public static LiveModelCatalogOptions Default { get; } = new();

    /// <summary>
    /// Where lists are kept between processes (one small JSON file per backend + base URL + scope, named by a hash of
    /// them; at most <see cref="MaxEntries"/> files), or null to keep them in memory only. ProviderHost uses
    /// <see cref="LiveModelCatalog.DefaultCacheDirectory"/>.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How long a list is used without asking again. Default 15 minutes.</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How old a list may be and still stand in when asking again fails (then marked stale). Default 7 days.</summary>
    public TimeSpan StaleLimit { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Models per page asked of <c>/v1/models</c> (null: the API's default, 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>The most pages followed; a list with more is treated as a failed listing. Default 50.</summary>
    public int MaxPages { get; init; } = 50;

    /// <summary>How long one listing (every page) may take. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most lists kept (in memory and on disk). Default 32.</summary>
    public int MaxEntries { get; init; } = 32;

    /// <summary>The clock ages are measured with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
