using System.Net;
using Anthropic.Aws;
using Anthropic.Bedrock;
using Anthropic.Foundry;
using Anthropic.Models.Messages;
using ProviderAudit.Runtime;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>Each transport builds its request client on its official SDK client, from the inputs only.</summary>
public sealed class RequestClientFactoryTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private TransportInputs Inputs(params (string, string)[] env) => new(TestEnvironment.Isolated(_home.Path, env), HostSettings.Empty, _ => false);

    private static MessageCreateParams Hello() => new() { Model = "claude-sonnet-4-6", MaxTokens = 8, Messages = [new UserMessageParam("Hi")] };

    [Fact]
    public async Task ClaudePlatformAwsTransport_builds_Anthropic_AWS_client()
    {
        using var client = RuntimeBackends.ClaudePlatformAws.CreateRequestClient(Inputs(
            ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_1"), ("AWS_REGION", "us-west-2"), ("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890")));

        var cpa = Assert.IsType<ClaudePlatformAwsRequestClient>(client);
        Assert.IsType<AnthropicAwsClient>(await cpa.GetClientAsync());
        Assert.Equal(new Uri("https://aws-external-anthropic.us-west-2.api.aws"), client.BaseUri);
    }

    [Fact]
    public void ClaudePlatformAwsTransport_rejects_invalid_inputs_before_building_anything()
    {
        var error = Assert.Throws<RequestClientException>(() => RuntimeBackends.ClaudePlatformAws.CreateRequestClient(Inputs(
            ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_1\r\nx-api-key: sk-ant-api03-x"), ("AWS_REGION", "us-west-2"), ("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890"))));

        Assert.Equal("ANTHROPIC_AWS_WORKSPACE_ID", error.Setting);
    }

    [Fact]
    public async Task FirstParty_API_key_is_sent_as_x_api_key_only()
    {
        var wire = new WireRecorder();
        using var client = RuntimeBackends.FirstParty.CreateRequestClient(
            Inputs(("ANTHROPIC_API_KEY", "sk-ant-api03-firstparty-key"), ("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")),
            new RequestClientOptions { PrimaryHandler = () => wire, MaxRetries = 0 });

        await client.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        Assert.Equal(["sk-ant-api03-firstparty-key"], wire.Values("x-api-key"));
        Assert.Empty(wire.Values("Authorization"));
    }

    [Fact]
    public async Task FirstParty_auth_token_is_sent_as_bearer()
    {
        var wire = new WireRecorder();
        using var client = RuntimeBackends.FirstParty.CreateRequestClient(
            Inputs(("ANTHROPIC_AUTH_TOKEN", "sk-ant-oat01-token-value"), ("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")),
            new RequestClientOptions { PrimaryHandler = () => wire, MaxRetries = 0 });

        await client.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        Assert.Equal(["Bearer sk-ant-oat01-token-value"], wire.Values("Authorization"));
        Assert.Empty(wire.Values("x-api-key"));
    }

    [Fact]
    public async Task FirstParty_ignores_Claude_Platform_on_AWS_credentials()
    {
        var wire = new WireRecorder();
        using var client = RuntimeBackends.FirstParty.CreateRequestClient(
            Inputs(("ANTHROPIC_API_KEY", "sk-ant-api03-firstparty-key"), ("ANTHROPIC_BASE_URL", "http://127.0.0.1:9"), ("ANTHROPIC_AWS_API_KEY", "cpa-key-1234567890")),
            new RequestClientOptions { PrimaryHandler = () => wire, MaxRetries = 0 });

        await client.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        Assert.DoesNotContain(wire.All, v => v.Contains("cpa-key", StringComparison.Ordinal));
        Assert.Empty(wire.Values("anthropic-workspace-id"));
    }

    [Fact]
    public async Task BedrockTransport_builds_Anthropic_Bedrock_client()
    {
        using var client = RuntimeBackends.Bedrock.CreateRequestClient(Inputs(
            ("CLAUDE_CODE_USE_BEDROCK", "1"), ("AWS_REGION", "us-east-1"), ("AWS_ACCESS_KEY_ID", "AKIABEDROCK0000001"), ("AWS_SECRET_ACCESS_KEY", "bedrock-secret")));

        Assert.IsType<AnthropicBedrockClient>(await client.SendAsync((c, _) => Task.FromResult(c)));
        Assert.Equal("bedrock-runtime.us-east-1.amazonaws.com", client.BaseUri.Host);
    }

    [Fact]
    public async Task FoundryTransport_builds_Anthropic_Foundry_client()
    {
        using var client = RuntimeBackends.Foundry.CreateRequestClient(Inputs(
            ("CLAUDE_CODE_USE_FOUNDRY", "1"), ("ANTHROPIC_FOUNDRY_RESOURCE", "my-resource"), ("ANTHROPIC_FOUNDRY_API_KEY", "foundry-key-123456")));

        Assert.IsType<AnthropicFoundryClient>(await client.SendAsync((c, _) => Task.FromResult(c)));
    }

    /// <summary>Records what reaches the wire and answers with a minimal message.</summary>
    private sealed class WireRecorder : HttpMessageHandler
    {
        private readonly List<KeyValuePair<string, string>> _headers = [];

        public IEnumerable<string> All => _headers.Select(h => h.Value);

        public IReadOnlyList<string> Values(string name) =>
            _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _headers.AddRange(request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    """{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}""",
                    System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
