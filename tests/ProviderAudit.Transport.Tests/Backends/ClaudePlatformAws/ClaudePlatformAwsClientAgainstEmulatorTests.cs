using Anthropic.Aws;
using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>The runtime's CPA client (official AnthropicAwsClient + our adaptation) against the emulator.</summary>
public sealed class ClaudePlatformAwsClientAgainstEmulatorTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private static MessageCreateParams Hello(string model = "claude-sonnet-4-6") => new()
    {
        Model = model,
        MaxTokens = 64,
        Messages = [new UserMessageParam("Hello")],
    };

    private ClaudePlatformAwsRequestClient RequestClient(CpaGatewayEmulator emulator, params (string, string)[] env)
    {
        return CpaTestClients.RequestClient(TestEnvironment.Isolated(_home.Path, env), emulator.Url());
    }

    private static (string, string)[] EnvironmentKeys =>
        [("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId), ("AWS_SECRET_ACCESS_KEY", EmulatorScope.SecretAccessKey)];

    [Fact]
    public async Task Request_client_is_the_official_Anthropic_AWS_client()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, EnvironmentKeys);

        var client = await requests.GetClientAsync();

        Assert.IsType<AnthropicAwsClient>(client);
        Assert.Equal(emulator.Url(), client.BaseUrl);
    }

    [Fact]
    public async Task SigV4_with_environment_keys_passes_the_emulator()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, EnvironmentKeys);

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(200, recorded.StatusCode);
        Assert.Equal(GatewayAuthKind.SigV4, recorded.Auth);
        Assert.Equal(EmulatorScope.AccessKeyId, recorded.AccessKeyId);
    }

    [Fact]
    public async Task SigV4_request_carries_no_FirstParty_credential_from_the_environment()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, [.. EnvironmentKeys, .. TestEnvironment.FirstPartyCredentials]);

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(200, recorded.StatusCode);
        Assert.False(recorded.HasHeader("x-api-key"));
        Assert.All(recorded.HeaderValues("Authorization"), v => Assert.StartsWith("AWS4-HMAC-SHA256 ", v, StringComparison.Ordinal));
        Assert.DoesNotContain(recorded.Headers, h => h.Value.Contains("sk-ant-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task API_key_path_sends_the_CPA_key_as_x_api_key_only()
    {
        await using var emulator = await EmulatorScope.StartAsync(BearerApiKeyPolicy.Reject);
        using var requests = RequestClient(emulator, ("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey));

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(GatewayAuthKind.ApiKey, recorded.Auth);
        Assert.Equal([EmulatorScope.CpaApiKey], recorded.HeaderValues("x-api-key"));
        Assert.False(recorded.HasHeader("Authorization"));
    }

    [Fact]
    public async Task API_key_request_carries_no_FirstParty_credential_from_the_environment()
    {
        await using var emulator = await EmulatorScope.StartAsync(BearerApiKeyPolicy.Reject);
        using var requests = RequestClient(emulator, [("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey), .. TestEnvironment.FirstPartyCredentials]);

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(200, recorded.StatusCode);
        Assert.DoesNotContain(recorded.Headers, h => h.Value.Contains("sk-ant-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task API_key_path_is_taken_over_environment_AWS_keys()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, [("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey), .. EnvironmentKeys]);

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        Assert.Equal(GatewayAuthKind.ApiKey, Assert.Single(emulator.Requests).Auth);
    }

    [Fact]
    public async Task Workspace_header_is_sent_once_and_signed()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, EnvironmentKeys);

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal([EmulatorScope.WorkspaceId], recorded.HeaderValues("anthropic-workspace-id"));
        Assert.Contains("anthropic-workspace-id", recorded.SignedHeaders);
    }

    [Fact]
    public async Task Model_id_on_the_wire_is_FirstParty()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, EnvironmentKeys);

        await requests.SendAsync((c, ct) => c.Messages.Create(Hello("claude-opus-4-5-20251101"), ct));

        var body = System.Text.Json.JsonDocument.Parse(Assert.Single(emulator.Requests).Body).RootElement;
        var model = body.GetProperty("model").GetString();
        Assert.Equal("claude-opus-4-5-20251101", model);
        Assert.DoesNotContain("anthropic.", model, StringComparison.Ordinal);
        Assert.DoesNotContain(":", model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_goes_through_the_same_auth()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = RequestClient(emulator, EnvironmentKeys);

        var text = new System.Text.StringBuilder();
        await foreach (var e in requests.StreamAsync((c, ct) => c.Messages.CreateStreaming(Hello(), ct)))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text.Append(piece.Text);
            }
        }

        Assert.Equal(emulator.Options.ReplyText, text.ToString());
        Assert.Equal(GatewayAuthKind.SigV4, Assert.Single(emulator.Requests).Auth);
    }

    [Fact]
    public async Task Wrong_region_is_rejected_by_the_gateway()
    {
        await using var emulator = await EmulatorScope.StartAsync(region: "eu-west-1");
        using var requests = RequestClient(emulator, EnvironmentKeys);

        await Assert.ThrowsAsync<Anthropic.Exceptions.AnthropicForbiddenException>(() => requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct)));
    }

    [Fact]
    public async Task Credentials_are_resolved_once_for_many_requests()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var requests = CpaTestClients.RequestClient(TestEnvironment.Isolated(_home.Path, EnvironmentKeys), emulator.Url());

        for (var i = 0; i < 3; i++)
        {
            await requests.SendAsync((c, ct) => c.Messages.Create(Hello(), ct));
        }

        Assert.Equal(1, requests.Credentials.Chain.Resolutions);
        Assert.Equal(3, emulator.Requests.Count);
    }
}
