using System.Diagnostics;
using System.Globalization;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Transport.Tests.ChildProcess;

namespace ProviderAudit.Transport.Tests.Emulator;

/// <summary>
/// The emulator run by hand or under <c>timeout</c> ends on SIGTERM and Ctrl+C, and a process hosting a loopback server
/// (a test run) keeps the default answer to SIGTERM: the server's host does not take the process's signals.
/// </summary>
public sealed class StopSignalsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static Process Start(params string[] arguments)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(DefaultStopSignals.For(start))!;
    }

    private static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("/bin/kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task The_emulator_process_exits_promptly_on_a_stop_signal(string signal)
    {
        using var emulator = Start("exec", typeof(CpaGatewayEmulator).Assembly.Location, "--port", "0", "--access-key-id", "AKID", "--secret", "S");
        Assert.StartsWith("CPA gateway emulator listening on", await emulator.StandardOutput.ReadLineAsync(), StringComparison.Ordinal);
        while (await emulator.StandardOutput.ReadLineAsync() is { } line && line != "Press Ctrl+C to stop.")
        {
        }

        await SignalAsync(emulator, signal);

        Assert.True(await ProcessExit.WithinAsync(emulator, Bound), $"the emulator still ran {Bound.TotalSeconds} s after SIG{signal}");
        Assert.Equal(0, emulator.ExitCode);
    }

    [Fact]
    public async Task A_process_hosting_a_loopback_server_still_ends_on_SIGTERM()
    {
        using var child = Start("exec", typeof(ChildProgram).Assembly.Location, ChildProgram.LoopbackServerVerb);
        Assert.Equal("started", await child.StandardOutput.ReadLineAsync());

        await SignalAsync(child, "TERM");

        Assert.True(await ProcessExit.WithinAsync(child, Bound), $"the process still ran {Bound.TotalSeconds} s after SIGTERM");
    }
}
