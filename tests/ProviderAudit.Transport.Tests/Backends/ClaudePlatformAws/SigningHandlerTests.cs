using System.Net;
using System.Text;
using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// SigV4 requests are signed by the runtime's handler with AWSSDK.Core's signer (the official client is built with
/// SkipAuth): every shape of request it signs must pass the emulator's verifier, which is checked against AWS's test
/// vectors, and the request must still carry exactly one auth.
/// </summary>
public sealed class SigningHandlerTests : IDisposable
{
    private const string MessageJson = """{"model":"claude-sonnet-4-6","max_tokens":8,"messages":[{"role":"user","content":"Hi"}]}""";

    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private static AwsSessionCredentials Keys(string? sessionToken = null) =>
        new(EmulatorScope.AccessKeyId, EmulatorScope.SecretAccessKey, sessionToken, null, "test");

    /// <summary>The runtime's handlers below the official client: signing, then the wire guard, then a socket.</summary>
    private static HttpMessageInvoker SigningChain(AwsSessionCredentials credentials, HttpMessageHandler? belowSigning = null)
    {
        HttpMessageHandler wire = new ClaudePlatformAwsWireGuardHandler(ClaudePlatformAwsAuthMode.SigV4, EmulatorScope.WorkspaceId, new SocketsHttpHandler());
        if (belowSigning is DelegatingHandler between)
        {
            between.InnerHandler = wire;
            wire = between;
        }

        return new HttpMessageInvoker(new ClaudePlatformAwsSigningHandler(credentials, EmulatorScope.Region, wire));
    }

    private static HttpRequestMessage Request(CpaGatewayEmulator emulator, HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, emulator.Url() + pathAndQuery) { Content = content };
        request.Headers.TryAddWithoutValidation("anthropic-workspace-id", EmulatorScope.WorkspaceId);
        request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
        return request;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private ClaudePlatformAwsRequestClient RequestClient(CpaGatewayEmulator emulator, params (string, string)[] env) =>
        CpaTestClients.RequestClient(TestEnvironment.Isolated(_home.Path, env), emulator.Url());

    [Fact]
    public async Task The_official_client_sends_one_signature_made_by_the_runtime_for_the_gateway_service()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, ("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId), ("AWS_SECRET_ACCESS_KEY", EmulatorScope.SecretAccessKey));

        await requests.SendAsync((c, ct) => c.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4-6", MaxTokens = 8, Messages = [new UserMessageParam("Hi")] }, ct));

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(200, recorded.StatusCode);
        var authorization = Assert.Single(recorded.HeaderValues("Authorization"));
        Assert.Contains($"/{EmulatorScope.Region}/{ClaudePlatformAwsSigningHandler.ServiceName}/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Single(recorded.HeaderValues("x-amz-date"));
        Assert.Single(recorded.HeaderValues("x-amz-content-sha256"));
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys("session-token-1"));

        using var response = await chain.SendAsync(Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(["session-token-1"], recorded.HeaderValues("x-amz-security-token"));
        Assert.Contains("x-amz-security-token", recorded.SignedHeaders);
    }

    [Fact]
    public async Task Long_lived_keys_send_no_session_token()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());

        using var response = await chain.SendAsync(Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(emulator.Requests).HasHeader("x-amz-security-token"));
    }

    [Fact]
    public async Task Workspace_and_every_other_header_of_the_request_are_signed()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());

        using var response = await chain.SendAsync(Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signed = Assert.Single(emulator.Requests).SignedHeaders;
        Assert.Contains("anthropic-workspace-id", signed);
        Assert.Contains("anthropic-version", signed);
        Assert.Contains("content-type", signed);
        Assert.Contains("host", signed);
    }

    [Fact]
    public async Task A_100_kilobyte_body_is_hashed_as_sent()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());
        var large = MessageJson.Replace("\"Hi\"", "\"" + new string('x', 100_000) + "\"", StringComparison.Ordinal);

        using var response = await chain.SendAsync(
            Request(emulator, HttpMethod.Post, "/v1/messages", new ByteArrayContent(Encoding.UTF8.GetBytes(large)) { Headers = { { "Content-Type", "application/json" } } }),
            CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(large, Assert.Single(emulator.Requests).Body);
    }

    [Fact]
    public async Task A_streamed_body_is_buffered_so_the_hashed_bytes_are_the_bytes_sent()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());
        var body = new StreamContent(new OneWayStream(Encoding.UTF8.GetBytes(MessageJson)));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await chain.SendAsync(Request(emulator, HttpMethod.Post, "/v1/messages", body), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MessageJson, Assert.Single(emulator.Requests).Body);
    }

    [Fact]
    public async Task A_bodiless_request_with_a_query_is_signed()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());

        using var response = await chain.SendAsync(Request(emulator, HttpMethod.Get, "/v1/models?limit=5&after_id=claude%20x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GatewayAuthKind.SigV4, Assert.Single(emulator.Requests).Auth);
    }

    [Fact]
    public async Task A_header_with_several_values_is_signed_as_it_goes_on_the_wire()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());
        var request = Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson));
        request.Headers.TryAddWithoutValidation("anthropic-beta", ["beta-one-2025-01-01", "beta-two-2025-02-02"]);

        using var response = await chain.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("anthropic-beta", Assert.Single(emulator.Requests).SignedHeaders);
    }

    [Fact]
    public async Task Trace_context_is_sent_unsigned_so_instrumentation_below_may_rewrite_it()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys(), new RewriteHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        var request = Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson));
        request.Headers.TryAddWithoutValidation("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        using var response = await chain.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(["00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"], recorded.HeaderValues("traceparent"));
        Assert.DoesNotContain("traceparent", recorded.SignedHeaders);
    }

    [Fact]
    public async Task Auth_headers_already_on_the_request_are_replaced_not_signed()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(Keys());
        var request = Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson));
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=stale");
        request.Headers.TryAddWithoutValidation("x-amz-date", "20010101T000000Z");
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", "0000");

        using var response = await chain.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Single(recorded.HeaderValues("Authorization"));
        Assert.NotEqual("20010101T000000Z", Assert.Single(recorded.HeaderValues("x-amz-date")));
    }

    [Fact]
    public async Task A_signature_with_the_wrong_secret_is_rejected_by_the_gateway()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var chain = SigningChain(new AwsSessionCredentials(EmulatorScope.AccessKeyId, "not-the-secret", null, null, "test"));

        using var response = await chain.SendAsync(Request(emulator, HttpMethod.Post, "/v1/messages", Json(MessageJson)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>A body that can be read once, front to back (like a request stream from elsewhere).</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Length => throw new NotSupportedException();
    }

    /// <summary>Stands for instrumentation below the client that replaces a header after signing.</summary>
    private sealed class RewriteHeader(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
