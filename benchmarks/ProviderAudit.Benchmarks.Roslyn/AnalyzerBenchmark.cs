using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>
/// The analyzer where a build comparison cannot see it: a compilation that never mentions the provider type, and
/// one keystroke in a 200k-line project (what an IDE re-analyzes: the edited file, on a new compilation).
/// </summary>
internal static class AnalyzerBenchmark
{
    private const string AuditId = "PA0001";
    private const string PeerId = "RS0030";
    private const string AuditAnalyzerName = "FirstPartyComparisonAnalyzer";

    /// <summary>Full compilation diagnostics with and without PA0001, on a project that does not reference the provider type.</summary>
    public static async Task<int> NoProviderAsync(string projectPath, int rounds, CancellationToken cancellationToken)
    {
        Console.WriteLine($"analyzer (no provider type): {projectPath}; 1 warm-up + {rounds} rounds, order alternating; {Machine.Describe()}");
        using var corpus = await CorpusWorkspace.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        var audit = AnalyzerCatalog.For(corpus.Project).AnalyzersFor(AuditId);
        var compilation = (await corpus.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        if (compilation.GetTypeByMetadataName("ProviderAudit.Runtime.ApiProvider") is not null)
        {
            throw new InvalidOperationException($"{projectPath} references ProviderAudit.Runtime.ApiProvider; generate it with --no-provider.");
        }

        var without = new List<double>();
        var with = new List<double>();
        var inside = new List<double>();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var withAudit in (round & 1) == 0 ? new[] { false, true } : [true, false])
            {
                // A clone shares no bound state with earlier rounds.
                var fresh = compilation.Clone();
                var clock = Stopwatch.StartNew();
                double analyzerSeconds = 0;
                if (withAudit)
                {
                    var analyzed = fresh.WithAnalyzers(audit, new CompilationWithAnalyzersOptions(corpus.Project.AnalyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                    var found = await analyzed.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                    if (found.Any(d => d.Id == AuditId))
                    {
                        throw new InvalidOperationException("PA0001 reported on a corpus without the provider type.");
                    }

                    foreach (var analyzer in audit)
                    {
                        analyzerSeconds += (await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime.TotalSeconds;
                    }
                }
                else
                {
                    fresh.GetDiagnostics(cancellationToken);
                }

                if (round >= 0)
                {
                    (withAudit ? with : without).Add(clock.Elapsed.TotalSeconds);
                    if (withAudit)
                    {
                        inside.Add(analyzerSeconds);
                    }
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine("| Variant | Compilation diagnostics (s, median) | Per round (s) | Time inside PA0001 (s) |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| compiler only | {Samples.Median(without):F3} | {Samples.Spread(without)} | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| compiler + PA0001 | {Samples.Median(with):F3} | {Samples.Spread(with)} | {Samples.Median(inside):F4} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratio with / without PA0001, median of {rounds} paired rounds: {Samples.PairedRatio(with, without):F3}x; PA0001's own callbacks: {1000 * Samples.Median(inside):F2} ms in all.");
        Console.WriteLine();
        Console.WriteLine(text);
        return 0;
    }

    /// <summary>
    /// The build comparison's analyzer times without the build around them: the whole project's analyzer diagnostics,
    /// in-process, with the audit's analyzers and with BannedApiAnalyzers in alternating order, each on a fresh clone of
    /// the compilation (nothing bound in one run helps the next), each analyzer's own time as the compiler's
    /// <c>ReportAnalyzer</c> reports it. With <paramref name="only"/> = PA0001, only the audit runs (for a profiler).
    /// </summary>
    public static async Task<int> WholeProjectAsync(string projectPath, int rounds, string? only, CancellationToken cancellationToken)
    {
        Console.WriteLine($"analyzer (whole project, in-process): {projectPath}; 1 warm-up + {rounds} rounds, order alternating; {Machine.Describe()}");
        using var corpus = await CorpusWorkspace.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        var catalog = AnalyzerCatalog.For(corpus.Project);
        var audit = catalog.AuditAnalyzers();
        var peer = catalog.AnalyzersFor(PeerId);
        var compilation = (await corpus.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var variants = only is null ? new[] { (Name: AuditId, Analyzers: audit), (Name: PeerId, Analyzers: peer) } : [(Name: AuditId, Analyzers: audit)];
        var firstRule = new List<double>();
        var allRules = new List<double>();
        var peerTimes = new List<double>();
        var findings = new Dictionary<string, int>();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (name, analyzers) in (round & 1) == 0 ? variants : variants.Reverse())
            {
                var analyzed = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(corpus.Project.AnalyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                var found = await analyzed.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                findings[name] = found.Count(d => d.Id == name);
                var times = new List<double>();
                foreach (var analyzer in analyzers)
                {
                    times.Add((await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime.TotalSeconds);
                }

                if (round < 0)
                {
                    continue;
                }

                if (name == AuditId)
                {
                    firstRule.Add(times[analyzers.IndexOf(catalog.AuditRuleAnalyzer(AuditAnalyzerName), ReferenceEqualityComparer.Instance)]);
                    allRules.Add(times.Sum());
                }
                else
                {
                    peerTimes.Add(times.Sum());
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1} {name}: {times.Sum():F3} s ({string.Join(", ", analyzers.Select((a, i) => $"{a.GetType().Name} {times[i]:F3}"))})"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Analyzers | Findings | Analyzer time (s, median) | Per round (s) |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| PA0001's analyzer | {findings[AuditId]} | {Samples.Median(firstRule):F3} | {Samples.Spread(firstRule, "F3")} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| every ProviderAudit analyzer (PA0001-PA0003) | | {Samples.Median(allRules):F3} | {Samples.Spread(allRules, "F3")} |"));
        if (only is null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| BannedApiAnalyzers (RS0030) | {findings[PeerId]} | {Samples.Median(peerTimes):F3} | {Samples.Spread(peerTimes, "F3")} |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PA0001 / BannedApiAnalyzers, median of {rounds} paired rounds: {Samples.PairedRatio(firstRule, peerTimes):F2}x (every ProviderAudit analyzer: {Samples.PairedRatio(allRules, peerTimes):F2}x)"));
        }

        return 0;
    }

    /// <summary>One-line edits of one file of a large project: that file's diagnostics on each new compilation.</summary>
    public static async Task<int> IncrementalAsync(string projectPath, int edits, CancellationToken cancellationToken)
    {
        Console.WriteLine($"analyzer (incremental edit): {projectPath}; {edits} edits per variant after 10 not counted, variants rotating; {Machine.Describe()}");
        using var corpus = await CorpusWorkspace.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        var catalog = AnalyzerCatalog.For(corpus.Project);
        var variants = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
        {
            ("compiler only", []),
            ("compiler + PA0001", catalog.AnalyzersFor(AuditId)),
            ("compiler + PA0001 searching every member (no member filter)", catalog.AuditAnalyzersScanningEveryMember()),
            ("compiler + BannedApiAnalyzers (RS0030)", catalog.AnalyzersFor(PeerId)),
        };
        var compilation = (await corpus.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        compilation.GetDiagnostics(cancellationToken);

        // The edited file: the one with the most provider checks, so every variant has findings to report in it.
        var tree = compilation.SyntaxTrees.MaxBy(t => CountOccurrences(t.GetText(cancellationToken).ToString(), "ApiProvider.FirstParty"))!;
        var text = tree.GetText(cancellationToken);
        var anchor = text.ToString().IndexOf("var count = items.Count;", StringComparison.Ordinal) + "var count = items.Count".Length;
        var timings = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var findings = variants.ToDictionary(v => v.Name, _ => 0);
        var edit = 0;
        for (var round = -10; round < edits; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var (name, analyzers) = variants[(k + round + 10) % variants.Length];
                edit++;
                // A new value at the same place each keystroke: a new tree, a new compilation, as the IDE sees it.
                var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(anchor, 0), " + " + edit.ToString(CultureInfo.InvariantCulture))));
                var next = compilation.ReplaceSyntaxTree(tree, edited);
                var clock = Stopwatch.StartNew();
                var model = next.GetSemanticModel(edited);
                var reported = model.GetDiagnostics(cancellationToken: cancellationToken).Length;
                if (!analyzers.IsEmpty)
                {
                    var analyzed = next.WithAnalyzers(analyzers, corpus.Project.AnalyzerOptions);
                    reported += (await analyzed.GetAnalyzerSyntaxDiagnosticsAsync(edited, cancellationToken).ConfigureAwait(false)).Length;
                    reported += (await analyzed.GetAnalyzerSemanticDiagnosticsAsync(model, null, cancellationToken).ConfigureAwait(false)).Length;
                }

                if (round >= 0)
                {
                    timings[name].Add(clock.Elapsed.TotalMilliseconds);
                    findings[name] = reported;
                }
            }
        }

        var baseline = timings[variants[0].Name];
        var table = new StringBuilder();
        table.AppendLine("| Variant | Diagnostics in the file | p50 (ms) | p95 (ms) | vs compiler only (median of paired edits) |");
        table.AppendLine("|---|---|---|---|---|");
        foreach (var (name, _) in variants)
        {
            var t = timings[name];
            var ratio = ReferenceEquals(t, baseline) ? "—" : Samples.PairedRatio(t, baseline).ToString("F2", CultureInfo.InvariantCulture) + "x";
            table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {findings[name]} | {Samples.Median(t):F1} | {Samples.Percentile(t, 95):F1} | {ratio} |");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Edited file: {Path.GetFileName(tree.FilePath)} ({text.Lines.Count:N0} lines) of {compilation.SyntaxTrees.Count()} files."));
        Console.WriteLine(table);
        return 0;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
