using System.Diagnostics;
using System.Text;

namespace ProviderAudit.TestSupport;

/// <summary>What a <c>dotnet</c> invocation printed (both streams interleaved, and each alone) and how it ended.</summary>
public sealed record DotnetResult(string CommandLine, int ExitCode, string Output)
{
    public string StandardOutput { get; init; } = "";

    public string StandardError { get; init; } = "";

    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"`{CommandLine}` exited {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs the same <c>dotnet</c> that runs the tests, as a user would from a shell.</summary>
public static class DotnetCli
{
    // Generous: a hang must end the run, but a busy shared machine can take minutes for one build.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public static DotnetResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, DefaultTimeout, arguments);

    public static DotnetResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunProgram(DotnetExecutable(), workingDirectory, timeout, arguments);

    /// <summary>
    /// Runs another program (an installed dotnet tool's command) the same way; DOTNET_ROOT points at the dotnet
    /// running the tests, so a tool's launcher finds the same runtime wherever that dotnet is installed.
    /// </summary>
    public static DotnetResult RunProgram(string executable, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
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
        if (Path.GetDirectoryName(Path.GetFullPath(DotnetExecutable())) is { } dotnetRoot && File.Exists(Path.Combine(dotnetRoot, Path.GetFileName(DotnetExecutable()))))
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        var commandLine = Path.GetFileNameWithoutExtension(executable) + " " + string.Join(' ', arguments);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start `{commandLine}`.");
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        var pumps = new[] { Pump(process.StandardOutput, output, standardOutput), Pump(process.StandardError, output, standardError) };

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}:{Environment.NewLine}{Snapshot(output)}");
        }

        // A compiler server started by the build inherits the pipes and keeps them open; do not wait for it.
        Task.WaitAll(pumps, TimeSpan.FromSeconds(5));
        return new DotnetResult(commandLine, process.ExitCode, Snapshot(output))
        {
            StandardOutput = Snapshot(standardOutput),
            StandardError = Snapshot(standardError),
        };
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

    private static Task Pump(StreamReader reader, StringBuilder sink, StringBuilder stream) => Task.Run(async () =>
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (sink)
            {
                sink.Append(buffer, 0, read);
            }

            lock (stream)
            {
                stream.Append(buffer, 0, read);
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
