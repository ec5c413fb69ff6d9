using System.ComponentModel;
using System.Diagnostics;

namespace ProviderHost;

/// <summary>Starts the command as a real child process: inherited stdio, environment replaced (not merged).</summary>
public sealed class ChildProcessRunner : IChildProcessRunner
{
    /// <inheritdoc />
    public int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Start from nothing: anything not in the launch environment must not leak in from the host.
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            using var process = Process.Start(startInfo) ?? throw new FileNotFoundException($"Could not start {command}.", command);
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception ex)
        {
            throw new FileNotFoundException($"Could not start {command}: {ex.Message}", command, ex);
        }
    }
}
