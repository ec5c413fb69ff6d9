using ProviderAudit.Transport.Tests.ChildProcess;
using ProviderAudit.Transport.Tests.Emulator;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// One awsAuthRefresh per machine: processes that find the same expired credentials at the same moment share one run
/// through the lock beside the AWS config, then re-read the credentials it wrote. Real child processes, real files.
/// </summary>
public sealed class MachineWideRefreshTests : IDisposable
{
    private const int Processes = 6;
    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    private string RunLog => Path.Combine(_home.Path, "refresh-runs.log");

    private Dictionary<string, string> ExpiredProfile()
    {
        var expired = _home.Executable("bin/expired-creds",
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAOLD00000000001\",\"SecretAccessKey\":\"old\",\"SessionToken\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}'\n");
        _home.File(".aws/credentials", $"[cc]\ncredential_process = {expired}\n");

        // `aws sso login` as a slow sign-in: it logs the run, takes a second, then writes fresh keys.
        _home.Executable("bin/aws", $"""
            #!/bin/sh
            echo "$$" >> "{RunLog}"
            sleep 1
            printf '[cc]\naws_access_key_id = {EmulatorScope.AccessKeyId}\naws_secret_access_key = {EmulatorScope.SecretAccessKey}\n' > "$HOME/.aws/credentials.tmp"
            mv "$HOME/.aws/credentials.tmp" "$HOME/.aws/credentials"
            """);
        return TestEnvironment.Isolated(_home.Path, ("PATH", $"{Path.Combine(_home.Path, "bin")}:/usr/bin:/bin"), ("AWS_PROFILE", "cc"), ("AWS_REGION", "us-west-2"),
            ("ANTHROPIC_AWS_WORKSPACE_ID", EmulatorScope.WorkspaceId));
    }

    [Fact]
    public async Task Processes_started_together_with_expired_credentials_run_awsAuthRefresh_once_and_all_become_ready()
    {
        var env = ExpiredProfile();

        var results = await Task.WhenAll(Enumerable.Range(0, Processes)
            .Select(_ => ChildProcessRunner.RunAsync(env, ChildProgram.RefreshStatusVerb, "aws sso login --profile cc")));

        Assert.All(results, r => Assert.True(r.Exit == 0, r.Output));
        Assert.Single(File.ReadAllLines(RunLog));
        Assert.True(File.Exists(Path.Combine(_home.Path, ".aws", AwsAuthRefreshLock.FileName)));
    }

    [Fact]
    public async Task A_process_whose_credentials_failed_after_the_last_refresh_runs_it_again()
    {
        var env = ExpiredProfile();
        var first = await ChildProcessRunner.RunAsync(env, ChildProgram.RefreshStatusVerb, "aws sso login --profile cc");

        // The keys expire again later: the next process must sign in again, not trust the old stamp.
        ExpiredProfile();
        var second = await ChildProcessRunner.RunAsync(env, ChildProgram.RefreshStatusVerb, "aws sso login --profile cc");

        Assert.True(first.Exit == 0, first.Output);
        Assert.True(second.Exit == 0, second.Output);
        Assert.Equal(2, File.ReadAllLines(RunLog).Length);
    }

    [Fact]
    public async Task A_process_waits_no_longer_than_its_bound_for_another_processes_refresh()
    {
        var lockPath = Path.Combine(_home.Path, ".aws", AwsAuthRefreshLock.FileName);
        using var held = await AwsAuthRefreshLock.AcquireAsync(lockPath, TimeSpan.Zero, CancellationToken.None);
        var coordinator = new AwsAuthRefreshCoordinator("true", TestEnvironment.Isolated(_home.Path), new SystemProcessRunner(), TimeSpan.FromSeconds(5),
            lockPath: lockPath, lockWait: TimeSpan.FromMilliseconds(300));

        var outcome = await coordinator.RefreshAsync(coordinator.Epoch);

        Assert.False(outcome.Succeeded);
        Assert.Contains("already running in another process", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, coordinator.Runs);
    }
}
