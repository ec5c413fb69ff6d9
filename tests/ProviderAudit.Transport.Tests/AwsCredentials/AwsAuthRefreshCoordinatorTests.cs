using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

public sealed class AwsAuthRefreshCoordinatorTests
{
    private static AwsAuthRefreshCoordinator Coordinator(IProcessRunner runner, IReadOnlyDictionary<string, string>? env = null, Action<string>? output = null, TimeSpan? timeout = null) =>
        new("aws sso login --profile cc", env ?? new Dictionary<string, string>(), runner, timeout ?? TimeSpan.FromSeconds(30), output);

    [Fact]
    public async Task FiftyConcurrentCallersShareOneRun()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok()) { HoldAtGate = true };
        var coordinator = Coordinator(runner);

        var callers = Enumerable.Range(0, 50).Select(_ => coordinator.RefreshAsync(coordinator.Epoch)).ToList();
        runner.Gate.SetResult();
        var outcomes = await Task.WhenAll(callers);

        Assert.Equal(1, runner.Runs);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
    }

    [Fact]
    public async Task ACallerWhoseFailurePredatesAFinishedRunDoesNotRunItAgain()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok());
        var coordinator = Coordinator(runner);
        var observed = coordinator.Epoch;

        await coordinator.RefreshAsync(observed);
        var late = await coordinator.RefreshAsync(observed);

        Assert.Equal(1, runner.Runs);
        Assert.True(late.Succeeded);
    }

    [Fact]
    public async Task ANewFailureAfterARunStartsAnotherRun()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok());
        var coordinator = Coordinator(runner);

        await coordinator.RefreshAsync(coordinator.Epoch);
        await coordinator.RefreshAsync(coordinator.Epoch);

        Assert.Equal(2, runner.Runs);
    }

    [Fact]
    public async Task RefreshedIsRaisedOnSuccessOnly()
    {
        var raised = 0;
        var failing = Coordinator(new FakeProcessRunner(_ => new ProcessRunResult(1, false, "", [])));
        failing.Refreshed += () => raised++;

        await failing.RefreshAsync(failing.Epoch);

        Assert.Equal(0, raised);
    }

    [Fact]
    public async Task FailureMessageHasTheExitCodeAndRedactedTail()
    {
        var env = new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
        var runner = new FakeProcessRunner(_ => new ProcessRunResult(255, false, "",
            ["starting", "using wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token sk-ant-oat01-abcdefghijklmnop", "Error: SSO session expired"]));

        var outcome = await Coordinator(runner, env).RefreshAsync(0);

        Assert.False(outcome.Succeeded);
        Assert.Contains("exit code 255", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("SSO session expired", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("aws sso login --profile cc", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnop", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputLinesReachTheCallbackRedacted()
    {
        var lines = new List<string>();
        var env = new Dictionary<string, string> { ["AWS_SESSION_TOKEN"] = "session-token-value-123" };
        var runner = new FakeProcessRunner(c =>
        {
            c.OnOutputLine!("Opening browser");
            c.OnOutputLine!("token session-token-value-123");
            return FakeProcessRunner.Ok();
        });

        await Coordinator(runner, env, lines.Add).RefreshAsync(0);

        Assert.Equal(["Opening browser", "token ses…-123"], lines);
    }

    [Fact]
    public async Task ACommandThatHangsIsStoppedAndReportedAsTimedOut()
    {
        var coordinator = new AwsAuthRefreshCoordinator("echo waiting; sleep 30", new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            new SystemProcessRunner(), TimeSpan.FromMilliseconds(500));

        var outcome = await coordinator.RefreshAsync(0);

        Assert.False(outcome.Succeeded);
        Assert.Contains("did not finish", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("waiting", outcome.Message, StringComparison.Ordinal);
    }
}
