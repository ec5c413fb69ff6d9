using Anthropic.Aws;
using Anthropic.Core;
using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// Builds the official <see cref="AnthropicAwsClient"/> (Anthropic.Aws) for one endpoint and one resolved
/// credential, with every option explicit so the client reads nothing from the process environment per
/// request: workspace id, region and base URL from the validated <see cref="ClaudePlatformAwsSettings"/>; the CPA key or
/// the resolved AWS access key/secret/session token (never <c>AwsProfile</c>, which would make the client
/// re-read the profile files, and call SSO, on every request attempt).
/// </summary>
/// <remarks>
/// In SigV4 mode the client is built with <c>SkipAuth</c> and <see cref="ClaudePlatformAwsSigningHandler"/> signs
/// inside its <c>HttpClient</c> with AWSSDK.Core's signer: the official client's own signing handler costs more
/// than the rest of the request path together (docs/performance.md). The handler chain of a request is
/// <see cref="ClaudePlatformAwsSingleAuthHandler"/> (one auth, the workspace) → the client's own adaptation handler
/// → signing (SigV4 only) → <see cref="ClaudePlatformAwsWireGuardHandler"/> → the primary handler.
/// </remarks>
internal static class ClaudePlatformAwsClientFactory
{
    /// <summary>Creates a client; dispose it to release its <see cref="HttpClient"/>.</summary>
    public static AnthropicAwsClient Create(ClaudePlatformAwsSettings endpoint, ClaudePlatformAwsAuth auth, ClaudePlatformAwsClientSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(auth);
        settings ??= new ClaudePlatformAwsClientSettings();
        var primary = settings.PrimaryHandler?.Invoke() ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All };
        HttpMessageHandler wire = new ClaudePlatformAwsWireGuardHandler(auth.Mode, endpoint.WorkspaceId, primary);
        if (auth.Aws is { } aws)
        {
            wire = new ClaudePlatformAwsSigningHandler(aws, endpoint.Region, wire);
        }

        var http = new HttpClient(wire, disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        var clientOptions = new ClientOptions
        {
            HttpClient = http,
            Handlers =
            [
                new ClaudePlatformAwsSingleAuthHandler(endpoint.WorkspaceId, auth.RevealApiKey(), settings.InjectedHeaders ?? ProcessCustomHeaders.Current, settings.CustomHeaders),
                CapabilityGate.For(RuntimeBackends.ClaudePlatformAws, settings.OnCapabilityWarning),
            ],
            MaxRetries = settings.MaxRetries,
            Timeout = settings.Timeout,
        };
        return new AnthropicAwsClient(new AwsClientOptions
        {
            WorkspaceId = endpoint.WorkspaceId,
            AwsRegion = endpoint.Region,
            BaseUrl = endpoint.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'),
            // The client itself adds no auth in any mode: SigV4 is signed by our handler above, and the key goes out as
            // x-api-key from ClaudePlatformAwsSingleAuthHandler. Given the key, the SDK would add it as
            // "Authorization: Bearer" while building the request, before any handler, and an Authorization header from
            // this process's ANTHROPIC_CUSTOM_HEADERS would make that throw.
            SkipAuth = true,
            ClientOptions = clientOptions,
        });
    }
}
