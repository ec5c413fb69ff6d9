using System.Diagnostics;
using System.Text;

namespace ProviderAudit.Package.Tests;

/// <summary>What a <c>dotnet</c> invocation printed and how it ended.</summary>
public sealed record DotnetResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"`{CommandLine}` exited {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs the same <c>dotnet</c> that runs the tests, as a user would from a shell.</summary>
internal static class DotnetCli
{
    // Generous: a hang must end the run, but a busy shared machine can take minutes for one build.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public static DotnetResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, DefaultTimeout, arguments);

    public static DotnetResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Variables that the test host inherits from the outer build would steer the inner one.
        foreach (var key in start.Environment.Keys.Where(IsOuterBuildVariable).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No MSBuild nodes left behind holding our output pipes (and the temp folders) after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";

        var commandLine = "dotnet " + string.Join(' ', arguments);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start `{commandLine}`.");
        var output = new StringBuilder();
        var pumps = new[] { Pump(process.StandardOutput, output), Pump(process.StandardError, output) };

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}:{Environment.NewLine}{Snapshot(output)}");
        }

        // A compiler server started by the build inherits the pipes and keeps them open; do not wait for it.
        Task.WaitAll(pumps, TimeSpan.FromSeconds(5));
        return new DotnetResult(commandLine, process.ExitCode, Snapshot(output));
    }

    private static bool IsOuterBuildVariable(string key) =>
        key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || key.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase);

    private static string DotnetExecutable()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
    }

    private static Task Pump(StreamReader reader, StringBuilder sink) => Task.Run(async () =>
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (sink)
            {
                sink.Append(buffer, 0, read);
            }
        }
    });

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
