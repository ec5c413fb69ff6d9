namespace ProviderAudit.Runtime;

/// <summary>
/// Sends a first-party API key as <c>x-api-key</c>. Anthropic 13.13 sends <c>ClientOptions.ApiKey</c> as
/// <c>Authorization: Bearer</c>; Anthropic's API documents API keys in <c>x-api-key</c> and reserves Bearer for
/// OAuth/auth tokens, so the API-key path is adapted here and the token path left to the SDK.
/// </summary>
internal sealed class FirstPartyApiKeyHandler(string apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        request.Headers.Remove("x-api-key");
        request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
