using System.Runtime.CompilerServices;
using Anthropic;

namespace ProviderAudit.Runtime;

/// <summary>A request client around one official SDK client whose credentials are fixed at construction.</summary>
internal sealed class SdkRequestClient(AuthTransportKind transport, Uri baseUri, AnthropicClient client) : IRequestClient
{
    public AuthTransportKind Transport { get; } = transport;

    public Uri BaseUri { get; } = baseUri;

    /// <summary>The official client (tests check its type).</summary>
    public AnthropicClient Client { get; } = client;

    public Task PrepareAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<T> SendAsync<T>(Func<IAnthropicClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default) =>
        operation(Client, cancellationToken);

    public async IAsyncEnumerable<T> StreamAsync<T>(
        Func<IAnthropicClient, CancellationToken, IAsyncEnumerable<T>> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in operation(Client, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public void Dispose() => Client.Dispose();
}
