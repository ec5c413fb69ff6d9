using System.Net;
using Anthropic.Aws;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using ProviderAudit.GatewayEmulator;

namespace ProviderAudit.Transport.Tests.Emulator;

/// <summary>
/// The emulator judged by a client nobody here wrote: the official <c>AnthropicAwsClient</c>
/// (Anthropic.Aws), used directly with explicit options and no adaptation.
/// </summary>
public sealed class OfficialClientAgainstEmulatorTests
{
    private static AnthropicAwsClient SigV4Client(CpaGatewayEmulator emulator, string secret = EmulatorScope.SecretAccessKey,
        string region = EmulatorScope.Region, string? sessionToken = null, DelegatingHandler? handler = null) =>
        new(new AwsClientOptions
        {
            AwsAccessKey = EmulatorScope.AccessKeyId,
            AwsSecretAccessKey = secret,
            AwsSessionToken = sessionToken,
            AwsRegion = region,
            WorkspaceId = EmulatorScope.WorkspaceId,
            BaseUrl = emulator.Url(),
            ClientOptions = new ClientOptions { MaxRetries = 0, Handlers = handler is null ? [] : [handler] },
        });

    private static AnthropicAwsClient KeyClient(CpaGatewayEmulator emulator) =>
        new(new AwsClientOptions
        {
            ApiKey = EmulatorScope.CpaApiKey,
            AwsRegion = EmulatorScope.Region,
            WorkspaceId = EmulatorScope.WorkspaceId,
            BaseUrl = emulator.Url(),
            ClientOptions = new ClientOptions { MaxRetries = 0 },
        });

    private static MessageCreateParams Hello() => new()
    {
        Model = "claude-sonnet-4-6",
        MaxTokens = 64,
        Messages = [new UserMessageParam("Hello")],
    };

    [Fact]
    public async Task An_emulator_that_does_not_record_still_authenticates_and_answers()
    {
        await using var emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = EmulatorScope.Region,
            WorkspaceId = EmulatorScope.WorkspaceId,
            AccessKeys = new Dictionary<string, string> { [EmulatorScope.AccessKeyId] = EmulatorScope.SecretAccessKey },
            RecordRequests = false,
        });
        using var client = SigV4Client(emulator);

        var message = await client.Messages.Create(Hello());
        using var wrongSecret = SigV4Client(emulator, secret: "not-the-secret");

        Assert.True(message.Content[0].TryPickText(out _));
        await Assert.ThrowsAsync<AnthropicForbiddenException>(() => wrongSecret.Messages.Create(Hello()));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task SigV4_mode_passes_the_emulator()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator);

        var message = await client.Messages.Create(Hello());

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(emulator.Options.ReplyText, text.Text);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(GatewayAuthKind.SigV4, recorded.Auth);
        Assert.Equal(EmulatorScope.AccessKeyId, recorded.AccessKeyId);
    }

    [Fact]
    public async Task SigV4_mode_signs_the_workspace_header()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator);

        await client.Messages.Create(Hello());

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal([EmulatorScope.WorkspaceId], recorded.HeaderValues("anthropic-workspace-id"));
        Assert.Contains("anthropic-workspace-id", recorded.SignedHeaders);
    }

    [Fact]
    public async Task SigV4_mode_with_a_session_token_passes_the_emulator()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator, sessionToken: "session-token-value");

        await client.Messages.Create(Hello());

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(200, recorded.StatusCode);
        Assert.Contains("x-amz-security-token", recorded.SignedHeaders);
    }

    [Fact]
    public async Task SigV4_mode_streams_server_sent_events()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator);

        var text = new System.Text.StringBuilder();
        await foreach (var streamEvent in client.Messages.CreateStreaming(Hello()))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text.Append(piece.Text);
            }
        }

        Assert.Equal(emulator.Options.ReplyText, text.ToString());
    }

    [Fact]
    public async Task SigV4_mode_counts_tokens()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator);

        var count = await client.Messages.CountTokens(new MessageCountTokensParams
        {
            Model = "claude-sonnet-4-6",
            Messages = [new UserMessageParam("Hello there, how are you?")],
        });

        Assert.True(count.InputTokens > 0);
        Assert.Equal("/v1/messages/count_tokens", Assert.Single(emulator.Requests).Path);
    }

    [Fact]
    public async Task SigV4_mode_lists_models()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator);

        var page = await client.Models.List();

        Assert.Contains(page.Items, m => m.ID == "claude-sonnet-4-6");
    }

    [Fact]
    public async Task Key_mode_passes_the_emulator_as_bearer()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = KeyClient(emulator);

        await client.Messages.Create(Hello());

        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal(GatewayAuthKind.BearerApiKey, recorded.Auth);
        Assert.Equal(200, recorded.StatusCode);
    }

    [Fact]
    public async Task Key_mode_is_rejected_by_a_gateway_that_only_accepts_x_api_key()
    {
        await using var emulator = await EmulatorScope.StartAsync(BearerApiKeyPolicy.Reject);
        using var client = KeyClient(emulator);

        var error = await Assert.ThrowsAsync<AnthropicUnauthorizedException>(() => client.Messages.Create(Hello()));

        Assert.Contains("x-api-key", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_is_rejected()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator, secret: "wrong-secret/000000000000000000000000000");

        var error = await Assert.ThrowsAsync<AnthropicForbiddenException>(() => client.Messages.Create(Hello()));

        Assert.Contains("signature", error.ResponseBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_region_is_rejected()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator, region: "us-west-2");

        var error = await Assert.ThrowsAsync<AnthropicForbiddenException>(() => client.Messages.Create(Hello()));

        Assert.Contains("region", error.ResponseBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SigV4_mode_restores_a_workspace_header_an_outer_handler_removed()
    {
        // Measured: the client's signing handler (innermost) re-adds anthropic-workspace-id when it is missing.
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = SigV4Client(emulator, handler: new RemoveHeaderHandler("anthropic-workspace-id"));

        await client.Messages.Create(Hello());

        Assert.Equal([EmulatorScope.WorkspaceId], Assert.Single(emulator.Requests).HeaderValues("anthropic-workspace-id"));
    }

    [Fact]
    public async Task Missing_workspace_header_is_rejected()
    {
        // SkipAuth is the official client's only mode without a workspace id; the key is added by hand.
        await using var emulator = await EmulatorScope.StartAsync();
        using var client = new AnthropicAwsClient(new AwsClientOptions
        {
            SkipAuth = true,
            AwsRegion = EmulatorScope.Region,
            BaseUrl = emulator.Url(),
            ClientOptions = new ClientOptions { MaxRetries = 0, Handlers = [new AddHeaderHandler("x-api-key", EmulatorScope.CpaApiKey)] },
        });

        var error = await Assert.ThrowsAsync<AnthropicBadRequestException>(() => client.Messages.Create(Hello()));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("anthropic-workspace-id", error.ResponseBody, StringComparison.Ordinal);
    }

    private sealed class AddHeaderHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Runs before the official client's signing step (ClientOptions.Handlers are outer to it).</summary>
    private sealed class RemoveHeaderHandler(string name) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(name);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
