using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// A profile's credential_process runs as an owned process tree under the chain's deadline, and what it prints reaches
/// a person only through the scrubber; output AWS tools cannot use is named, not shown as .NET's exception text.
/// </summary>
public sealed class CredentialProcessTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private RuntimeStatus Status(string script, TimeSpan? deadline = null)
    {
        var tool = _home.Executable("bin/creds", "#!/bin/sh\n" + script + "\n");
        _home.File(".aws/config", $"[profile cc]\ncredential_process = {tool}\n");
        var env = TestEnvironment.Isolated(_home.Path, ("ANTHROPIC_AWS_WORKSPACE_ID", "wrkspc_01Test"), ("AWS_REGION", "us-west-2"), ("AWS_PROFILE", "cc"),
            ("PIDS", Path.Combine(_home.Path, "pids")));
        return RuntimeStatusEvaluator.Evaluate(env, HostSettings.Empty, LaunchTarget.ClaudeCode, new RuntimeStatusOptions
        {
            RequestTransportCheck = new RequestClientCheck(AwsBackendScope.Options(deadline ?? TimeSpan.FromSeconds(20))),
        });
    }

    [Fact]
    public void Tokens_a_failing_credential_process_prints_are_not_shown()
    {
        var status = Status("""
            echo "vault: permission denied for token hvs.CAESIJlWh3Kx9zQ2mN8pR4tY6uB1vC7xZ0aS5dF3gH2jK9lL" 1>&2
            echo "gh: bad credentials ghp_16C7e42F292c6912E7710c838347Ae178B4a" 1>&2
            echo "op: session 3vQ8mK2xN7pR4tY6uH9jL1wZ5cB0aS3dF8gE2hT6kM4nP7q expired" 1>&2
            exit 1
            """);

        Assert.False(status.Ready);
        Assert.Contains("credential_process", status.Message, StringComparison.Ordinal);
        Assert.Contains("failed with exit code 1", status.Message, StringComparison.Ordinal);
        Assert.Contains("vault: permission denied", status.Message, StringComparison.Ordinal);
        foreach (var token in new[] { "CAESIJlWh3Kx9zQ2", "16C7e42F292c6912", "3vQ8mK2xN7pR4tY6" })
        {
            Assert.DoesNotContain(token, status.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"Version": 2, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}""", "\"Version\" is 2")]
    [InlineData("""{"Version": "1", "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}""", "\"Version\" is a string")]
    [InlineData("""{"AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}""", "\"Version\" is missing")]
    [InlineData("""{"Version": 1, "SecretAccessKey": "s"}""", "\"AccessKeyId\" is missing")]
    [InlineData("""{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s", "Expiration": "tomorrow"}""", "\"Expiration\" is not an ISO 8601")]
    [InlineData("AccessKeyId=AKIAPROC", "its output is not JSON")]
    public void Output_AWS_tools_cannot_use_is_named_without_dotnet_exception_text(string output, string expected)
    {
        var status = Status($"cat <<'EOF'\n{output}\nEOF");

        Assert.False(status.Ready);
        Assert.Contains(expected, status.Message, StringComparison.Ordinal);
        Assert.Contains("credential_process of profile [cc]", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAPROC", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_credential_process_is_stopped_at_the_deadline_with_its_whole_tree()
    {
        var status = Status("""
            ( sleep 300 & echo $! >> "$PIDS" )
            sleep 300 & echo $! >> "$PIDS"
            echo $$ >> "$PIDS"
            wait
            """, TimeSpan.FromSeconds(2));

        Assert.False(status.Ready);
        Assert.Contains("did not finish within 2 s", status.Message, StringComparison.Ordinal);
        var pids = File.ReadAllLines(Path.Combine(_home.Path, "pids")).Select(int.Parse).ToArray();
        Assert.Equal(3, pids.Length);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (pids.Any(Alive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.DoesNotContain(pids, Alive);
    }

    [Fact]
    public void A_credential_process_that_never_stops_printing_is_stopped()
    {
        var status = Status("yes");

        Assert.False(status.Ready);
        Assert.Contains("printed more output than is read", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_process_gets_the_runtimes_environment_not_this_processes()
    {
        var status = Status("""
            [ -n "$PIDS" ] || exit 9
            echo '{"Version": 1, "AccessKeyId": "AKIAPROCENV00000001", "SecretAccessKey": "env-secret"}'
            """);

        Assert.True(status.Ready, status.Message);
    }

    private static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";
}
