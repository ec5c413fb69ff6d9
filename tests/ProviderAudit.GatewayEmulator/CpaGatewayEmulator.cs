using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ProviderAudit.GatewayEmulator.SigV4;

namespace ProviderAudit.GatewayEmulator;

/// <summary>
/// A loopback stand-in for the Claude Platform on AWS gateway (Kestrel on 127.0.0.1, free port):
/// <c>/v1/messages</c> (JSON and SSE), <c>/v1/messages/count_tokens</c>, <c>/v1/models</c>; requires
/// <c>anthropic-workspace-id</c>; authenticates with <see cref="GatewayAuthenticator"/>; records every request.
/// </summary>
public sealed partial class CpaGatewayEmulator : IAsyncDisposable
{
    private readonly GatewayEmulatorOptions _options;
    private LoopbackHttpServer _server = null!;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _failure;
    private IReadOnlyList<string> _models;
    private int _messageCounter;

    private CpaGatewayEmulator(GatewayEmulatorOptions options)
    {
        _options = options;
        _models = options.Models;
        Authenticator = new GatewayAuthenticator(options);
    }

    /// <summary>The base URL clients should use, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseUri => _server.BaseUri;

    /// <summary>The options the emulator was started with.</summary>
    public GatewayEmulatorOptions Options => _options;

    /// <summary>The auth policy (add or expire access keys while running).</summary>
    public GatewayAuthenticator Authenticator { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The requests to <c>/v1/models</c> (listing, every page) so far.</summary>
    public IReadOnlyList<RecordedRequest> ModelListRequests => Requests.Where(r => r.Path == "/v1/models").ToArray();

    /// <summary>The requests to <c>/v1/messages</c> so far (not <c>count_tokens</c>, not listing).</summary>
    public IReadOnlyList<RecordedRequest> MessageRequests => Requests.Where(r => r.Path == "/v1/messages").ToArray();

    /// <summary>The model ids <c>/v1/models</c> lists from now on.</summary>
    public void SetModels(IReadOnlyList<string> models) => Volatile.Write(ref _models, models.ToArray());

    /// <summary>A failure every authenticated request is answered with from now on.</summary>
    public GatewayFailure Failure
    {
        get => (GatewayFailure)Volatile.Read(ref _failure);
        set => Volatile.Write(ref _failure, (int)value);
    }

    /// <summary>Starts an emulator on 127.0.0.1 (<paramref name="port"/> 0 = a free port).</summary>
    public static async Task<CpaGatewayEmulator> StartAsync(GatewayEmulatorOptions options, int port = 0, CancellationToken cancellationToken = default)
    {
        var emulator = new CpaGatewayEmulator(options);
        emulator._server = await LoopbackHttpServer.StartAsync(emulator.HandleAsync, port, cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = rawTarget.IndexOf('?');
        var path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawTarget[queryStart..];
        var headers = context.Request.Headers
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty)))
            .ToList();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var request = new SigV4Request(context.Request.Method, path, query, headers, body);

        var (auth, answer) = Decide(request, path);
        var status = answer.Error?.StatusCode ?? 200;
        if (_options.RecordRequests)
        {
            _requests.Enqueue(new RecordedRequest(
                request.Method, path, query, headers, Encoding.UTF8.GetString(body),
                auth?.Kind ?? GatewayAuthKind.None, auth?.AccessKeyId, status, answer.Error?.Type, answer.Error?.Message));
        }

        context.Response.StatusCode = status;
        context.Response.Headers["request-id"] = "req_emulator_" + Interlocked.Increment(ref _messageCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = answer.ContentType;
        var awsShape = _options.AwsErrorShape && answer.Error?.AwsType is not null;
        if (awsShape)
        {
            context.Response.Headers["x-amzn-ErrorType"] = answer.Error!.AwsType;
        }

        await context.Response.WriteAsync(awsShape ? answer.Error!.ToAwsJson() : answer.Error?.ToJson() ?? answer.Body!, context.RequestAborted).ConfigureAwait(false);
    }

    private (GatewayAuthResult? Auth, Answer Answer) Decide(SigV4Request request, string path)
    {
        if (_options.Bedrock)
        {
            var bedrockAuth = Authenticator.Authenticate(request);
            return bedrockAuth.Error is not null ? (bedrockAuth, Answer.Of(bedrockAuth.Error)) : (bedrockAuth, BedrockInvoke(request, path));
        }

        var workspaces = request.Values("anthropic-workspace-id").ToList();
        if (!_options.RequireWorkspace)
        {
            var firstPartyAuth = Authenticator.Authenticate(request);
            return firstPartyAuth.Error is not null ? (firstPartyAuth, Answer.Of(firstPartyAuth.Error))
                : GatewayError.For(Failure) is { } firstPartyFailure ? (firstPartyAuth, Answer.Of(firstPartyFailure))
                : (firstPartyAuth, Route(request, path));
        }

        if (workspaces.Count != 1 || string.IsNullOrWhiteSpace(workspaces[0]))
        {
            // Auth is still classified so recordings show what the client sent.
            return (Authenticator.Authenticate(request), Answer.Of(GatewayError.InvalidRequest(
                "The anthropic-workspace-id header is required (exactly once) on every Claude Platform on AWS request.")));
        }

        var auth = Authenticator.Authenticate(request);
        if (auth.Error is not null)
        {
            return (auth, Answer.Of(auth.Error));
        }

        if (!string.Equals(workspaces[0], _options.WorkspaceId, StringComparison.Ordinal))
        {
            return (auth, Answer.Of(GatewayError.Permission($"Workspace '{workspaces[0]}' was not found or is not accessible in {_options.Region}.")));
        }

        if (GatewayError.For(Failure) is { } failure)
        {
            return (auth, Answer.Of(failure));
        }

        return (auth, Route(request, path));
    }

    private Answer Route(SigV4Request request, string path)
    {
        switch (request.Method, path)
        {
            case ("POST", "/v1/messages"):
                return Messages(request);
            case ("POST", "/v1/messages/count_tokens"):
                return ParseMessagesBody(request, out var body, out var error) ? Answer.Json(GatewayResponses.CountTokens(GatewayResponses.EstimateInputTokens(body))) : Answer.Of(error!);
            case ("GET", "/v1/models"):
                return ModelPage(request.RawQuery);
            case ("GET", _) when path.StartsWith("/v1/models/", StringComparison.Ordinal):
                var id = Uri.UnescapeDataString(path["/v1/models/".Length..]);
                return Volatile.Read(ref _models).Contains(id)
                    ? Answer.Json(JsonSerializer.Serialize(GatewayResponses.ModelInfo(id)))
                    : Answer.Of(GatewayError.NotFound($"model: {id}"));
            default:
                return Answer.Of(GatewayError.NotFound($"Not found: {request.Method} {path}"));
        }
    }

    // Cursor paging as the API does it: `limit` (1–1000, default 20), `after_id` (the page after that model), capped by
    // ModelPageSize; an unknown after_id gives an empty last page.
    private Answer ModelPage(string query)
    {
        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        var models = Volatile.Read(ref _models);
        var limit = int.TryParse(parameters["limit"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked) ? asked : 20;
        if (limit is < 1 or > 1000)
        {
            return Answer.Of(GatewayError.InvalidRequest("limit: must be between 1 and 1000"));
        }

        var start = 0;
        if (parameters["after_id"] is { } after)
        {
            var index = models.ToList().IndexOf(after);
            start = index < 0 ? models.Count : index + 1;
        }

        var size = Math.Min(limit, _options.ModelPageSize ?? limit);
        var page = models.Skip(start).Take(size).ToArray();
        return Answer.Json(GatewayResponses.ModelList(page, hasMore: start + page.Length < models.Count));
    }

    // Bedrock's runtime API: the model is in the path (a Bedrock id), the body is a Messages body without it.
    private Answer BedrockInvoke(SigV4Request request, string path)
    {
        if (request.Method != "POST" || !path.StartsWith("/model/", StringComparison.Ordinal) || !path.EndsWith("/invoke", StringComparison.Ordinal))
        {
            return Answer.Of(GatewayError.NotFound($"Not found: {request.Method} {path}"));
        }

        var model = Uri.UnescapeDataString(path["/model/".Length..^"/invoke".Length]);
        var id = "msg_emulator_" + Interlocked.Increment(ref _messageCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Answer.Json(GatewayResponses.Message(id, model, _options.ReplyText, 1));
    }

    private Answer Messages(SigV4Request request)
    {
        if (!ParseMessagesBody(request, out var body, out var error))
        {
            return Answer.Of(error!);
        }

        var model = body!["model"]!.GetValue<string>();
        var id = "msg_emulator_" + Interlocked.Increment(ref _messageCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inputTokens = GatewayResponses.EstimateInputTokens(body);
        var stream = body["stream"] is JsonValue s && s.TryGetValue<bool>(out var streaming) && streaming;
        return stream
            ? new Answer("text/event-stream", GatewayResponses.MessageStream(id, model, _options.ReplyText, inputTokens), null)
            : Answer.Json(GatewayResponses.Message(id, model, _options.ReplyText, inputTokens));
    }

    private static bool ParseMessagesBody(SigV4Request request, out JsonNode? body, out GatewayError? error)
    {
        body = null;
        error = null;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            error = GatewayError.InvalidRequest("The request body is not valid JSON.");
            return false;
        }

        if (body?["model"] is not JsonValue modelValue || !modelValue.TryGetValue<string>(out var model))
        {
            error = GatewayError.InvalidRequest("model: Field required");
            return false;
        }

        if (!FirstPartyModelId().IsMatch(model))
        {
            error = GatewayError.InvalidRequest(
                $"model: '{model}' is not a Claude Platform on AWS model id; use first-party ids such as claude-sonnet-4-6 (not Bedrock or Vertex ids).");
            return false;
        }

        if (body["messages"] is not JsonArray { Count: > 0 })
        {
            error = GatewayError.InvalidRequest("messages: at least one message is required");
            return false;
        }

        return true;
    }

    // First-party ids: claude-sonnet-4-6, claude-opus-4-5-20251101. Bedrock (anthropic.…-v1:0, us.…) and
    // Vertex (…@date) spellings do not match.
    [GeneratedRegex("^claude-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex FirstPartyModelId();

    private sealed record Answer(string ContentType, string? Body, GatewayError? Error)
    {
        public static Answer Json(string body) => new("application/json", body, null);

        public static Answer Of(GatewayError error) => new("application/json", null, error);
    }
}
