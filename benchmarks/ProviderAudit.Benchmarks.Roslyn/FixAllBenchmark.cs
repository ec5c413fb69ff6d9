using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>
/// PA0001 and CA1820 fixed on the same corpus (N sites of each), whole process through dotnet format and
/// in-process through each fixer's FixAllProvider over the loaded Solution, in paired rounds.
/// </summary>
internal static class FixAllBenchmark
{
    private static readonly string[] AllFixers = ["PA0001", "CA1820"];

    public static async Task<int> RunAsync(string projectPath, int sites, int rounds, int warmup, bool withFormat, string? onlyRule, CancellationToken cancellationToken)
    {
        var fixers = onlyRule is null ? AllFixers : [onlyRule];
        var samples = fixers.ToDictionary(id => id, _ => new Measurements());
        Console.WriteLine($"fix-all: {sites:N0} sites of each rule in {projectPath}; {warmup} warm-up + {rounds} rounds, order alternating; {Machine.Describe()}");
        for (var round = -warmup; round < rounds; round++)
        {
            var order = (round & 1) == 0 ? fixers : fixers.Reverse().ToArray();
            foreach (var id in order)
            {
                var inProcess = await InProcessAsync(projectPath, id, verify: round == 0, cancellationToken).ConfigureAwait(false);
                var format = withFormat ? await DotnetFormatRun.RunAsync(projectPath, id, cancellationToken).ConfigureAwait(false) : null;
                var label = round < 0 ? "warm-up" : $"round {round + 1}";
                var left = inProcess.Remaining is { } r ? Invariant($", {r} left") : "";
                var formatText = format is null ? "" : Invariant($"; dotnet format {format.Wall.TotalSeconds:F1} s (load {format.LoadSeconds:F1}, analysis {format.AnalysisSeconds:F1}, fix {format.FixSeconds:F1}, {format.FormattedFiles} files)");
                Console.WriteLine(Invariant($"  {label} {id}: in-process load {inProcess.Load:F2} s, analysis {inProcess.Analysis:F2} s (CPU {inProcess.AnalysisCpu:F2}), fix {inProcess.Fix:F2} s (CPU {inProcess.FixCpu:F2}; {inProcess.Found} found, {inProcess.ChangedDocuments} files changed{left}){formatText}"));
                if (round >= 0)
                {
                    samples[id].Add(inProcess, format);
                }
            }
        }

        if (onlyRule is not null)
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine(Table(samples, sites, rounds, withFormat));
        return 0;
    }

    private static async Task<InProcessOutcome> InProcessAsync(string projectPath, string id, bool verify, CancellationToken cancellationToken)
    {
        // A fresh workspace per run: nothing one fixer computed (compilation, semantic models) helps the other.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var corpus = await CorpusWorkspace.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        var catalog = AnalyzerCatalog.For(corpus.Project);
        var analysisClock = System.Diagnostics.Stopwatch.StartNew();
        var analysisCpu = CpuTime();
        var diagnostics = await corpus.AnalyzeAsync(catalog.AnalyzersFor(id), id, cancellationToken).ConfigureAwait(false);
        var analysis = analysisClock.Elapsed;
        analysisCpu = CpuTime() - analysisCpu;
        if (diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The analysis found no {id} in {projectPath}.");
        }

        var fixCpu = CpuTime();
        var fix = await FixAllRun.RunAsync(corpus.Project, catalog.FixerFor(id), diagnostics, cancellationToken).ConfigureAwait(false);
        fixCpu = CpuTime() - fixCpu;
        int? remaining = null;
        if (verify)
        {
            var changedProject = fix.Changed.GetProject(corpus.Project.Id)!;
            var compilation = (await changedProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var left = await compilation.WithAnalyzers(catalog.AnalyzersFor(id), changedProject.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            remaining = left.Count(d => d.Id == id);
        }

        return new InProcessOutcome(corpus.LoadTime.TotalSeconds, analysis.TotalSeconds, fix.Elapsed.TotalSeconds, diagnostics.Length, fix.ChangedDocuments, remaining, analysisCpu, fixCpu);
    }

    /// <summary>
    /// CPU seconds this process has used (all threads). On a machine shared with other builds, CPU time moves far less
    /// with the load than wall time does, so the table reports both.
    /// </summary>
    private static double CpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static string Table(Dictionary<string, Measurements> samples, int sites, int rounds, bool withFormat)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Path | Rule | Sites found | Load (s) | Analysis (s) | Fix (s) | Fix ms/site | Fix CPU ms/site | Whole process (s) | Files changed | Left after fix |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var id in AllFixers)
        {
            var m = samples[id];
            var found = m.InProcess[0].Found;
            if (withFormat)
            {
                var fix = Samples.Median(m.Format.Select(f => f!.FixSeconds));
                text.AppendLine(Invariant($"| dotnet format | {id} | {found:N0} | {Samples.Median(m.Format.Select(f => f!.LoadSeconds)):F2} | {Samples.Median(m.Format.Select(f => f!.AnalysisSeconds)):F2} | {fix:F2} | {1000 * fix / found:F1} | — | {Samples.Median(m.Format.Select(f => f!.Wall.TotalSeconds)):F2} | {m.Format[0]!.FormattedFiles} | — |"));
            }

            var inFix = Samples.Median(m.InProcess.Select(r => r.Fix));
            text.AppendLine(Invariant($"| in-process | {id} | {found:N0} | {Samples.Median(m.InProcess.Select(r => r.Load)):F2} | {Samples.Median(m.InProcess.Select(r => r.Analysis)):F2} | {inFix:F2} | {1000 * inFix / found:F1} | {1000 * Samples.Median(m.InProcess.Select(r => r.FixCpu)) / found:F1} | — | {m.InProcess[0].ChangedDocuments} | {m.InProcess[0].Remaining} |"));
        }

        var pa = samples["PA0001"];
        var ca = samples["CA1820"];
        text.AppendLine();
        text.AppendLine(Invariant($"Ratios PA0001 / CA1820, median of {rounds} paired rounds, per site (sites found differ only if a rule missed some):"));
        double PerSite(double seconds, InProcessOutcome r) => seconds / r.Found;
        var inFixRatio = Samples.PairedRatio(pa.InProcess.Select(r => PerSite(r.Fix, r)).ToList(), ca.InProcess.Select(r => PerSite(r.Fix, r)).ToList());
        var cpuFixRatio = Samples.PairedRatio(pa.InProcess.Select(r => PerSite(r.FixCpu, r)).ToList(), ca.InProcess.Select(r => PerSite(r.FixCpu, r)).ToList());
        text.AppendLine(Invariant($"- in-process fix phase per site: wall {inFixRatio:F2}x, CPU {cpuFixRatio:F2}x (goal <= 1.00: {(Math.Max(inFixRatio, cpuFixRatio) <= 1 ? "met" : "not met")}); analysis: wall {Samples.PairedRatio(pa.InProcess.Select(r => r.Analysis).ToList(), ca.InProcess.Select(r => r.Analysis).ToList()):F2}x, CPU {Samples.PairedRatio(pa.InProcess.Select(r => r.AnalysisCpu).ToList(), ca.InProcess.Select(r => r.AnalysisCpu).ToList()):F2}x"));
        if (withFormat)
        {
            var found = pa.InProcess[0].Found;
            var caFound = ca.InProcess[0].Found;
            var formatFixRatio = Samples.PairedRatio(pa.Format.Select(f => f!.FixSeconds / found).ToList(), ca.Format.Select(f => f!.FixSeconds / caFound).ToList());
            text.AppendLine(Invariant($"- dotnet format fix phase per site: {formatFixRatio:F2}x (goal <= 1.00: {(formatFixRatio <= 1 ? "met" : "not met")}); whole process: {Samples.PairedRatio(pa.Format.Select(f => f!.Wall.TotalSeconds).ToList(), ca.Format.Select(f => f!.Wall.TotalSeconds).ToList()):F2}x"));
        }

        var paFix = Samples.Median(pa.InProcess.Select(r => r.Fix));
        text.AppendLine(Invariant($"- PA0001 in-process Fix All of {pa.InProcess[0].Found:N0} sites: {paFix:F2} s wall, {Samples.Median(pa.InProcess.Select(r => r.FixCpu)):F2} s CPU ({1000 * paFix / pa.InProcess[0].Found:F1} ms/site; goal for 1,000 sites < 10 s)"));
        text.AppendLine(Invariant($"- per-round in-process fix (s): PA0001 {Samples.Spread(pa.InProcess.Select(r => r.Fix))}; CA1820 {Samples.Spread(ca.InProcess.Select(r => r.Fix))}"));
        if (withFormat)
        {
            text.AppendLine(Invariant($"- per-round dotnet format fix phase (s): PA0001 {Samples.Spread(pa.Format.Select(f => f!.FixSeconds))}; CA1820 {Samples.Spread(ca.Format.Select(f => f!.FixSeconds))}"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record InProcessOutcome(double Load, double Analysis, double Fix, int Found, int ChangedDocuments, int? Remaining, double AnalysisCpu, double FixCpu);

    private sealed class Measurements
    {
        public List<InProcessOutcome> InProcess { get; } = [];

        public List<DotnetFormatRun.Outcome?> Format { get; } = [];

        public void Add(InProcessOutcome inProcess, DotnetFormatRun.Outcome? format)
        {
            InProcess.Add(inProcess);
            Format.Add(format);
        }
    }
}
