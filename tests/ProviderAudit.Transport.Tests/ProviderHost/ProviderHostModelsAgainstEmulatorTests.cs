using System.Text.Json;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;
using ProviderHost;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// <c>ProviderHost models</c>, <c>ask</c> and <c>status</c> with a live catalog cached on disk (as Program.cs runs them),
/// against the emulator.
/// </summary>
public sealed class ProviderHostModelsAgainstEmulatorTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Cpa(CpaGatewayEmulator emulator, params (string, string)[] extra) =>
        TestEnvironment.Isolated(_home.Path,
        [
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId),
            ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
            ("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId),
            ("AWS_SECRET_ACCESS_KEY", EmulatorScope.SecretAccessKey),
            .. extra,
        ]);

    // A new process each time, as from a shell: only the disk cache carries over.
    private static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var options = new RuntimeStatusOptions
        {
            Models = new LiveModelCatalog(new LiveModelCatalogOptions { CacheDirectory = LiveModelCatalog.DefaultCacheDirectory(env) }),
        };
        var exit = ProviderHostCli.Run(args, env, stdout, stderr, statusOptions: options);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Task<CpaGatewayEmulator> Gateway(params string[] models) =>
        CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = EmulatorScope.Region,
            WorkspaceId = EmulatorScope.WorkspaceId,
            AccessKeys = new Dictionary<string, string> { [EmulatorScope.AccessKeyId] = EmulatorScope.SecretAccessKey },
            Models = models.Length > 0 ? models : ["claude-opus-5-5", "claude-sonnet-4-6", "claude-haiku-4-5-20251001"],
            ModelPageSize = 2,
        });

    [Fact]
    public async Task Models_shows_the_live_list_and_what_the_workspace_does_not_offer()
    {
        await using var emulator = await Gateway();

        var (exit, output, error) = Run(Cpa(emulator), "models");

        Assert.True(exit == 0, error);
        Assert.Contains("Models:  live from Claude Platform on AWS's /v1/models (workspace " + EmulatorScope.WorkspaceId, output, StringComparison.Ordinal);
        Assert.Contains("\nclaude-opus-5-5  ", output, StringComparison.Ordinal);
        Assert.Contains("Not offered here (in the static catalog, not in Claude Platform on AWS's list): claude-opus-4-5-20251101", output, StringComparison.Ordinal);
        Assert.Equal(2, emulator.ModelListRequests.Count);
    }

    [Fact]
    public async Task Models_json_has_the_documented_shape()
    {
        await using var emulator = await Gateway();

        var (exit, output, error) = Run(Cpa(emulator, ("ANTHROPIC_MODEL", "us.anthropic.claude-sonnet-4-6")), "models", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("claude-platform-aws", root.GetProperty("backend").GetString());
        Assert.Equal("live", root.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reason").ValueKind);
        Assert.Equal(["claude-opus-5-5", "claude-sonnet-4-6", "claude-haiku-4-5-20251001"],
            root.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("wireId").GetString()));
        Assert.Contains("claude-opus-4-5-20251101", root.GetProperty("notOffered").EnumerateArray().Select(e => e.GetString()));
        var pin = Assert.Single(root.GetProperty("pins").EnumerateArray());
        Assert.Equal("ANTHROPIC_MODEL", pin.GetProperty("source").GetString());
        Assert.Equal("OtherFormat", pin.GetProperty("verdict").GetString());
        Assert.Equal("claude-sonnet-4-6", pin.GetProperty("useInstead").GetString());
    }

    [Fact]
    public async Task Ask_for_a_model_the_workspace_does_not_offer_fails_before_sending_naming_what_it_offers()
    {
        await using var emulator = await Gateway("claude-sonnet-4-6", "claude-haiku-4-5-20251001");

        var (exit, output, error) = Run(Cpa(emulator), "ask", "Hi", "--model", "claude-opus-5-5");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--model claude-opus-5-5 is not available", error, StringComparison.Ordinal);
        Assert.Contains("claude-sonnet-4-6, claude-haiku-4-5-20251001", error, StringComparison.Ordinal);
        Assert.Empty(emulator.MessageRequests);
    }

    [Fact]
    public async Task Ask_with_a_warm_cache_sends_only_the_message()
    {
        await using var emulator = await Gateway();
        var env = Cpa(emulator);
        Assert.Equal(0, Run(env, "ask", "Hi").Exit);
        var listingsAfterFirst = emulator.ModelListRequests.Count;

        var (exit, _, error) = Run(env, "ask", "Hi again");

        Assert.True(exit == 0, error);
        Assert.Equal(2, listingsAfterFirst);
        Assert.Equal(listingsAfterFirst, emulator.ModelListRequests.Count);
        Assert.Equal(2, emulator.MessageRequests.Count);
    }

    [Fact]
    public async Task A_cold_ask_resolves_credentials_once_for_the_listing_and_the_message()
    {
        await using var emulator = await Gateway();
        var runs = Path.Combine(_home.Path, "credential-process-runs.log");
        var tool = _home.Executable("bin/creds", $$"""
            #!/bin/sh
            echo run >> "{{runs}}"
            echo '{"Version":1,"AccessKeyId":"{{EmulatorScope.AccessKeyId}}","SecretAccessKey":"{{EmulatorScope.SecretAccessKey}}"}'
            """);
        _home.File(".aws/config", $"[profile cc]\ncredential_process = {tool}\n");
        var env = TestEnvironment.Isolated(_home.Path,
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId), ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", emulator.Url()), ("AWS_PROFILE", "cc"));

        var (exit, _, error) = Run(env, "ask", "Hi");

        Assert.True(exit == 0, error);
        Assert.Equal(2, emulator.ModelListRequests.Count);
        Assert.Single(emulator.MessageRequests);
        Assert.Single(File.ReadAllLines(runs));
    }

    [Fact]
    public async Task Ask_sends_when_listing_is_refused_and_the_static_catalog_knows_the_model()
    {
        await using var emulator = await Gateway();
        emulator.Failure = GatewayFailure.IamDenied;

        var (exit, _, error) = Run(Cpa(emulator), "ask", "Hi");

        // The refusal is the message's to report (with its advice); the list only fell back to the static catalog.
        Assert.Equal(3, exit);
        Assert.Single(emulator.MessageRequests);
        Assert.Contains("aws-external-anthropic", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_every_pin_against_the_cached_list_and_the_account_features_CPA_lacks()
    {
        await using var emulator = await Gateway("claude-sonnet-4-6", "claude-haiku-4-5-20251001");
        var env = Cpa(emulator,
            ("ANTHROPIC_MODEL", "opus"),
            ("ANTHROPIC_DEFAULT_OPUS_MODEL", "claude-opus-4-5-20251101"),
            ("ANTHROPIC_DEFAULT_HAIKU_MODEL", "anthropic.claude-haiku-4-5-20251001-v1:0"),
            ("CLAUDE_CODE_SUBAGENT_MODEL", "claude-sonnet-4-6"));
        Assert.Equal(0, Run(env, "models").Exit);
        var requestsBeforeStatus = emulator.Requests.Count;

        var (exit, output, error) = Run(env, "status", "--json");

        Assert.True(exit == 0, error);
        Assert.Equal(requestsBeforeStatus, emulator.Requests.Count);
        using var json = JsonDocument.Parse(output);
        var pins = json.RootElement.GetProperty("pins").EnumerateArray().ToDictionary(p => p.GetProperty("source").GetString()!, p => p.GetProperty("verdict").GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["ANTHROPIC_MODEL"] = "Alias",
            ["ANTHROPIC_DEFAULT_OPUS_MODEL"] = "Unavailable",
            ["ANTHROPIC_DEFAULT_HAIKU_MODEL"] = "OtherFormat",
            ["CLAUDE_CODE_SUBAGENT_MODEL"] = "Ok",
        }, pins);
        Assert.Equal(
            ["claude.ai sign-in: not available on Claude Platform on AWS (first-party transport only)",
             "settings sync: not available on Claude Platform on AWS (first-party transport only)",
             "Admin API: not available on Claude Platform on AWS (first-party transport only)"],
            json.RootElement.GetProperty("unavailableFeatures").EnumerateArray().Select(e => e.GetString()));
    }
}
