namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// The last check before a CPA request leaves the process (inside the <c>HttpClient</c>, after signing):
/// refuses to send anything but exactly one expected auth and exactly one workspace header.
/// </summary>
/// <remarks>
/// <see cref="ClaudePlatformAwsSingleAuthHandler"/> shapes the request; this guard makes a future SDK change that adds a
/// header after signing fail loudly instead of sending a first-party credential to the gateway.
/// </remarks>
internal sealed class ClaudePlatformAwsWireGuardHandler : DelegatingHandler
{
    private readonly ClaudePlatformAwsAuthMode _kind;
    private readonly string _workspaceId;

    /// <summary>Creates the guard for one auth kind and workspace.</summary>
    public ClaudePlatformAwsWireGuardHandler(ClaudePlatformAwsAuthMode kind, string workspaceId, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _kind = kind;
        _workspaceId = workspaceId;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.TryGetValues("Authorization", out var a) ? a.ToList() : [];
        var apiKeys = request.Headers.TryGetValues("x-api-key", out var k) ? k.ToList() : [];
        var workspace = request.Headers.TryGetValues("anthropic-workspace-id", out var w) ? w.ToList() : [];
        var expected = _kind switch
        {
            ClaudePlatformAwsAuthMode.SigV4 => authorization.Count == 1 && apiKeys.Count == 0
                && authorization[0].StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal),
            ClaudePlatformAwsAuthMode.ApiKey => authorization.Count == 0 && apiKeys.Count == 1,
            _ => authorization.Count == 0 && apiKeys.Count == 0,
        };
        if (!expected || workspace.Count != 1 || !string.Equals(workspace[0], _workspaceId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Refusing to send a Claude Platform on AWS request with {authorization.Count} Authorization, {apiKeys.Count} x-api-key and "
                + $"{workspace.Count} anthropic-workspace-id header(s) in {_kind} mode: it must carry exactly one auth and the configured workspace.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
