using Anthropic.Exceptions;
using ProviderAudit.Runtime.Backends;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Secrets;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>
/// The models each backend offers, asked of the backend where its transport carries <c>/v1/models</c>
/// (<see cref="TransportFeature.ListModels"/>: first party and Claude Platform on AWS, through their official clients'
/// <c>Models.List</c>, every page, signed or keyed like any request), else the static catalog, said so. Lists are cached
/// per backend + base URL + scope (Claude Platform on AWS: workspace and region) for <see cref="LiveModelCatalogOptions.TimeToLive"/>;
/// when asking again fails, a list younger than <see cref="LiveModelCatalogOptions.StaleLimit"/> stands in (marked stale),
/// else the static catalog does, with the reason (secrets scrubbed).
/// </summary>
public sealed class LiveModelCatalog
{
    private readonly ModelListCache _cache;
    private int _listings;

    /// <summary>Creates a catalog with its own cache.</summary>
    public LiveModelCatalog(LiveModelCatalogOptions? options = null)
    {
        Options = options ?? LiveModelCatalogOptions.Default;
        _cache = new ModelListCache(Options.CacheDirectory, Options.MaxEntries);
    }

    /// <summary>How it asks and caches.</summary>
    public LiveModelCatalogOptions Options { get; }

    /// <summary>How many listings this instance started (each one is one or more <c>/v1/models</c> requests).</summary>
    public int Listings => Volatile.Read(ref _listings);

    /// <summary>
    /// Where ProviderHost keeps lists: <c>$XDG_CACHE_HOME/provider-audit/models</c>, else <c>$HOME/.cache/provider-audit/models</c>
    /// (on Windows <c>%LOCALAPPDATA%\provider-audit\models</c>), from <paramref name="environment"/>; null when none is set.
    /// </summary>
    public static string? DefaultCacheDirectory(IReadOnlyDictionary<string, string> environment)
    {
        string? Value(string name) => environment.TryGetValue(name, out var v) && Path.IsPathFullyQualified(v.Trim()) ? v.Trim() : null;
        return Value("XDG_CACHE_HOME") is { } xdg ? Path.Combine(xdg, "provider-audit", "models")
            : Value("HOME") is { } home ? Path.Combine(home, ".cache", "provider-audit", "models")
            : Value("LOCALAPPDATA") is { } local ? Path.Combine(local, "provider-audit", "models")
            : null;
    }

    /// <summary>
    /// The models <paramref name="backend"/> offers for these inputs: a cached list younger than the time to live, else
    /// the backend's list asked now, else a stale list, else the static catalog with the reason. Never throws for a
    /// refusal, an unreachable backend or invalid inputs: those are the reason.
    /// </summary>
    public async Task<BackendModels> GetAsync(RuntimeBackend backend, TransportInputs inputs, RequestClientOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(inputs);
        return await GetAsync(backend, inputs, client: null, requestOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="GetAsync(RuntimeBackend, TransportInputs, RequestClientOptions?, CancellationToken)"/>, listing through
    /// <paramref name="client"/> (built by <see cref="RuntimeBackend.CreateRequestClient"/> for the same backend and inputs)
    /// instead of a client of its own: a host that lists and then sends resolves credentials once, so a
    /// <c>credential_process</c> or <c>awsAuthRefresh</c> runs once. The client's credentials are resolved (prepared)
    /// before the listing's <see cref="LiveModelCatalogOptions.Timeout"/> starts: a sign-in is not cut short by it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="client"/> goes through another transport or to another base URL.</exception>
    public Task<BackendModels> GetAsync(RuntimeBackend backend, TransportInputs inputs, IRequestClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(client);
        if (client.Transport != backend.AuthTransport.Kind)
        {
            throw new ArgumentException($"The request client goes through {client.Transport}, not {backend.DisplayName}'s transport ({backend.AuthTransport.Kind}).", nameof(client));
        }

        return GetAsync(backend, inputs, client, requestOptions: null, cancellationToken);
    }

    private async Task<BackendModels> GetAsync(
        RuntimeBackend backend, TransportInputs inputs, IRequestClient? client, RequestClientOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (Scope(backend, inputs, out var scope, out var key, out var notListed) is false)
        {
            return BackendModels.StaticCatalog(backend, notListed!, scope);
        }

        var now = Options.Clock.GetUtcNow();
        var cached = _cache.TryGet(key!, out var entry) ? entry : null;
        if (cached is not null && now - cached.FetchedAt < Options.TimeToLive && cached.FetchedAt <= now)
        {
            return BackendModels.FromList(backend, scope, ModelListSource.Cached, cached.Models, cached.FetchedAt, null);
        }

        string reason;
        try
        {
            var models = client is not null
                ? await ListAsync(client, cancellationToken).ConfigureAwait(false)
                : await ListAsync(backend, inputs, requestOptions, cancellationToken).ConfigureAwait(false);
            _cache.Put(new CachedModelList(key!, now, models));
            return BackendModels.FromList(backend, scope, ModelListSource.Live, models, now, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            reason = $"listing {backend.DisplayName}'s models took longer than {Options.Timeout.TotalSeconds:0.#} s";
        }
        catch (RequestClientException e)
        {
            reason = e.Message;
        }
        catch (AnthropicApiException e)
        {
            reason = backend.Transport.ExplainRefusal(e, backend, inputs);
        }
        catch (AnthropicIOException e)
        {
            reason = $"could not reach {backend.DisplayName} to list its models: {e.Message}";
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or HttpRequestException or AnthropicException or IOException)
        {
            // InvalidOperationException: the CPA wire guard refused to send a request without exactly one auth.
            reason = $"listing {backend.DisplayName}'s models failed: {e.Message}";
        }

        reason = SecretScrubber.Scrub(reason, inputs.Environment);
        return cached is not null && now - cached.FetchedAt < Options.StaleLimit
            ? BackendModels.FromList(backend, scope, ModelListSource.Stale, cached.Models, cached.FetchedAt, reason)
            : BackendModels.StaticCatalog(backend, $"{reason} (static catalog used)", scope);
    }

    /// <summary>
    /// What is known without asking: the cached list (fresh or stale, marked so), or the static catalog when the
    /// backend cannot list; null when it can but nothing is cached yet (status and pin checks then check the format only).
    /// </summary>
    public BackendModels? Known(RuntimeBackend backend, TransportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(inputs);
        if (Scope(backend, inputs, out var scope, out var key, out var notListed) is false)
        {
            return BackendModels.StaticCatalog(backend, notListed!, scope);
        }

        if (!_cache.TryGet(key!, out var cached))
        {
            return null;
        }

        var age = Options.Clock.GetUtcNow() - cached.FetchedAt;
        return age < Options.TimeToLive ? BackendModels.FromList(backend, scope, ModelListSource.Cached, cached.Models, cached.FetchedAt, null)
            : age < Options.StaleLimit ? BackendModels.FromList(backend, scope, ModelListSource.Stale, cached.Models, cached.FetchedAt, "not asked again since (no request sent for status)")
            : null;
    }

    // False with the reason when the backend's list cannot be asked for (no /v1/models, invalid inputs).
    private static bool Scope(RuntimeBackend backend, TransportInputs inputs, out string? scope, out string? key, out string? notListed)
    {
        scope = null;
        key = null;
        if (!backend.AuthTransport.Supports(TransportFeature.ListModels))
        {
            notListed = $"{backend.DisplayName} offers no model list through its SDK (its transport does not carry /v1/models)";
            return false;
        }

        var validation = backend.Validate(inputs);
        if (!validation.InputsValid)
        {
            notListed = SecretScrubber.Scrub($"{backend.DisplayName}'s inputs are not valid, so its models were not asked for: {validation.Problems[0].Message}", inputs.Environment);
            return false;
        }

        scope = backend.Transport.ModelListScope(inputs);
        key = $"{backend.Id}\n{validation.BaseUri}\n{scope}";
        notListed = null;
        return true;
    }

    private async Task<IReadOnlyList<(string Id, string DisplayName)>> ListAsync(
        RuntimeBackend backend, TransportInputs inputs, RequestClientOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var client = backend.CreateRequestClient(inputs, requestOptions);
        return await ListAsync(client, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<(string Id, string DisplayName)>> ListAsync(IRequestClient client, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listings);
        // Credentials first, outside the listing's deadline: awsAuthRefresh may wait for a person to sign in, and a
        // sign-in cut short here would be asked for again by the request that follows.
        await client.PrepareAsync(cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.Timeout);
        return await client.SendAsync((c, ct) => ModelLister.ListAsync(c, Options.PageSize, Options.MaxPages, ct), deadline.Token).ConfigureAwait(false);
    }
}
