using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Requests;

/// <summary>
/// Runs inside every request client's handler chain (before a cloud client's own adaptation and signing, so what it
/// removes is never signed or sent): drops the <c>anthropic-beta</c> values and the tools whose feature the transport
/// does not carry (<see cref="TransportFacts"/>, <see cref="IAuthTransport.Supports"/>), and says so, naming each.
/// </summary>
internal sealed class CapabilityGateHandler(IAuthTransport transport, string backendName, Action<string>? onWarning) : DelegatingHandler
{
    private const string BetaHeader = "anthropic-beta";

    // Only a transport that lacks a tool feature needs to read request bodies: the others pay nothing per request.
    private readonly bool _gatesTools = !transport.Supports(TransportFeature.ToolUse) || !transport.Supports(TransportFeature.ServerTools);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        GateBetas(request);
        if (_gatesTools && request.Content is not null && IsMessagesRequest(request))
        {
            await GateToolsAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Splits <paramref name="values"/> (comma lists) into the betas the transport carries and the ones it drops.</summary>
    public static (IReadOnlyList<string> Kept, IReadOnlyList<string> Dropped) SplitBetas(IAuthTransport transport, IEnumerable<string> values)
    {
        var kept = new List<string>();
        var dropped = new List<string>();
        foreach (var beta in values.SelectMany(v => v.Split(',')).Select(b => b.Trim()).Where(b => b.Length > 0))
        {
            (transport.Supports(TransportFacts.BetaFeature(beta)) ? kept : dropped).Add(beta);
        }

        return (kept, dropped);
    }

    private void GateBetas(HttpRequestMessage request)
    {
        if (!request.Headers.TryGetValues(BetaHeader, out var values))
        {
            return;
        }

        var (kept, dropped) = SplitBetas(transport, values);
        if (dropped.Count == 0)
        {
            return;
        }

        request.Headers.Remove(BetaHeader);
        if (kept.Count > 0)
        {
            request.Headers.TryAddWithoutValidation(BetaHeader, string.Join(",", kept));
        }

        foreach (var beta in dropped)
        {
            onWarning?.Invoke($"anthropic-beta {beta} dropped: {backendName} does not carry it (it needs {TransportFacts.BetaFeature(beta)}).");
        }
    }

    private static bool IsMessagesRequest(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post
        && request.RequestUri is { } uri
        && (uri.AbsolutePath.EndsWith("/v1/messages", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith("/v1/messages/count_tokens", StringComparison.Ordinal));

    private async Task GateToolsAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            root = null;
        }

        var dropped = new List<string>();
        if (root?["tools"] is JsonArray tools)
        {
            foreach (var tool in tools.ToArray())
            {
                var type = tool?["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
                var feature = TransportFacts.ToolFeature(type);
                if (!transport.Supports(feature))
                {
                    dropped.Add($"{type} ({tool?["name"]?.ToString() ?? "unnamed"}, needs {feature})");
                    tools.Remove(tool);
                }
            }

            if (tools.Count == 0)
            {
                root.AsObject().Remove("tools");
                root.AsObject().Remove("tool_choice");
            }
        }

        // The body was read: put it back as it was, or without the dropped tools.
        var headers = request.Content.Headers.ToArray();
        var content = new ByteArrayContent(dropped.Count == 0 ? body : JsonSerializer.SerializeToUtf8Bytes(root));
        foreach (var (name, value) in headers)
        {
            if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Content = content;
        foreach (var tool in dropped)
        {
            onWarning?.Invoke($"tool {tool} dropped: {backendName} does not carry it.");
        }
    }
}
