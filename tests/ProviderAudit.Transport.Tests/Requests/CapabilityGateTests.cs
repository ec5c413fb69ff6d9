using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Requests;

/// <summary>
/// Requests carry only the <c>anthropic-beta</c> values and tool types the backend's transport supports
/// (<see cref="IAuthTransport.Supports"/>); each one dropped is a warning naming it.
/// </summary>
public sealed class CapabilityGateTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private sealed class Recorder : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }

    private static async Task<(Recorder Recorder, List<string> Warnings)> Send(IAuthTransport transport, string? betas, string body)
    {
        var recorder = new Recorder();
        var warnings = new List<string>();
        using var invoker = new HttpMessageInvoker(new CapabilityGateHandler(transport, "Backend X", warnings.Add) { InnerHandler = recorder });
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v1/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (betas is not null)
        {
            request.Headers.TryAddWithoutValidation("anthropic-beta", betas);
        }

        using var _ = await invoker.SendAsync(request, CancellationToken.None);
        return (recorder, warnings);
    }

    [Fact]
    public async Task Claude_Platform_on_AWS_drops_the_fast_mode_beta_and_keeps_the_others_with_a_warning_naming_it()
    {
        var (recorder, warnings) = await Send(AuthTransports.ClaudePlatformAws, "context-1m-2025-08-07,fast-mode-2026-02-01", "{}");

        Assert.Equal(["context-1m-2025-08-07"], recorder.Request!.Headers.GetValues("anthropic-beta"));
        Assert.Contains("fast-mode-2026-02-01", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_party_carries_every_beta_untouched()
    {
        var (recorder, warnings) = await Send(AuthTransports.FirstParty, "fast-mode-2026-02-01,some-future-beta-2027-01-01", "{}");

        Assert.Equal(["fast-mode-2026-02-01,some-future-beta-2027-01-01"], recorder.Request!.Headers.GetValues("anthropic-beta"));
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_cloud_drops_a_beta_it_does_not_know_and_the_header_when_nothing_is_left()
    {
        var (recorder, warnings) = await Send(AuthTransports.Bedrock, "mcp-client-2025-04-04", "{}");

        Assert.False(recorder.Request!.Headers.Contains("anthropic-beta"));
        Assert.Contains("mcp-client-2025-04-04", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_drops_server_tools_and_keeps_the_callers_own()
    {
        const string body = """{"model":"m","tools":[{"name":"lookup","input_schema":{"type":"object"}},{"type":"web_search_20250305","name":"web_search"},{"type":"bash_20250124","name":"bash"}],"messages":[]}""";

        var (recorder, warnings) = await Send(AuthTransports.Vertex, null, body);

        var tools = JsonNode.Parse(recorder.Body!)!["tools"]!.AsArray();
        Assert.Equal(["lookup", "bash"], tools.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Contains("web_search_20250305", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_dropped_tools_is_sent_byte_for_byte()
    {
        const string body = """{"model":"m", "tools":[{"name":"lookup","input_schema":{"type":"object"}}],"messages":[]}""";

        var (recorder, warnings) = await Send(AuthTransports.Bedrock, null, body);

        Assert.Equal(body, recorder.Body);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Claude_Platform_on_AWS_carries_server_tools()
    {
        const string body = """{"model":"m","tools":[{"type":"web_search_20250305","name":"web_search"}],"messages":[]}""";

        var (recorder, warnings) = await Send(AuthTransports.ClaudePlatformAws, null, body);

        Assert.Equal(body, recorder.Body);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task The_request_client_drops_the_beta_before_the_gateway_sees_it_and_still_signs_the_request()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        var warnings = new List<string>();
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region), ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
            ("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId), ("AWS_SECRET_ACCESS_KEY", EmulatorScope.SecretAccessKey)), null, File.Exists);
        using var client = RuntimeBackends.ClaudePlatformAws.CreateRequestClient(inputs, RequestClientOptions.Default with { MaxRetries = 0, InjectedHeaders = [], OnCapabilityWarning = warnings.Add });

        await client.SendAsync((c, ct) => c.Beta.Messages.Create(new Anthropic.Models.Beta.Messages.MessageCreateParams
        {
            Model = "claude-sonnet-4-6",
            MaxTokens = 16,
            Messages = [new Anthropic.Models.Beta.Messages.BetaUserMessageParam("Hi")],
            Betas = ["interleaved-thinking-2025-05-14", "fast-mode-2026-02-01"],
        }, ct));

        var request = Assert.Single(emulator.MessageRequests);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(["interleaved-thinking-2025-05-14"], request.HeaderValues("anthropic-beta"));
        Assert.Contains("fast-mode-2026-02-01", Assert.Single(warnings), StringComparison.Ordinal);
    }
}
