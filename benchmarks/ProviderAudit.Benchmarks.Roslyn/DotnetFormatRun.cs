using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>
/// One whole <c>dotnet format analyzers</c> process on the corpus, with the phase times it logs at diagnostic
/// verbosity ("Loading workspace." … "Complete in N ms.", "Determining diagnostics…", "Fixing diagnostics…").
/// </summary>
internal static partial class DotnetFormatRun
{
    public sealed record Outcome(TimeSpan Wall, double LoadSeconds, double AnalysisSeconds, double FixSeconds, int FormattedFiles);

    /// <summary>Runs dotnet format for <paramref name="diagnosticId"/> on the pristine sources, and puts them back after it.</summary>
    public static async Task<Outcome> RunAsync(string projectPath, string diagnosticId, CancellationToken cancellationToken)
    {
        var corpusDirectory = Path.GetDirectoryName(projectPath)!;
        RestorePristineSources(corpusDirectory);
        try
        {
            return await FormatAsync(projectPath, diagnosticId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The in-process runs that follow read src/ too.
            RestorePristineSources(corpusDirectory);
        }
    }

    private static async Task<Outcome> FormatAsync(string projectPath, string diagnosticId, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "format", "analyzers", projectPath, "--diagnostics", diagnosticId, "--severity", "warn", "--no-restore", "-v", "diag" })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var wall = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet format exited {process.ExitCode}: {stdout}{await stderr.ConfigureAwait(false)}");
        }

        return Parse(stdout, wall);
    }

    private static Outcome Parse(string log, TimeSpan wall)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        string? phase = null;
        var formatted = 0;
        foreach (var line in log.Split('\n').Select(l => l.Trim()))
        {
            if (line is "Loading workspace." or "Determining diagnostics..." or "Fixing diagnostics...")
            {
                phase = line;
            }
            else if (CompleteIn().Match(line) is { Success: true } done && phase is not null)
            {
                phases.TryAdd(phase, double.Parse(done.Groups[1].Value, CultureInfo.InvariantCulture) / 1000);
                phase = null;
            }
            else if (line.StartsWith("Formatted code file", StringComparison.Ordinal))
            {
                formatted++;
            }
        }

        double Phase(string name) => phases.TryGetValue(name, out var seconds)
            ? seconds
            : throw new InvalidOperationException($"dotnet format logged no time for '{name}'; its output was:\n{log}");
        return new Outcome(wall, Phase("Loading workspace."), Phase("Determining diagnostics..."), Phase("Fixing diagnostics..."), formatted);
    }

    /// <summary>dotnet format rewrites src/ in place; the corpus script keeps the generated files in src.pristine/.</summary>
    private static void RestorePristineSources(string corpusDirectory)
    {
        var source = Path.Combine(corpusDirectory, "src.pristine");
        var target = Path.Combine(corpusDirectory, "src");
        if (!Directory.Exists(source))
        {
            throw new InvalidOperationException($"{source} is missing: generate the corpus with benchmarks/fix-all.sh.");
        }

        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    [GeneratedRegex(@"^Complete in (\d+)ms\.$")]
    private static partial Regex CompleteIn();
}
