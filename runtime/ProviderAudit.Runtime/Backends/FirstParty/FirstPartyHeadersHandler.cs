using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.Backends.FirstParty;

/// <summary>
/// The headers of a first-party request, set in one place before it is sent: the credential (an API key as
/// <c>x-api-key</c>, an auth/OAuth token as <c>Authorization: Bearer</c>) and the <c>ANTHROPIC_CUSTOM_HEADERS</c>
/// judged from the effective environment (<see cref="CustomHeaders"/>), instead of the ones the SDK copied from this
/// process's environment.
/// </summary>
/// <remarks>
/// The client is built with neither <c>ApiKey</c> nor <c>AuthToken</c>: Anthropic 13.13 would send an API key as
/// <c>Authorization: Bearer</c> (Anthropic's API documents keys in <c>x-api-key</c> and reserves Bearer for tokens), and
/// it adds its auth header while building the request, before any handler, so an <c>Authorization</c> line in this
/// process's <c>ANTHROPIC_CUSTOM_HEADERS</c> would make that throw.
/// </remarks>
internal sealed class FirstPartyHeadersHandler(
    string? apiKey,
    string? authToken,
    IReadOnlyList<CustomHeader> customHeaders,
    IReadOnlyList<KeyValuePair<string, string>> injectedHeaders) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, _) in injectedHeaders)
        {
            request.Headers.Remove(name);
        }

        request.Headers.Remove("Authorization");
        request.Headers.Remove("x-api-key");
        foreach (var header in customHeaders)
        {
            request.Headers.Remove(header.Name);
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        // The credential last, so a custom header of the same name (a problem status names) can never replace it.
        if (apiKey is not null)
        {
            request.Headers.Remove("x-api-key");
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }
        else if (authToken is not null)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + authToken);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
