using System.Runtime.CompilerServices;
using Anthropic;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Requests;

/// <summary>
/// A request client around one official SDK client. <paramref name="prepare"/> resolves its credentials (Bedrock SigV4:
/// the AWS chain, cached) before the first request and each one after, so a credential failure is a
/// <see cref="RequestClientException"/> naming its fix rather than an error from inside the SDK's pipeline. Headers the
/// SDK copies from this process's <c>ANTHROPIC_CUSTOM_HEADERS</c> (<paramref name="injected"/>, null: this process's)
/// that .NET would refuse are such a failure too, instead of an exception from every request.
/// </summary>
internal sealed class SdkRequestClient(
    AuthTransportKind transport, Uri baseUri, AnthropicClient client, Func<CancellationToken, Task>? prepare = null,
    IReadOnlyList<KeyValuePair<string, string>>? injected = null) : IRequestClient
{
    private readonly ConfigurationProblem? _injectedHeadersRefused = ProcessCustomHeaders.SdkRefusal(injected ?? ProcessCustomHeaders.Current);

    public AuthTransportKind Transport { get; } = transport;

    public Uri BaseUri { get; } = baseUri;

    /// <summary>The official client (tests check its type).</summary>
    public AnthropicClient Client { get; } = client;

    public Task PrepareAsync(CancellationToken cancellationToken = default) =>
        _injectedHeadersRefused is { } refused
            ? Task.FromException(new RequestClientException(refused.Variable, refused.Message))
            : prepare?.Invoke(cancellationToken) ?? Task.CompletedTask;

    public async Task<T> SendAsync<T>(Func<IAnthropicClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        return await operation(Client, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<T> StreamAsync<T>(
        Func<IAnthropicClient, CancellationToken, IAsyncEnumerable<T>> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in operation(Client, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public void Dispose() => Client.Dispose();
}
