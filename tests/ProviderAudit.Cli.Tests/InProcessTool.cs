using System.Text;
using ProviderAudit.Cli.Commands;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// The tool's command line run in the test's own process: the same entry point the installed command calls
/// (<see cref="ToolCommandLine.RunAsync"/>), with the arguments a user types, for tests about what a command does rather
/// than how the tool is packed and installed (those use <see cref="InstalledTool"/>). It saves a process start and the
/// JIT of Roslyn and MSBuildWorkspace per run.
/// </summary>
/// <remarks>
/// Relative paths in the arguments resolve against the process's current directory, as they do for the installed
/// command in a shell; so each run sets it and runs alone (the tests that use it are in one collection, which xunit runs
/// one test at a time; the lock keeps that true for any other caller).
/// </remarks>
internal static class InProcessTool
{
    private static readonly Lock OneAtATime = new();

    /// <summary>Runs <c>provider-audit ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static DotnetResult Run(string workingDirectory, params string[] arguments)
    {
        lock (OneAtATime)
        {
            var output = new StringBuilder();
            var standardOutput = new StringBuilder();
            var standardError = new StringBuilder();
            using var stdout = new CapturingWriter(standardOutput, output);
            using var stderr = new CapturingWriter(standardError, output);
            var previous = Environment.CurrentDirectory;
            int exitCode;
            Environment.CurrentDirectory = workingDirectory;
            try
            {
                exitCode = ToolCommandLine.RunAsync(arguments, stdout, stderr).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                // What the .NET host does with an exception that escapes Main: print it with its stack trace, abort.
                stderr.Write("Unhandled exception. " + e);
                exitCode = 134;
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }

            var commandLine = "provider-audit (in process) " + string.Join(' ', arguments);
            lock (output)
            {
                return new DotnetResult(commandLine, exitCode, output.ToString())
                {
                    StandardOutput = standardOutput.ToString(),
                    StandardError = standardError.ToString(),
                };
            }
        }
    }

    /// <summary>One output stream: kept alone and interleaved with the other in <c>both</c>, as a terminal shows them.</summary>
    private sealed class CapturingWriter(StringBuilder own, StringBuilder both) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (both)
            {
                own.Append(value);
                both.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (both)
            {
                own.Append(value);
                both.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    }
}

/// <summary>
/// The tests that run the tool only in process: one at a time among themselves, beside the installed tool's collection
/// (they need neither its pack nor its install).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessToolCollection
{
    public const string Name = "provider-audit in process";
}
