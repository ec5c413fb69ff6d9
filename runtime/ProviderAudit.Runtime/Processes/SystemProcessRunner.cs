using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ProviderAudit.Runtime.Processes;

/// <summary>
/// Runs commands through <c>/bin/sh -c</c> (<c>cmd.exe /c</c> on Windows) as an owned process tree: the child gets
/// exactly the given environment and a closed standard input (a refresh command must not wait for typing), its output
/// is read in bounded chunks and streamed to the callback line by line, and the whole tree is killed when the run is cut
/// short — at the timeout, on cancellation, when its output passes <see cref="OutputLimitBytes"/>, and when this process
/// exits (or is told to by SIGINT, SIGTERM, SIGHUP or SIGQUIT) while the command runs.
/// </summary>
/// <remarks>
/// On Unix the shell starts in its own process group (and session), through <c>setsid(1)</c> where it exists (Linux)
/// or <c>perl -e 'setpgrp'</c> (macOS), so one signal to the group reaches every process the command started, also
/// the ones whose parent already exited; <see cref="Process.Kill(bool)"/> only finds descendants still linked to their
/// parent. Without either tool the tree is killed as .NET enumerates it. Windows: the process tree.
/// </remarks>
internal sealed class SystemProcessRunner : IProcessRunner
{
    /// <summary>The most standard output plus standard error a command may print before it is stopped.</summary>
    public const int OutputLimitBytes = 1024 * 1024;

    /// <summary>Longer lines are cut (and still counted) before they reach the callback.</summary>
    public const int MaxLineLength = 16 * 1024;

    private const int TailLines = 20;

    private static readonly TimeSpan AfterExitGrace = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task<ProcessRunResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        var start = StartInfo(command.CommandLine, out var grouped);
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.CreateNoWindow = true;
        start.Environment.Clear();
        foreach (var (name, value) in command.Environment)
        {
            start.Environment[name] = value;
        }

        var stdout = new StringBuilder();
        var tail = new Queue<string>();
        void OnLine(string line, bool isStdout)
        {
            lock (tail)
            {
                if (isStdout)
                {
                    stdout.Append(line).Append('\n');
                }

                tail.Enqueue(line);
                while (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }

            command.OnOutputLine?.Invoke(line);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new ProcessRunResult(null, false, "", [], $"could not start the shell: {e.Message}");
        }

        using var owned = OwnedProcesses.Register(process, grouped);
        process.StandardInput.Close();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(command.Timeout);
        var budget = new OutputBudget(OutputLimitBytes);
        var readers = Task.WhenAll(
            ReadLinesAsync(process.StandardOutput.BaseStream, line => OnLine(line, true), budget, stop),
            ReadLinesAsync(process.StandardError.BaseStream, line => OnLine(line, false), budget, stop));
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);

            // The command finished: what it left running on purpose (a browser `aws sso login` opened) is its business
            // from here. Such a process may hold the pipes open; its output is not waited for beyond a moment.
            owned.Release();
            try
            {
                await readers.WaitAsync(AfterExitGrace, stop.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested && !budget.Exceeded;
            owned.Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await readers.ConfigureAwait(false);
        lock (tail)
        {
            if (budget.Exceeded)
            {
                return new ProcessRunResult(null, false, stdout.ToString(), tail.ToArray()) { OutputLimitExceeded = true };
            }

            return new ProcessRunResult(timedOut ? null : process.ExitCode, timedOut, stdout.ToString(), tail.ToArray());
        }
    }

    private static ProcessStartInfo StartInfo(string commandLine, out bool grouped)
    {
        grouped = false;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/s", "/c", commandLine } };
        }

        if (OwnedProcesses.GroupLauncher is { } launcher)
        {
            grouped = true;
            var info = new ProcessStartInfo(launcher[0]);
            foreach (var argument in launcher.Skip(1).Concat(["/bin/sh", "-c", commandLine]))
            {
                info.ArgumentList.Add(argument);
            }

            return info;
        }

        return new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", commandLine } };
    }

    // Reads raw chunks (a line that never ends must not grow a buffer without bound), splits lines, enforces the budget.
    private static async Task ReadLinesAsync(Stream stream, Action<string> onLine, OutputBudget budget, CancellationTokenSource stop)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[8192];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, stop.Token).ConfigureAwait(false)) > 0)
            {
                if (!budget.Take(read))
                {
                    stop.Cancel();
                    return;
                }

                var count = decoder.GetChars(bytes, 0, read, chars, 0);
                for (var i = 0; i < count; i++)
                {
                    if (chars[i] == '\n')
                    {
                        onLine(TrimCarriageReturn(line));
                        line.Clear();
                    }
                    else if (line.Length < MaxLineLength)
                    {
                        line.Append(chars[i]);
                    }
                }
            }

            if (line.Length > 0)
            {
                onLine(TrimCarriageReturn(line));
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, cancellation or budget: the caller reports which.
        }
        catch (IOException)
        {
            // The pipe closed under us when the tree was killed.
        }
        catch (ObjectDisposedException)
        {
            // Likewise.
        }
    }

    private static string TrimCarriageReturn(StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();

    private sealed class OutputBudget(int limit)
    {
        private int _remaining = limit;

        public bool Exceeded => Volatile.Read(ref _remaining) < 0;

        public bool Take(int bytes) => Interlocked.Add(ref _remaining, -bytes) >= 0;
    }
}
