using System.Diagnostics;
using System.Globalization;

namespace ProviderAudit.TestSupport;

/// <summary>
/// Children that a test stops with a signal must answer it as they would when run from a terminal. A test run started in
/// the background by a shell without job control (<c>cmd &amp;</c> in a script, <c>nohup</c>) has SIGINT and SIGQUIT (and
/// with nohup SIGHUP) ignored, every child inherits that, and .NET then installs no handler for them: a SIGINT test would
/// wait for a process that can never hear it. Where this process ignores one of them, the child starts through
/// <c>env --default-signal</c> (coreutils), which gives it the default answer back; elsewhere the start is unchanged.
/// </summary>
public static class DefaultStopSignals
{
    private const int SigHup = 1;
    private const int SigInt = 2;
    private const int SigQuit = 3;

    /// <summary><paramref name="start"/>, or the same command through <c>env --default-signal</c> where this process ignores a stop signal.</summary>
    public static ProcessStartInfo For(ProcessStartInfo start)
    {
        if (!IgnoresAStopSignal())
        {
            return start;
        }

        var reset = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardInput = start.RedirectStandardInput,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory,
        };
        reset.ArgumentList.Add("--default-signal=HUP,INT,QUIT");
        reset.ArgumentList.Add(start.FileName);
        foreach (var argument in start.ArgumentList)
        {
            reset.ArgumentList.Add(argument);
        }

        reset.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            reset.Environment[name] = value;
        }

        return reset;
    }

    /// <summary>This process's ignored-signal mask (<c>SigIgn</c> in /proc/self/status) has SIGHUP, SIGINT or SIGQUIT.</summary>
    public static bool IgnoresAStopSignal()
    {
        const string Field = "SigIgn:";
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Field, StringComparison.Ordinal))
            : null;
        if (line is null)
        {
            return false;
        }

        var mask = ulong.Parse(line[Field.Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new[] { SigHup, SigInt, SigQuit }.Any(signal => (mask & (1UL << (signal - 1))) != 0);
    }
}
