using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

public sealed class AwsAuthRefreshCoordinatorTests
{
    private static AwsAuthRefreshCoordinator Coordinator(IProcessRunner runner, IReadOnlyDictionary<string, string>? env = null, Action<string>? output = null, TimeSpan? timeout = null) =>
        new("aws sso login --profile cc", env ?? new Dictionary<string, string>(), runner, timeout ?? TimeSpan.FromSeconds(30), output);

    [Fact]
    public async Task Fifty_concurrent_callers_share_one_run()
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
    public async Task A_caller_whose_failure_predates_a_finished_run_does_not_run_it_again()
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
    public async Task A_new_failure_after_a_run_starts_another_run()
    {
        var runner = new FakeProcessRunner(_ => FakeProcessRunner.Ok());
        var coordinator = Coordinator(runner);

        await coordinator.RefreshAsync(coordinator.Epoch);
        await coordinator.RefreshAsync(coordinator.Epoch);

        Assert.Equal(2, runner.Runs);
    }

    [Fact]
    public async Task Refreshed_is_raised_on_success_only()
    {
        var raised = 0;
        var failing = Coordinator(new FakeProcessRunner(_ => new ProcessRunResult(1, false, "", [])));
        failing.Refreshed += () => raised++;

        await failing.RefreshAsync(failing.Epoch);

        Assert.Equal(0, raised);
    }

    [Fact]
    public async Task Failure_message_has_the_exit_code_and_redacted_tail()
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
    public async Task Output_lines_reach_the_callback_redacted()
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
    public async Task A_command_that_hangs_is_stopped_and_reported_as_timed_out()
    {
        var coordinator = new AwsAuthRefreshCoordinator("echo waiting; sleep 30", new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            new SystemProcessRunner(), TimeSpan.FromMilliseconds(500));

        var outcome = await coordinator.RefreshAsync(0);

        Assert.False(outcome.Succeeded);
        Assert.Contains("did not finish", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("waiting", outcome.Message, StringComparison.Ordinal);
    }
}
