using Anthropic;
using ProviderAudit.Runtime.Backends;

namespace ProviderAudit.Runtime.Requests;

/// <summary>
/// Sends requests for one backend through its official SDK client (built by
/// <see cref="RuntimeBackend.CreateRequestClient"/>). Code using it never sees credentials.
/// </summary>
public interface IRequestClient : IDisposable
{
    /// <summary>The transport the requests go through.</summary>
    AuthTransportKind Transport { get; }

    /// <summary>Where requests go.</summary>
    Uri BaseUri { get; }

    /// <summary>
    /// Resolves credentials and builds the client without sending anything (status/preflight); may run the
    /// host's <c>awsAuthRefresh</c> command once when AWS credentials are missing or expired.
    /// </summary>
    /// <exception cref="RequestClientException">No usable credential; the message names the setting and the fix.</exception>
    Task PrepareAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="operation"/> with the official client.</summary>
    Task<T> SendAsync<T>(Func<IAnthropicClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default);

    /// <summary>Streams <paramref name="operation"/> with the official client.</summary>
    IAsyncEnumerable<T> StreamAsync<T>(Func<IAnthropicClient, CancellationToken, IAsyncEnumerable<T>> operation, CancellationToken cancellationToken = default);
}
