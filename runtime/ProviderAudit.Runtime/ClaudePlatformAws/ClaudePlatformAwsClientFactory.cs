using Anthropic.Aws;
using Anthropic.Core;

namespace ProviderAudit.Runtime.Aws;

/// <summary>
/// Builds the official <see cref="AnthropicAwsClient"/> (Anthropic.Aws) for one endpoint and one resolved
/// credential, with every option explicit so the client reads nothing from the process environment per
/// request: workspace id, region and base URL from the validated <see cref="ClaudePlatformAwsSettings"/>; the CPA key or
/// the resolved AWS access key/secret/session token (never <c>AwsProfile</c>, which would make the client
/// re-read the profile files, and call SSO, on every request attempt).
/// </summary>
internal static class ClaudePlatformAwsClientFactory
{
    /// <summary>Creates a client; dispose it to release its <see cref="HttpClient"/>.</summary>
    public static AnthropicAwsClient Create(ClaudePlatformAwsSettings endpoint, ClaudePlatformAwsAuth auth, ClaudePlatformAwsClientSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(auth);
        settings ??= new ClaudePlatformAwsClientSettings();
        var primary = settings.PrimaryHandler?.Invoke() ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All };
        var http = new HttpClient(new ClaudePlatformAwsWireGuardHandler(auth.Mode, endpoint.WorkspaceId, primary), disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        var clientOptions = new ClientOptions
        {
            HttpClient = http,
            Handlers = [new ClaudePlatformAwsSingleAuthHandler(endpoint.WorkspaceId, auth.RevealApiKey(), settings.InjectedHeaders ?? ProcessCustomHeaders.Current)],
            MaxRetries = settings.MaxRetries,
            Timeout = settings.Timeout,
        };
        return new AnthropicAwsClient(new AwsClientOptions
        {
            WorkspaceId = endpoint.WorkspaceId,
            AwsRegion = endpoint.Region,
            BaseUrl = endpoint.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'),
            SkipAuth = auth.Mode == ClaudePlatformAwsAuthMode.SkipAuth,
            ApiKey = auth.RevealApiKey(),
            AwsAccessKey = auth.Aws?.AccessKeyId,
            AwsSecretAccessKey = auth.Aws?.SecretAccessKey,
            AwsSessionToken = auth.Aws?.SessionToken,
            ClientOptions = clientOptions,
        });
    }
}
