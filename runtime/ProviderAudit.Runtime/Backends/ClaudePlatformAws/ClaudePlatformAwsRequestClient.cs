using System.Runtime.CompilerServices;
using Anthropic;
using Anthropic.Aws;
using Anthropic.Exceptions;
using ProviderAudit.Runtime.AwsCredentials;
using ProviderAudit.Runtime.Requests;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// The CPA request path: resolves credentials once (cached until expiry), builds the official
/// <see cref="AnthropicAwsClient"/> for them, and when the gateway rejects SigV4 credentials as
/// expired (401) runs <c>awsAuthRefresh</c> once (shared by concurrent requests), re-resolves and
/// retries the request once.
/// </summary>
internal sealed class ClaudePlatformAwsRequestClient : IRequestClient
{
    private readonly ClaudePlatformAwsAuthResolver _credentials;
    private readonly AwsAuthRefreshCoordinator? _refresh;
    private readonly ClaudePlatformAwsClientSettings? _settings;
    private readonly ConfigurationProblem? _injectedHeadersRefused;
    private readonly object _gate = new();
    private readonly List<AnthropicAwsClient> _retired = [];
    private (ClaudePlatformAwsAuth Auth, AnthropicAwsClient Client)? _current;
    private bool _disposed;

    /// <summary>Creates the request path.</summary>
    /// <param name="endpoint">The validated settings (workspace, region, base URL, auth mode).</param>
    /// <param name="credentials">Resolves the one auth (the AWS chain caches SigV4 credentials).</param>
    /// <param name="refresh">The <c>awsAuthRefresh</c> coordinator, when the setting is configured.</param>
    /// <param name="settings">SDK plumbing.</param>
    public ClaudePlatformAwsRequestClient(
        ClaudePlatformAwsSettings endpoint,
        ClaudePlatformAwsAuthResolver credentials,
        AwsAuthRefreshCoordinator? refresh = null,
        ClaudePlatformAwsClientSettings? settings = null)
    {
        Endpoint = endpoint;
        _credentials = credentials;
        _refresh = refresh;
        _settings = settings;
        _injectedHeadersRefused = ProcessCustomHeaders.SdkRefusal(settings?.InjectedHeaders ?? ProcessCustomHeaders.Current);
        if (refresh is not null)
        {
            refresh.Refreshed += credentials.Invalidate;
        }
    }

    /// <summary>
    /// The request client for these inputs: validated once (<see cref="ClaudePlatformAwsSettings"/>), credentials from the
    /// runtime's one AWS credential chain (or the CPA key), <c>awsAuthRefresh</c> when settings configure it, and the
    /// custom headers CPA requests carry.
    /// </summary>
    /// <exception cref="RequestClientException">The inputs do not validate.</exception>
    public static ClaudePlatformAwsRequestClient Create(ClaudePlatformAwsTransport transport, TransportInputs inputs, RequestClientOptions options)
    {
        if (!ClaudePlatformAwsSettings.TryRead(inputs, out var settings, out var problems))
        {
            throw RequestClientException.For(problems[0], inputs.Environment);
        }

        var env = inputs.Environment;
        var chain = new AwsCredentialChain(env, inputs.Settings, AwsCredentialChainOptions.From(options, inputs.FileExists));
        var refresh = inputs.Settings.AwsAuthRefresh is { } refreshCommand
            ? new AwsAuthRefreshCoordinator(refreshCommand, env, options.ProcessRunner, options.RefreshTimeout, options.OnRefreshOutput, AwsAuthRefreshLock.PathFor(env))
            : null;
        return new ClaudePlatformAwsRequestClient(
            settings,
            new ClaudePlatformAwsAuthResolver(settings, chain),
            refresh,
            new ClaudePlatformAwsClientSettings
            {
                PrimaryHandler = options.PrimaryHandler,
                MaxRetries = options.MaxRetries,
                InjectedHeaders = options.InjectedHeaders,
                OnCapabilityWarning = options.OnCapabilityWarning,
                CustomHeaders = CustomHeaders.From(env).SentBy(transport.SendsCustomHeader),
            });
    }

    /// <summary>Where requests go.</summary>
    public ClaudePlatformAwsSettings Endpoint { get; }

    /// <inheritdoc />
    public AuthTransportKind Transport => AuthTransportKind.ClaudePlatformAws;

    /// <inheritdoc />
    public Uri BaseUri => Endpoint.BaseUri;

    /// <summary>Resolves the one auth (and, through its chain, counts AWS credential resolutions).</summary>
    public ClaudePlatformAwsAuthResolver Credentials => _credentials;

    /// <summary>The refresh coordinator, if configured.</summary>
    public AwsAuthRefreshCoordinator? Refresh => _refresh;

    /// <summary>
    /// Resolves credentials and builds the client (status/preflight). When credentials are missing or
    /// expired and <c>awsAuthRefresh</c> is configured, runs it once and resolves again.
    /// </summary>
    /// <exception cref="AwsCredentialException">No usable credential, also after a refresh.</exception>
    public async Task<ClaudePlatformAwsAuth> PrepareAsync(CancellationToken cancellationToken = default) =>
        (await AcquireAsync(cancellationToken).ConfigureAwait(false)).Auth;

    /// <summary>The official client for the current credentials.</summary>
    /// <exception cref="AwsCredentialException">No usable credential.</exception>
    public async Task<AnthropicAwsClient> GetClientAsync(CancellationToken cancellationToken = default) =>
        (await AcquireAsync(cancellationToken).ConfigureAwait(false)).Client;

    /// <summary>Runs <paramref name="operation"/> with the client, refreshing and retrying once on expired credentials.</summary>
    public async Task<T> SendAsync<T>(Func<AnthropicAwsClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation(lease.Client, cancellationToken).ConfigureAwait(false);
        }
        catch (AnthropicApiException e) when (ShouldRefresh(lease, e))
        {
            await RefreshAfterRejectionAsync(lease, e, cancellationToken).ConfigureAwait(false);
            var retry = await AcquireAsync(cancellationToken).ConfigureAwait(false);
            return await operation(retry.Client, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Streams <paramref name="operation"/>; a rejection for expired credentials before the first item is
    /// refreshed and retried once (after the first item a retry would repeat output).
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(
        Func<AnthropicAwsClient, CancellationToken, IAsyncEnumerable<T>> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        var enumerator = operation(lease.Client, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool hasFirst;
        try
        {
            hasFirst = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (AnthropicApiException e) when (ShouldRefresh(lease, e))
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            await RefreshAfterRejectionAsync(lease, e, cancellationToken).ConfigureAwait(false);
            var retry = await AcquireAsync(cancellationToken).ConfigureAwait(false);
            enumerator = operation(retry.Client, cancellationToken).GetAsyncEnumerator(cancellationToken);
            hasFirst = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }

        try
        {
            if (!hasFirst)
            {
                yield break;
            }

            yield return enumerator.Current;
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    async Task IRequestClient.PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsCredentialException e)
        {
            throw e.ToRequestClientException();
        }
    }

    /// <inheritdoc />
    async Task<T> IRequestClient.SendAsync<T>(Func<IAnthropicClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync((client, ct) => operation(client, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsCredentialException e)
        {
            throw e.ToRequestClientException();
        }
    }

    /// <inheritdoc />
    async IAsyncEnumerable<T> IRequestClient.StreamAsync<T>(
        Func<IAnthropicClient, CancellationToken, IAsyncEnumerable<T>> operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = StreamAsync((client, ct) => operation(client, ct), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (AwsCredentialException e)
                {
                    throw e.ToRequestClientException();
                }

                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>True for a gateway answer that means "your AWS credentials expired or were revoked".</summary>
    public static bool IsExpiredCredentialsAnswer(AnthropicApiException exception) =>
        exception is AnthropicUnauthorizedException
        || (exception is AnthropicForbiddenException
            && (exception.ResponseBody.Contains("ExpiredToken", StringComparison.Ordinal)
                || exception.ResponseBody.Contains("security token included in the request is expired", StringComparison.OrdinalIgnoreCase)));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_refresh is not null)
            {
                _refresh.Refreshed -= _credentials.Invalidate;
            }

            _current?.Client.Dispose();
            _retired.ForEach(c => c.Dispose());
        }
    }

    private bool ShouldRefresh(Lease lease, AnthropicApiException e) =>
        _refresh is not null && lease.Auth.Mode == ClaudePlatformAwsAuthMode.SigV4 && IsExpiredCredentialsAnswer(e);

    private async Task RefreshAfterRejectionAsync(Lease lease, AnthropicApiException rejection, CancellationToken cancellationToken)
    {
        var outcome = await _refresh!.RefreshAsync(lease.Epoch, cancellationToken, lease.ObservedAt).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new AwsCredentialException(AwsCredentialProblem.RefreshFailed, "awsAuthRefresh",
                $"The Claude Platform on AWS gateway rejected the AWS credentials from {lease.Auth.Source} ({(int)rejection.StatusCode}). {outcome.Message}",
                rejection);
        }
    }

    private async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        // The SDK would throw while building every request; say why instead, before anything is resolved or sent.
        if (_injectedHeadersRefused is { } refused)
        {
            throw new RequestClientException(refused.Variable, refused.Message);
        }

        // Read before resolving: a refresh that finishes after this point (here or in another process) makes our failure stale.
        var epoch = _refresh?.Epoch ?? 0;
        var observedAt = _refresh?.Now ?? default;
        ClaudePlatformAwsAuth auth;
        try
        {
            auth = await _credentials.ResolveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsCredentialException e) when (_refresh is not null && e.RefreshMightHelp)
        {
            var outcome = await _refresh.RefreshAsync(epoch, cancellationToken, observedAt).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                throw new AwsCredentialException(AwsCredentialProblem.RefreshFailed, "awsAuthRefresh", e.Message + " " + outcome.Message, e);
            }

            epoch = _refresh.Epoch;
            observedAt = _refresh.Now;
            auth = await _credentials.ResolveAsync(cancellationToken).ConfigureAwait(false);
        }

        // The refresh command may echo the credentials it replaces (e.g. in debug output).
        _refresh?.RedactSecrets(auth.RevealApiKey(), auth.Aws?.SecretAccessKey, auth.Aws?.SessionToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { } current && ReferenceEquals(current.Auth, auth))
            {
                return new Lease(auth, current.Client, epoch, observedAt);
            }

            // Requests may still be running on the old client: keep it until this object is disposed.
            if (_current is { } old)
            {
                _retired.Add(old.Client);
            }

            var client = ClaudePlatformAwsClientFactory.Create(Endpoint, auth, _settings);
            _current = (auth, client);
            return new Lease(auth, client, epoch, observedAt);
        }
    }

    private sealed record Lease(ClaudePlatformAwsAuth Auth, AnthropicAwsClient Client, long Epoch, DateTimeOffset ObservedAt);
}
