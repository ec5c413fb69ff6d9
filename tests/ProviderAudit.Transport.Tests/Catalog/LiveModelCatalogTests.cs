using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Catalog;

/// <summary>
/// The live catalog against the gateway emulator: <c>/v1/models</c> asked through the official clients (signed or keyed,
/// with the workspace), every page followed, cached per scope with a time to live, a stale list when asking again
/// fails, and the static catalog with the reason when nothing else is there.
/// </summary>
public sealed class LiveModelCatalogTests : IDisposable
{
    private static readonly string[] FiveModels =
        ["claude-opus-5-5", "claude-opus-4-5-20251101", "claude-sonnet-4-6", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"];

    private readonly TemporaryDirectory _home = new("tx");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _home.Dispose();

    private static RequestClientOptions NoRetries => RequestClientOptions.Default with { MaxRetries = 0 };

    private static Task<CpaGatewayEmulator> Gateway(IReadOnlyList<string>? models = null, int? pageSize = null, bool firstParty = false) =>
        CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = EmulatorScope.Region,
            WorkspaceId = EmulatorScope.WorkspaceId,
            AccessKeys = new Dictionary<string, string> { [EmulatorScope.AccessKeyId] = EmulatorScope.SecretAccessKey },
            ApiKeys = [EmulatorScope.CpaApiKey, FirstPartyKey],
            Models = models ?? FiveModels,
            ModelPageSize = pageSize,
            RequireWorkspace = !firstParty,
        });

    private const string FirstPartyKey = "sk-ant-api03-emulatorfirstparty-0000";

    private TransportInputs Cpa(CpaGatewayEmulator emulator, params (string, string)[] extra) => new(TestEnvironment.Isolated(_home.Path,
    [
        ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId),
        ("AWS_REGION", EmulatorScope.Region),
        ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
        ("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId),
        ("AWS_SECRET_ACCESS_KEY", EmulatorScope.SecretAccessKey),
        .. extra,
    ]), null, File.Exists);

    private LiveModelCatalog Catalog(string? directory = null, int? pageSize = null) => new(new LiveModelCatalogOptions
    {
        Clock = _clock,
        TimeToLive = TimeSpan.FromMinutes(15),
        StaleLimit = TimeSpan.FromDays(1),
        PageSize = pageSize,
        CacheDirectory = directory,
    });

    [Fact]
    public async Task Claude_Platform_on_AWS_lists_its_models_signed_with_the_workspace_header()
    {
        await using var emulator = await Gateway();

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Live, models.Source);
        Assert.Equal(FiveModels, models.Models.Select(m => m.Id));
        var request = Assert.Single(emulator.ModelListRequests);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(GatewayAuthKind.SigV4, request.Auth);
        Assert.Equal([EmulatorScope.WorkspaceId], request.HeaderValues("anthropic-workspace-id"));
        Assert.Contains("anthropic-workspace-id", request.SignedHeaders);
    }

    [Fact]
    public async Task Claude_Platform_on_AWS_lists_with_its_API_key_as_it_sends_any_request()
    {
        await using var emulator = await Gateway();
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", emulator.Url()), ("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey)), null, File.Exists);

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, inputs, NoRetries);

        Assert.Equal(ModelListSource.Live, models.Source);
        Assert.Equal(GatewayAuthKind.ApiKey, Assert.Single(emulator.ModelListRequests).Auth);
    }

    [Fact]
    public async Task Every_page_is_followed()
    {
        await using var emulator = await Gateway(pageSize: 2);

        var models = await Catalog(pageSize: 2).GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(FiveModels, models.Models.Select(m => m.Id));
        Assert.Equal(3, emulator.ModelListRequests.Count);
        Assert.Equal(["", "claude-opus-4-5-20251101", "claude-sonnet-4-5-20250929"],
            emulator.ModelListRequests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)["after_id"] ?? ""));
    }

    [Fact]
    public async Task First_party_lists_its_models_with_its_key_and_no_workspace()
    {
        await using var emulator = await Gateway(firstParty: true);
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path, ("ANTHROPIC_API_KEY", FirstPartyKey), ("ANTHROPIC_BASE_URL", emulator.Url())), null, File.Exists);

        var models = await Catalog().GetAsync(RuntimeBackends.FirstParty, inputs, NoRetries);

        Assert.Equal(ModelListSource.Live, models.Source);
        var request = Assert.Single(emulator.ModelListRequests);
        Assert.Equal(GatewayAuthKind.ApiKey, request.Auth);
        Assert.False(request.HasHeader("anthropic-workspace-id"));
    }

    [Fact]
    public async Task Listing_through_the_hosts_request_client_resolves_credentials_once_for_it_and_the_message()
    {
        await using var emulator = await Gateway();
        var runs = Path.Combine(_home.Path, "credential-process-runs.log");
        var tool = _home.Executable("bin/creds", $$"""
            #!/bin/sh
            echo run >> "{{runs}}"
            echo '{"Version":1,"AccessKeyId":"{{EmulatorScope.AccessKeyId}}","SecretAccessKey":"{{EmulatorScope.SecretAccessKey}}"}'
            """);
        _home.File(".aws/config", $"[profile cc]\ncredential_process = {tool}\n");
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", emulator.Url()), ("AWS_PROFILE", "cc")), null, File.Exists);
        using var client = RuntimeBackends.ClaudePlatformAws.CreateRequestClient(inputs, NoRetries);

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, inputs, client);
        await client.SendAsync((c, ct) => c.Messages.Create(
            new Anthropic.Models.Messages.MessageCreateParams { Model = "claude-sonnet-4-6", MaxTokens = 16, Messages = [new Anthropic.Models.Messages.UserMessageParam("Hi")] }, ct));

        Assert.Equal(ModelListSource.Live, models.Source);
        Assert.Single(emulator.MessageRequests);
        Assert.Single(File.ReadAllLines(runs));
    }

    [Fact]
    public async Task A_sign_in_slower_than_the_listing_timeout_is_not_cut_short()
    {
        await using var emulator = await Gateway();
        _home.File(".aws/credentials", "[cc]\ncredential_process = expired-creds\n");
        var signIn = new SlowSignIn(Path.Combine(_home.Path, ".aws", "credentials"), TimeSpan.FromSeconds(2));
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region), ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
            ("AWS_PROFILE", "cc")), new HostSettings(awsAuthRefresh: "slow-sign-in"), File.Exists);
        var catalog = new LiveModelCatalog(new LiveModelCatalogOptions { Clock = _clock, Timeout = TimeSpan.FromSeconds(1) });

        var models = await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, inputs, NoRetries with { ProcessRunner = signIn });

        Assert.True(models.Source == ModelListSource.Live, models.Reason);
        Assert.Equal(1, signIn.SignIns);
    }

    // Plays the profile's credential_process (expired credentials until signed in) and an awsAuthRefresh that takes
    // `duration` (as a person signing in in a browser would) before writing keys the emulator accepts.
    private sealed class SlowSignIn(string credentialsFile, TimeSpan duration) : IProcessRunner
    {
        private int _signIns;

        public int SignIns => Volatile.Read(ref _signIns);

        public async Task<ProcessRunResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
        {
            if (command.CommandLine != "slow-sign-in")
            {
                return FakeProcessRunner.Ok("""{"Version":1,"AccessKeyId":"AKIAEXPIRED0000001","SecretAccessKey":"old","SessionToken":"t","Expiration":"2001-01-01T00:00:00Z"}""");
            }

            Interlocked.Increment(ref _signIns);
            await Task.Delay(duration, cancellationToken);
            await File.WriteAllTextAsync(credentialsFile,
                $"[cc]\naws_access_key_id = {EmulatorScope.AccessKeyId}\naws_secret_access_key = {EmulatorScope.SecretAccessKey}\n", cancellationToken);
            return FakeProcessRunner.Ok("Successfully signed in");
        }
    }

    [Fact]
    public async Task A_request_client_of_another_transport_is_refused()
    {
        await using var emulator = await Gateway(firstParty: true);
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path, ("ANTHROPIC_API_KEY", FirstPartyKey), ("ANTHROPIC_BASE_URL", emulator.Url())), null, File.Exists);
        using var firstParty = RuntimeBackends.FirstParty.CreateRequestClient(inputs, NoRetries);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), firstParty));

        Assert.Contains("Claude Platform on AWS", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.ModelListRequests);
    }

    [Fact]
    public async Task A_warm_cache_sends_no_request()
    {
        await using var emulator = await Gateway();
        var catalog = Catalog();
        await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);
        _clock.Now += TimeSpan.FromMinutes(14);

        var again = await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Cached, again.Source);
        Assert.Single(emulator.ModelListRequests);
    }

    [Fact]
    public async Task An_expired_list_is_asked_for_again_and_the_new_list_wins()
    {
        await using var emulator = await Gateway();
        var catalog = Catalog();
        await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);
        emulator.SetModels(["claude-sonnet-4-6"]);
        _clock.Now += TimeSpan.FromMinutes(16);

        var again = await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Live, again.Source);
        Assert.Equal(["claude-sonnet-4-6"], again.Models.Select(m => m.Id));
        Assert.Equal(2, emulator.ModelListRequests.Count);
    }

    [Fact]
    public async Task An_expired_list_stands_in_marked_stale_when_asking_again_is_refused()
    {
        await using var emulator = await Gateway();
        var catalog = Catalog();
        await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);
        emulator.Failure = GatewayFailure.IamDenied;
        _clock.Now += TimeSpan.FromHours(2);

        var stale = await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Stale, stale.Source);
        Assert.Equal(FiveModels, stale.Models.Select(m => m.Id));
        Assert.Contains("403", stale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_past_the_stale_limit_gives_way_to_the_static_catalog()
    {
        await using var emulator = await Gateway();
        var catalog = Catalog();
        await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);
        emulator.Failure = GatewayFailure.IamDenied;
        _clock.Now += TimeSpan.FromDays(2);

        var models = await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Static, models.Source);
    }

    [Theory]
    [InlineData(GatewayFailure.IamDenied, "403", "aws-external-anthropic")]
    [InlineData(GatewayFailure.TokenExpired, "401", "expired")]
    public async Task A_refusal_with_nothing_cached_gives_the_static_catalog_with_the_gateways_advice(GatewayFailure failure, string status, string advice)
    {
        await using var emulator = await Gateway();
        emulator.Failure = failure;

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Static, models.Source);
        Assert.Contains(status, models.Reason, StringComparison.Ordinal);
        Assert.Contains(advice, models.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(EmulatorScope.SecretAccessKey, models.Reason, StringComparison.Ordinal);
        Assert.Equal(ModelCatalog.Default.Models.Select(m => m.Id), models.Models.Select(m => m.Id));
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_gives_the_static_catalog_saying_so()
    {
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", "http://127.0.0.1:9"), ("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey)), null, File.Exists);

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, inputs, NoRetries);

        Assert.Equal(ModelListSource.Static, models.Source);
        Assert.Contains("could not reach", models.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorScope.CpaApiKey, models.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_are_cached_per_workspace()
    {
        await using var emulator = await Gateway();
        var catalog = Catalog();
        await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        var other = await catalog.GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator, ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_other")), NoRetries);

        // Not the first workspace's list: asked for, and this gateway does not serve that workspace.
        Assert.Equal(ModelListSource.Static, other.Source);
        Assert.Equal(2, emulator.ModelListRequests.Count);
        Assert.Contains("wrkspc_other", other.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_on_disk_serves_another_process_without_a_request()
    {
        await using var emulator = await Gateway();
        var directory = Path.Combine(_home.Path, "cache");
        await Catalog(directory).GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        var fromDisk = await Catalog(directory).GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Cached, fromDisk.Source);
        Assert.Equal(FiveModels, fromDisk.Models.Select(m => m.Id));
        Assert.Single(emulator.ModelListRequests);
        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.DoesNotContain(EmulatorScope.WorkspaceId, File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"Version":1,"Key":"someone else's","FetchedAt":"2026-12-06T12:00:00+00:00","Models":[{"Id":"claude-x"}]}""")]
    public async Task A_cache_file_that_is_not_ours_is_ignored_and_the_list_asked_for(string content)
    {
        await using var emulator = await Gateway();
        var directory = Path.Combine(_home.Path, "cache");
        await Catalog(directory).GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);
        File.WriteAllText(Assert.Single(Directory.GetFiles(directory)), content);

        var models = await Catalog(directory).GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal(ModelListSource.Live, models.Source);
        Assert.Equal(2, emulator.ModelListRequests.Count);
    }

    [Fact]
    public async Task A_backend_without_a_model_list_uses_the_static_catalog_and_says_why()
    {
        var catalog = Catalog();
        var inputs = new TransportInputs(TestEnvironment.Isolated(_home.Path, ("CLAUDE_CODE_USE_BEDROCK", "1"), ("AWS_REGION", "us-east-1")), null, File.Exists);

        var models = await catalog.GetAsync(RuntimeBackends.Bedrock, inputs, NoRetries);

        Assert.Equal(ModelListSource.Static, models.Source);
        Assert.Contains("/v1/models", models.Reason, StringComparison.Ordinal);
        Assert.Equal(0, catalog.Listings);
        Assert.All(models.Models, m => Assert.StartsWith("anthropic.", m.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_missing_from_the_workspace_is_unavailable_naming_what_is_offered()
    {
        await using var emulator = await Gateway(["claude-sonnet-4-6", "claude-haiku-4-5-20251001"]);

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        var opus = models.Availability("claude-opus-4-5");
        Assert.False(opus.Available);
        Assert.Contains(EmulatorScope.WorkspaceId, opus.Reason, StringComparison.Ordinal);
        Assert.Contains("claude-sonnet-4-6, claude-haiku-4-5-20251001", opus.Reason, StringComparison.Ordinal);
        Assert.False(models.IsAvailable(ModelCatalog.Default.Find("claude-opus-4-5")!));
        Assert.True(models.IsAvailable(ModelCatalog.Default.Find("claude-sonnet-4-6")!));
    }

    [Fact]
    public async Task An_alias_is_available_as_the_dated_id_the_backend_lists()
    {
        await using var emulator = await Gateway();

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.Equal("claude-haiku-4-5-20251001", models.Availability("claude-haiku-4-5").WireId);
    }

    [Fact]
    public async Task A_model_the_static_catalog_does_not_know_is_available_when_the_backend_lists_it()
    {
        await using var emulator = await Gateway(["claude-sonnet-9-9", "claude-sonnet-4-6"]);

        var models = await Catalog().GetAsync(RuntimeBackends.ClaudePlatformAws, Cpa(emulator), NoRetries);

        Assert.True(models.Availability("claude-sonnet-9-9").Available);
        Assert.Null(models.Models[0].CatalogModel);
    }
}
