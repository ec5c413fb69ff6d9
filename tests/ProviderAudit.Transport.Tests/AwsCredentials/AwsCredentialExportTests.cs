using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

public sealed class AwsCredentialExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private const string Nested = """{"Credentials":{"AccessKeyId":"AKIAEXPORT00000001","SecretAccessKey":"export-secret-value","SessionToken":"export-token","Expiration":"2026-11-26T13:00:00Z"}}""";

    private static AwsCredentialExportSource Source(FakeProcessRunner runner, ManualClock clock) =>
        new("print-creds", new Dictionary<string, string>(), runner, clock);

    [Fact]
    public void Nested_shape_is_parsed()
    {
        var credentials = AwsCredentialExportParser.Parse(Nested);

        Assert.Equal("AKIAEXPORT00000001", credentials.AccessKeyId);
        Assert.Equal("export-token", credentials.SessionToken);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero), credentials.Expiration);
    }

    [Fact]
    public void Flat_export_credentials_process_shape_is_parsed()
    {
        var credentials = AwsCredentialExportParser.Parse(
            """{"Version":1,"AccessKeyId":"AKIAFLAT0000000001","SecretAccessKey":"flat-secret","SessionToken":"flat-token","Expiration":"2026-11-26T13:00:00+00:00"}""");

        Assert.Equal("AKIAFLAT0000000001", credentials.AccessKeyId);
        Assert.Equal("flat-secret", credentials.SecretAccessKey);
    }

    [Theory]
    [InlineData("not json at all, secret-abc123456")]
    [InlineData("""{"Credentials":{"AccessKeyId":"AKIA1","SessionToken":"secret-abc123456"}}""")]
    [InlineData("""{"Credentials":{"AccessKeyId":1,"SecretAccessKey":"secret-abc123456"}}""")]
    [InlineData("""{"Credentials":{"AccessKeyId":"AKIA1","SecretAccessKey":"secret-abc123456","Expiration":"tomorrow"}}""")]
    [InlineData("[]")]
    public void Malformed_output_is_a_clear_error_without_the_output(string output)
    {
        var error = Assert.Throws<AwsCredentialException>(() => AwsCredentialExportParser.Parse(output));

        Assert.Equal("awsCredentialExport", error.Setting);
        Assert.Contains("AccessKeyId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-abc123456", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_is_cached_until_five_minutes_before_expiration()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok(Nested));
        var clock = new ManualClock(Now);
        var source = Source(runner, clock);

        await source.GetAsync();
        clock.Now = new DateTimeOffset(2026, 11, 26, 12, 54, 0, TimeSpan.Zero);
        await source.GetAsync();

        Assert.Equal(1, runner.Runs);
    }

    [Fact]
    public async Task Export_runs_again_within_five_minutes_of_expiration()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok(Nested));
        var clock = new ManualClock(Now);
        var source = Source(runner, clock);

        await source.GetAsync();
        clock.Now = new DateTimeOffset(2026, 11, 26, 12, 55, 1, TimeSpan.Zero);
        await Assert.ThrowsAsync<AwsCredentialException>(() => source.GetAsync());

        Assert.Equal(2, runner.Runs);
    }

    [Fact]
    public async Task Failing_export_names_the_exit_code_and_hides_its_output()
    {
        var runner = new FakeProcessRunner(_ => new ProcessRunResult(3, false, "secret-in-stdout-123456", ["secret-in-stdout-123456"]));
        var source = Source(runner, new ManualClock(Now));

        var error = await Assert.ThrowsAsync<AwsCredentialException>(() => source.GetAsync());

        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-stdout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_runs_without_an_output_callback()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok(Nested));

        await Source(runner, new ManualClock(Now)).GetAsync();

        Assert.Null(Assert.Single(runner.Commands).OnOutputLine);
    }

    [Fact]
    public async Task Export_is_preferred_over_environment_keys_and_profiles()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok(Nested));
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAENV000000000001", ["AWS_SECRET_ACCESS_KEY"] = "s", ["AWS_PROFILE"] = "cc" };
        var chain = new AwsCredentialChain(env, new HostSettings(awsCredentialExport: "print-creds"), new() { ProcessRunner = runner, Clock = new ManualClock(Now) });

        var credentials = await chain.ResolveAsync();

        Assert.Equal("AKIAEXPORT00000001", credentials.AccessKeyId);
        Assert.Equal(AwsCredentialSourceKind.CredentialExportCommand, chain.Describe().Source!.Kind);
    }
}
