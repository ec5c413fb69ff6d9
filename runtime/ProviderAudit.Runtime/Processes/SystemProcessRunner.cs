using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ProviderAudit.Runtime;

/// <summary>
/// Runs commands with <see cref="Process"/> through <c>/bin/sh -c</c> (<c>cmd.exe /c</c> on Windows):
/// the child gets exactly the given environment, standard input closed at once (a refresh command must
/// not wait for typing), output streamed to the callback, and is killed with its children at the timeout.
/// </summary>
internal sealed class SystemProcessRunner : IProcessRunner
{
    private const int TailLines = 20;

    /// <inheritdoc />
    public async Task<ProcessRunResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        var start = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/s", "/c", command.CommandLine } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command.CommandLine } };
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
        void OnLine(string? line, bool isStdout)
        {
            if (line is null)
            {
                return;
            }

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
        process.OutputDataReceived += (_, e) => OnLine(e.Data, true);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, false);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new ProcessRunResult(null, false, "", [], $"could not start the shell: {e.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        lock (tail)
        {
            return new ProcessRunResult(timedOut ? null : process.ExitCode, timedOut, stdout.ToString(), tail.ToArray());
        }
    }
}
