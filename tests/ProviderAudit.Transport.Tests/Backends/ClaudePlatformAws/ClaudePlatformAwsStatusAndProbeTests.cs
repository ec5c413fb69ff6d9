using ProviderAudit.GatewayEmulator;
using ProviderAudit.Runtime;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>CPA status through the real request check, and <c>status --probe</c> against the emulator.</summary>
public sealed class ClaudePlatformAwsStatusAndProbeTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Cpa(CpaGatewayEmulator emulator, params (string, string)[] extra) =>
        TestEnvironment.Isolated(_home.Path,
        [
            ("CLAUDE_CODE_USE_ANTHROPIC_AWS", "1"),
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId),
            ("AWS_REGION", EmulatorScope.Region),
            ("ANTHROPIC_AWS_BASE_URL", emulator.Url()),
            .. extra,
        ]);

    private static (string, string)[] Keys(string secret = EmulatorScope.SecretAccessKey) =>
        [("AWS_ACCESS_KEY_ID", EmulatorScope.AccessKeyId), ("AWS_SECRET_ACCESS_KEY", secret)];

    private static RuntimeStatus Status(IReadOnlyDictionary<string, string> env, bool probe = false, HostSettings? settings = null) =>
        RuntimeStatusEvaluator.Evaluate(env, settings ?? HostSettings.Empty, LaunchTarget.ClaudeCode, new RuntimeStatusOptions
        {
            FileExists = File.Exists,
            RequestTransportCheck = new RequestClientCheck(new RequestClientOptions { MaxRetries = 0 }, probe),
        });

    [Fact]
    public async Task Valid_inputs_with_resolvable_credentials_are_ready_without_sending_a_request()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var status = Status(Cpa(emulator, Keys()));

        Assert.True(status.Ready, status.Message);
        Assert.Same(RuntimeBackends.ClaudePlatformAws, status.Backend);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Invalid_region_is_not_ready_and_nothing_is_sent()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        var env = Cpa(emulator, Keys());
        env["AWS_REGION"] = "us-east-1.evil.com";
        env.Remove("ANTHROPIC_AWS_BASE_URL");

        var status = Status(env, probe: true);

        Assert.False(status.Ready);
        Assert.Contains("AWS_REGION", status.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Credentials_that_do_not_resolve_are_not_ready()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var status = Status(Cpa(emulator, ("AWS_PROFILE", "missing")));

        Assert.False(status.Ready);
        Assert.Contains("AWS_PROFILE=\"missing\"", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(status.Actions, a => a.Contains("Connect Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe_with_valid_credentials_is_ready_and_sends_one_FirstParty_model_request()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var status = Status(Cpa(emulator, Keys()), probe: true);

        Assert.True(status.Ready, status.Message);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal("/v1/messages/count_tokens", recorded.Path);
        Assert.Contains("\"model\":\"claude-opus-4-5-20251101\"", recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_with_a_wrong_secret_is_not_ready_naming_the_credential_source_not_IAM()
    {
        // A wrong secret is a signature mismatch (403): the fix is the keys' source, not an IAM policy (issue 16).
        await using var emulator = await EmulatorScope.StartAsync();

        var status = Status(Cpa(emulator, Keys("wrong-secret-000000000000000000000000000")), probe: true);

        Assert.False(status.Ready);
        Assert.Contains("403", status.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", status.Message, StringComparison.Ordinal);
        Assert.Contains("(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-external-anthropic:*", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Probe_with_an_unknown_key_id_names_the_credential_source(bool awsErrorShape)
    {
        await using var emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = EmulatorScope.Region, WorkspaceId = EmulatorScope.WorkspaceId, AwsErrorShape = awsErrorShape,
            AccessKeys = new Dictionary<string, string> { ["AKIASOMEONEELSE0001"] = "s" },
        });

        var status = Status(Cpa(emulator, Keys()), probe: true);

        Assert.False(status.Ready);
        Assert.Contains("does not know the access key id", status.Message, StringComparison.Ordinal);
        Assert.Contains("(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GatewayFailure.SignatureMismatch, false, "does not match")]
    [InlineData(GatewayFailure.SignatureMismatch, true, "does not match")]
    [InlineData(GatewayFailure.UnknownAccessKey, false, "does not know the access key id")]
    [InlineData(GatewayFailure.UnknownAccessKey, true, "does not know the access key id")]
    [InlineData(GatewayFailure.ClockSkew, true, "clock")]
    [InlineData(GatewayFailure.IamDenied, false, "lack IAM permission for the `aws-external-anthropic:*` actions")]
    [InlineData(GatewayFailure.IamDenied, true, "lack IAM permission for the `aws-external-anthropic:*` actions")]
    [InlineData(GatewayFailure.TokenExpired, true, "have expired")]
    public async Task Each_gateway_refusal_is_explained_by_what_the_gateway_said(GatewayFailure failure, bool awsErrorShape, string advice)
    {
        await using var emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = EmulatorScope.Region, WorkspaceId = EmulatorScope.WorkspaceId, AwsErrorShape = awsErrorShape,
            AccessKeys = new Dictionary<string, string> { [EmulatorScope.AccessKeyId] = EmulatorScope.SecretAccessKey },
        });
        emulator.Failure = failure;

        var status = Status(Cpa(emulator, Keys()), probe: true);

        Assert.False(status.Ready);
        Assert.Contains(advice, status.Message, StringComparison.Ordinal);
        Assert.Equal(failure is GatewayFailure.TokenExpired ? 401 : 403, emulator.Requests[0].StatusCode);
    }

    [Fact]
    public async Task Probe_signed_for_another_region_advises_AWS_REGION()
    {
        await using var emulator = await EmulatorScope.StartAsync(region: "eu-central-1");

        var status = Status(Cpa(emulator, Keys()), probe: true);

        Assert.False(status.Ready);
        Assert.Contains("set AWS_REGION to the workspace's region", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_against_disabled_federation_advises_enabling_it()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        emulator.Failure = GatewayFailure.FederationDisabled;

        var status = Status(Cpa(emulator, Keys()), probe: true);

        Assert.False(status.Ready);
        Assert.Contains("Run `aws iam enable-outbound-web-identity-federation`", status.Actions);
    }

    [Fact]
    public async Task Probe_denied_by_IAM_names_the_actions()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        emulator.Failure = GatewayFailure.IamDenied;

        var status = Status(Cpa(emulator, Keys()), probe: true);

        Assert.False(status.Ready);
        Assert.Contains("IAM permission", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_with_a_stale_CPA_key_advises_a_new_key()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var status = Status(Cpa(emulator, ("ANTHROPIC_AWS_API_KEY", "aws-cpa-revoked-key-000000")), probe: true);

        Assert.False(status.Ready);
        Assert.Contains("ANTHROPIC_AWS_API_KEY is stale", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-cpa-revoked-key-000000", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_with_expired_credentials_advises_the_refresh_command()
    {
        _home.Executable("bin/aws", "#!/bin/sh\necho \"$*\" >> \"$HOME/refresh-runs.log\"\n");
        await using var emulator = await EmulatorScope.StartAsync();
        emulator.Failure = GatewayFailure.TokenExpired;
        var env = Cpa(emulator, [.. Keys(), ("PATH", $"{Path.Combine(_home.Path, "bin")}:/usr/bin:/bin")]);

        var status = Status(env, probe: true, new HostSettings(awsAuthRefresh: "aws sso login --profile cc"));

        Assert.False(status.Ready);
        Assert.Contains("expired", status.Message, StringComparison.Ordinal);
        Assert.Contains("Run `aws sso login --profile cc`", status.Actions);
        Assert.Single(File.ReadAllLines(Path.Combine(_home.Path, "refresh-runs.log")));
    }

    [Fact]
    public async Task Missing_credentials_run_the_refresh_command_at_status_time()
    {
        _home.Executable("bin/aws", $"#!/bin/sh\nmkdir -p \"$HOME/.aws\"\nprintf '[cc]\\naws_access_key_id = {EmulatorScope.AccessKeyId}\\naws_secret_access_key = {EmulatorScope.SecretAccessKey}\\n' > \"$HOME/.aws/credentials\"\n");
        var expired = _home.Executable("bin/expired",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAOLD00000000001\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}'\n");
        _home.File(".aws/credentials", $"[cc]\ncredential_process = {expired}\n");
        await using var emulator = await EmulatorScope.StartAsync();
        var env = Cpa(emulator, ("AWS_PROFILE", "cc"), ("PATH", $"{Path.Combine(_home.Path, "bin")}:/usr/bin:/bin"));

        var status = Status(env, probe: true, new HostSettings(awsAuthRefresh: "aws sso login --profile cc"));

        Assert.True(status.Ready, status.Message);
        Assert.Equal(EmulatorScope.AccessKeyId, Assert.Single(emulator.Requests).AccessKeyId);
    }
}
