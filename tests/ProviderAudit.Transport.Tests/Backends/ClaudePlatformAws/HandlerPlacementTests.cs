using System.Net;
using Anthropic.Aws;
using Anthropic.Core;
using Anthropic.Models.Messages;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// Measures where handlers run relative to the official client's SigV4 signing, and what the runtime's
/// handlers do to a request, without any server.
/// </summary>
public sealed class HandlerPlacementTests
{
    private static readonly ClaudePlatformAwsSettings Endpoint = ClaudePlatformAwsSettings.Read(new Dictionary<string, string>
    {
        ["ANTHROPIC_AWS_WORKSPACE_ID"] = "wrkspc_1", ["AWS_REGION"] = "us-east-1", ["ANTHROPIC_AWS_BASE_URL"] = "http://127.0.0.1:9", ["CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH"] = "1",
    });

    private static MessageCreateParams Hello() => new() { Model = "claude-sonnet-4-6", MaxTokens = 8, Messages = [new UserMessageParam("Hi")] };

    [Fact]
    public async Task Client_options_handlers_run_before_signing_and_http_client_handlers_after()
    {
        var outer = new Snapshot();
        var inner = new Snapshot { Answer = true };
        using var client = new AnthropicAwsClient(new AwsClientOptions
        {
            AwsAccessKey = "AKIDEXAMPLE",
            AwsSecretAccessKey = "secret",
            AwsRegion = "us-east-1",
            WorkspaceId = "wrkspc_1",
            BaseUrl = "http://127.0.0.1:9",
            ClientOptions = new ClientOptions { MaxRetries = 0, Handlers = [outer], HttpClient = new HttpClient(inner) },
        });

        await client.Messages.Create(Hello());

        Assert.False(outer.Seen!.Contains("x-amz-date"));
        Assert.False(outer.Seen.Contains("Authorization"));
        Assert.True(inner.Seen!.Contains("x-amz-date"));
        Assert.StartsWith("AWS4-HMAC-SHA256 ", string.Join("", inner.Seen.GetValues("Authorization")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_auth_handler_strips_headers_injected_from_custom_headers()
    {
        var inner = new Snapshot { Answer = true };
        var injected = ProcessCustomHeaders.Parse("Authorization: Bearer sk-ant-oat01-leak\nx-api-key: sk-ant-api03-leak\nX-Team: blue");
        using var invoker = new HttpMessageInvoker(new ClaudePlatformAwsSingleAuthHandler("wrkspc_1", null, injected) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v1/messages");
        foreach (var (name, value) in injected)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("X-Team", "red");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.False(inner.Seen!.Contains("Authorization"));
        Assert.False(inner.Seen.Contains("x-api-key"));
        Assert.Equal(["red"], inner.Seen.GetValues("X-Team"));
    }

    [Fact]
    public async Task Single_auth_handler_replaces_the_SDK_bearer_with_x_api_key()
    {
        var inner = new Snapshot { Answer = true };
        using var invoker = new HttpMessageInvoker(new ClaudePlatformAwsSingleAuthHandler("wrkspc_1", "cpa-key-1234567890", []) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v1/messages");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer cpa-key-1234567890");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.False(inner.Seen!.Contains("Authorization"));
        Assert.Equal(["cpa-key-1234567890"], inner.Seen.GetValues("x-api-key"));
    }

    [Fact]
    public async Task Single_auth_handler_sets_the_workspace_once()
    {
        var inner = new Snapshot { Answer = true };
        using var invoker = new HttpMessageInvoker(new ClaudePlatformAwsSingleAuthHandler("wrkspc_1", null, []) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v1/messages");
        request.Headers.TryAddWithoutValidation("anthropic-workspace-id", "wrkspc_other");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(["wrkspc_1"], inner.Seen!.GetValues("anthropic-workspace-id"));
    }

    [Fact]
    public async Task Wire_guard_refuses_two_auth_headers()
    {
        using var invoker = new HttpMessageInvoker(new ClaudePlatformAwsWireGuardHandler(ClaudePlatformAwsAuthMode.ApiKey, "wrkspc_1", new Snapshot { Answer = true }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v1/messages");
        request.Headers.TryAddWithoutValidation("anthropic-workspace-id", "wrkspc_1");
        request.Headers.TryAddWithoutValidation("x-api-key", "cpa-key-1234567890");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-ant-oat01-x");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.DoesNotContain("sk-ant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wire_guard_refuses_a_bearer_in_SigV4_mode()
    {
        using var invoker = new HttpMessageInvoker(new ClaudePlatformAwsWireGuardHandler(ClaudePlatformAwsAuthMode.SigV4, "wrkspc_1", new Snapshot { Answer = true }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v1/messages");
        request.Headers.TryAddWithoutValidation("anthropic-workspace-id", "wrkspc_1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-ant-oat01-x");

        await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Factory_client_signs_with_the_resolved_keys_not_a_profile()
    {
        var inner = new Snapshot { Answer = true };
        var auth = ClaudePlatformAwsAuth.SigV4(new AwsSessionCredentials("AKIARESOLVED0000001", "resolved-secret", "token-1", null, "test"));
        using var client = ClaudePlatformAwsClientFactory.Create(Endpoint, auth, new ClaudePlatformAwsClientSettings { MaxRetries = 0, PrimaryHandler = () => inner, InjectedHeaders = [] });

        await client.Messages.Create(Hello());

        Assert.Contains("Credential=AKIARESOLVED0000001/", string.Join("", inner.Seen!.GetValues("Authorization")), StringComparison.Ordinal);
        Assert.Equal(["token-1"], inner.Seen.GetValues("x-amz-security-token"));
    }

    private sealed record HeaderCopy(Dictionary<string, List<string>> Headers)
    {
        public bool Contains(string name) => Headers.ContainsKey(name);

        public IReadOnlyList<string> GetValues(string name) => Headers.TryGetValue(name, out var values) ? values : [];
    }

    /// <summary>Records the headers it saw; as innermost handler it answers with a minimal message.</summary>
    private sealed class Snapshot : DelegatingHandler
    {
        public bool Answer { get; init; }

        public HeaderCopy? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A copy: the request's header collection is mutated further down the chain.
            Seen = new HeaderCopy(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToList(), StringComparer.OrdinalIgnoreCase));
            if (!Answer)
            {
                return base.SendAsync(request, cancellationToken);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    """{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}""",
                    System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
