using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// Makes every CPA request carry exactly one auth and the right workspace, before the official client signs it.
/// </summary>
/// <remarks>
/// Placed in <c>ClientOptions.Handlers</c>: Anthropic 13.13 chains those outside the <c>AnthropicAwsClient</c>'s
/// signing handler (measured: they see the request without <c>x-amz-date</c>/<c>Authorization</c>), so whatever
/// this handler leaves is what gets signed. It
/// <list type="bullet">
/// <item>removes every header the SDK added from the process's <c>ANTHROPIC_CUSTOM_HEADERS</c> (a first-party
/// <c>Authorization</c> or <c>x-api-key</c> there would otherwise be sent, and signed, to the CPA gateway);</item>
/// <item>removes any <c>Authorization</c>, <c>x-api-key</c> and <c>x-amz-*</c> header that is already there;</item>
/// <item>adds the custom headers judged sendable on CPA (<see cref="CustomHeaders.SentBy"/>: never auth, host or
/// workspace headers), so they are signed like every other header;</item>
/// <item>sets <c>anthropic-workspace-id</c> to the validated workspace, once;</item>
/// <item>in key mode sends the CPA key as <c>x-api-key</c>: the platform docs and the TypeScript/Python SDKs
/// send it that way, while <c>AnthropicAwsClient</c> 1.0.2 sends <c>Authorization: Bearer</c> (which this
/// handler removed above).</item>
/// </list>
/// </remarks>
internal sealed class ClaudePlatformAwsSingleAuthHandler : DelegatingHandler
{
    private static readonly string[] AuthHeaders = ["Authorization", "x-api-key", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"];

    private readonly string _workspaceId;
    private readonly string? _apiKey;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _injectedHeaders;
    private readonly IReadOnlyList<CustomHeader> _customHeaders;

    /// <summary>Creates the handler.</summary>
    /// <param name="workspaceId">The validated workspace id.</param>
    /// <param name="apiKey">The CPA key in key mode; null for SigV4 or skip-auth.</param>
    /// <param name="injectedHeaders">Headers the SDK injects from <c>ANTHROPIC_CUSTOM_HEADERS</c> (normally <see cref="ProcessCustomHeaders.Current"/>).</param>
    /// <param name="customHeaders">The custom headers CPA requests carry (judged from the effective environment), or none.</param>
    public ClaudePlatformAwsSingleAuthHandler(
        string workspaceId, string? apiKey, IReadOnlyList<KeyValuePair<string, string>> injectedHeaders, IReadOnlyList<CustomHeader>? customHeaders = null)
    {
        _workspaceId = workspaceId;
        _apiKey = apiKey;
        _injectedHeaders = injectedHeaders;
        _customHeaders = customHeaders ?? [];
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _injectedHeaders)
        {
            RemoveValue(request, name, value);
        }

        foreach (var name in AuthHeaders)
        {
            request.Headers.Remove(name);
        }

        foreach (var header in _customHeaders)
        {
            request.Headers.Remove(header.Name);
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        request.Headers.Remove("anthropic-workspace-id");
        request.Headers.TryAddWithoutValidation("anthropic-workspace-id", _workspaceId);
        if (_apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", _apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static void RemoveValue(HttpRequestMessage request, string name, string value)
    {
        if (!request.Headers.TryGetValues(name, out var values))
        {
            return;
        }

        var kept = values.ToList();
        kept.Remove(value);
        request.Headers.Remove(name);
        foreach (var other in kept)
        {
            request.Headers.TryAddWithoutValidation(name, other);
        }
    }
}
