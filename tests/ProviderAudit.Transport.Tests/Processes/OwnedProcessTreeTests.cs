using System.Diagnostics;
using ProviderAudit.Transport.Tests.ChildProcess;
using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>
/// Host commands run as owned process trees: a run cut short (deadline, cancellation, endless output) or the host's exit
/// kills every process the command started, including ones whose parent already left; a command that finishes keeps
/// what it started on purpose.
/// </summary>
/// <remarks>
/// Alone in its collection: <see cref="OwnedProcesses.Count"/> is process-wide, and a credential_process test of another
/// class running at the same moment would be counted as a tree this class failed to kill.
/// </remarks>
[Collection(OwnedProcessTreeCollection.Name)]
public sealed class OwnedProcessTreeTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("tx");

    public void Dispose() => _dir.Dispose();

    private string PidFile => Path.Combine(_dir.Path, "pids");

    private Dictionary<string, string> Env() => new() { ["PATH"] = "/usr/bin:/bin", ["PIDS"] = PidFile, ["READY_FILE"] = Path.Combine(_dir.Path, "ready") };

    // A tree three deep: the shell, a subshell that leaves an orphan behind (its parent exits), and a sleeping child.
    private const string HangingTree =
        "( sleep 300 & echo $! >> \"$PIDS\" ) ; sleep 300 & echo $! >> \"$PIDS\"; echo $$ >> \"$PIDS\"; touch \"$READY_FILE\"; wait";

    private IReadOnlyList<int> Pids() => File.ReadAllLines(PidFile).Where(l => l.Length > 0).Select(int.Parse).ToArray();

    private static bool Alive(int pid)
    {
        if (!File.Exists($"/proc/{pid}/stat"))
        {
            return false;
        }

        // A zombie is dead: it only waits to be reaped by its parent.
        return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";
    }

    private static async Task AssertAllGoneAsync(IReadOnlyList<int> pids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (pids.Any(Alive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.DoesNotContain(pids, Alive);
    }

    private async Task WaitForReadyAsync()
    {
        while (!File.Exists(Env()["READY_FILE"]))
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_deadline_kills_the_whole_tree_including_orphans()
    {

        var result = await new SystemProcessRunner().RunAsync(new ProcessCommand(HangingTree, Env(), TimeSpan.FromSeconds(1)));

        Assert.True(result.TimedOut);
        Assert.Equal(3, Pids().Count);
        await AssertAllGoneAsync(Pids());
    }

    [Fact]
    public async Task Cancellation_kills_the_whole_tree()
    {
        using var cancel = new CancellationTokenSource();

        var run = new SystemProcessRunner().RunAsync(new ProcessCommand(HangingTree, Env(), TimeSpan.FromMinutes(5)), cancel.Token);
        await WaitForReadyAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await AssertAllGoneAsync(Pids());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("cat /dev/zero")] // one line that never ends
    public async Task Endless_output_stops_the_command_instead_of_filling_memory(string command)
    {
        var result = await new SystemProcessRunner().RunAsync(new ProcessCommand(command, Env(), TimeSpan.FromMinutes(1)));

        Assert.True(result.OutputLimitExceeded);
        Assert.False(result.Succeeded);
        Assert.True(result.StandardOutput.Length <= SystemProcessRunner.OutputLimitBytes + SystemProcessRunner.MaxLineLength + 1);
        Assert.Equal(0, OwnedProcesses.Count);
    }

    [Fact]
    public async Task A_command_that_finishes_keeps_what_it_started_on_purpose()
    {

        // As `aws sso login` leaves a browser running.
        var result = await new SystemProcessRunner().RunAsync(new ProcessCommand(
            "sleep 30 >/dev/null 2>&1 & echo $! >> \"$PIDS\"; echo done", Env(), TimeSpan.FromMinutes(1)));

        Assert.True(result.Succeeded);
        var pid = Assert.Single(Pids());
        Assert.True(Alive(pid));
        Process.GetProcessById(pid).Kill();
    }

    [Theory]
    [InlineData("exit", null)]
    [InlineData("wait", "TERM")]
    [InlineData("wait", "INT")]
    [InlineData("wait", "HUP")]
    public async Task When_the_host_exits_the_trees_it_still_runs_are_killed(string how, string? signal)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", typeof(ChildProgram).Assembly.Location, ChildProgram.OwnedRunVerb, HangingTree, how })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Env())
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(DefaultStopSignals.For(start))!;
        Assert.Equal("started", await child.StandardOutput.ReadLineAsync());
        var pids = Pids();
        if (signal is not null)
        {
            using var kill = Process.Start("/bin/kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        Assert.True(
            await ProcessExit.WithinAsync(child, TimeSpan.FromSeconds(30)),
            $"the host still ran 30 s after {(signal is null ? "its command returned" : "SIG" + signal)}");

        await AssertAllGoneAsync(pids);
    }
}
