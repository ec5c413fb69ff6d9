using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;
using ProviderHost;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary><c>ProviderHost ask</c> and <c>status --probe</c> end to end against the emulator.</summary>
public sealed class ProviderHostAgainstEmulatorTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Cpa(CpaGatewayEmulator emulator, params (string, string)[] extra) =>
        TestEnvironment.Isolated(_home.Path,
        [
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId),
            ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
            .. extra,
        ]);

    private static readonly (string, string)[] Keys =
        [("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId), ("AWS_SECRET_ACCESS_KEY", EmulatorScope.SecretAccessKey)];

    private static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ProviderHostCli.Run(args, env, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Ask_prints_the_answer()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, output, error) = Run(Cpa(emulator, Keys), "ask", "Hello there");

        Assert.True(exit == 0, error);
        Assert.Equal(emulator.Options.ReplyText + Environment.NewLine, output);
        Assert.Equal(GatewayAuthKind.SigV4, Assert.Single(emulator.Requests).Auth);
    }

    [Fact]
    public async Task Ask_stream_prints_the_streamed_answer()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, output, error) = Run(Cpa(emulator, Keys), "ask", "Hello there", "--stream");

        Assert.True(exit == 0, error);
        Assert.Equal(emulator.Options.ReplyText + Environment.NewLine, output);
        Assert.Contains("\"stream\":true", Assert.Single(emulator.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_sends_the_FirstParty_wire_id_for_a_catalog_alias()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, _, error) = Run(Cpa(emulator, Keys), "ask", "Hi", "--model", "claude-opus-4-5");

        Assert.True(exit == 0, error);
        Assert.Contains("\"model\":\"claude-opus-4-5-20251101\"", Assert.Single(emulator.Requests).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@team what changed?", "ask", "@team what changed?")]
    [InlineData("-v means verbose?", "ask", "--", "-v means verbose?")]
    public async Task Ask_sends_the_prompt_as_written(string prompt, params string[] args)
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, _, error) = Run(Cpa(emulator, Keys), args);

        Assert.True(exit == 0, error);
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(prompt), Assert.Single(emulator.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_rejects_a_Bedrock_model_id_for_Claude_Platform_on_AWS()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, _, error) = Run(Cpa(emulator, Keys), "ask", "Hi", "--model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0");

        Assert.Equal(2, exit);
        Assert.Contains("--model", error, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Ask_carries_no_FirstParty_credential_from_the_environment()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, _, error) = Run(Cpa(emulator, [.. Keys, .. TestEnvironment.FirstPartyCredentials]), "ask", "Hi");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain(Assert.Single(emulator.Requests).Headers, h => h.Value.Contains("sk-ant-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_with_the_CPA_key_sends_x_api_key()
    {
        await using var emulator = await EmulatorScope.StartAsync(BearerApiKeyPolicy.Reject);

        var (exit, _, error) = Run(Cpa(emulator, ("ANTHROPIC_AWS_API_KEY", EmulatorScope.CpaApiKey)), "ask", "Hi");

        Assert.True(exit == 0, error);
        Assert.Equal(GatewayAuthKind.ApiKey, Assert.Single(emulator.Requests).Auth);
    }

    [Fact]
    public async Task Ask_refused_by_the_gateway_exits_not_ready_with_advice()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        emulator.Failure = GatewayFailure.FederationDisabled;

        var (exit, output, error) = Run(Cpa(emulator, Keys), "ask", "Hi");

        Assert.Equal(3, exit);
        Assert.Equal("", output);
        Assert.Contains("aws iam enable-outbound-web-identity-federation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_probe_exits_zero_when_the_gateway_answers()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, _, error) = Run(Cpa(emulator, Keys), "status", "--probe");

        Assert.True(exit == 0, error);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task Status_probe_exits_not_ready_with_advice_for_wrong_credentials()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, output, _) = Run(Cpa(emulator, ("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId), ("AWS_SECRET_ACCESS_KEY", "wrong-secret-00000000000000000000000000")),
            "status", "--probe", "--json");

        Assert.Equal(3, exit);
        Assert.Contains("does not match", output, StringComparison.Ordinal);
        Assert.Contains("AWS_SECRET_ACCESS_KEY", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_refused_for_missing_IAM_permission_names_the_actions()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        emulator.Failure = GatewayFailure.IamDenied;

        var (exit, _, error) = Run(Cpa(emulator, Keys), "ask", "Hi");

        Assert.Equal(3, exit);
        Assert.Contains("aws-external-anthropic:*", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_probe_sends_nothing()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (exit, _, error) = Run(Cpa(emulator, Keys), "status");

        Assert.True(exit == 0, error);
        Assert.Empty(emulator.Requests);
    }
}
