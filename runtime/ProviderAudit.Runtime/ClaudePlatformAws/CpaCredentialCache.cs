namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Resolves CPA credentials once and keeps them until five minutes before they expire (or until
/// <see cref="Invalidate"/>), so requests never re-read files, re-run commands or call SSO per attempt.
/// Concurrent callers share one resolution.
/// </summary>
public sealed class CpaCredentialCache
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    private readonly CpaCredentialResolver _resolver;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CpaResolvedAuth? _cached;
    private int _resolutions;

    /// <summary>Creates a cache over <paramref name="resolver"/>.</summary>
    public CpaCredentialCache(CpaCredentialResolver resolver, TimeProvider? clock = null)
    {
        _resolver = resolver;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How many times credentials were resolved.</summary>
    public int Resolutions => Volatile.Read(ref _resolutions);

    /// <summary>The credential, from the cache while it is fresh.</summary>
    /// <exception cref="CpaCredentialException">Resolution failed.</exception>
    public async Task<CpaResolvedAuth> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && IsFresh(cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && IsFresh(again))
            {
                return again;
            }

            Interlocked.Increment(ref _resolutions);
            var resolved = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
            _cached = resolved;
            return resolved;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached credential (and cached export output) so the next request resolves again.</summary>
    public void Invalidate()
    {
        _cached = null;
        _resolver.CredentialExport?.Invalidate();
    }

    private bool IsFresh(CpaResolvedAuth auth) => auth.Expiration is not { } expiration || expiration - ExpiryMargin > _clock.GetUtcNow();
}
