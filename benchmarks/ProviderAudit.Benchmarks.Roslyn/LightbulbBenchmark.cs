using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>
/// What an IDE pays per lightbulb: RegisterCodeFixesAsync until the actions are registered, then (when one is
/// chosen or previewed) the action's operations until the changed document's text exists. PA0001 and CA1820 sites
/// of the same corpus, alternating site by site, on semantic models that are already bound (as after the
/// diagnostics the lightbulb belongs to were computed).
/// </summary>
internal static class LightbulbBenchmark
{
    private static readonly string[] AllFixers = ["PA0001", "CA1820"];

    public static async Task<int> RunAsync(string projectPath, int sitesPerRule, int warmupSites, string? onlyRule, CancellationToken cancellationToken)
    {
        var fixers = onlyRule is null ? AllFixers : [onlyRule];
        Console.WriteLine($"lightbulb: up to {sitesPerRule:N0} sites of each rule in {projectPath} ({warmupSites} more per rule first, not counted); {Machine.Describe()}");
        using var corpus = await CorpusWorkspace.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        var catalog = AnalyzerCatalog.For(corpus.Project);
        var sites = new Dictionary<string, ImmutableArray<Diagnostic>>();
        foreach (var id in fixers)
        {
            sites[id] = await corpus.AnalyzeAsync(catalog.AnalyzersFor(id), id, cancellationToken).ConfigureAwait(false);
        }

        // Bind every document once and keep the models alive, so no site pays for binding its method body.
        var models = new List<SemanticModel>();
        foreach (var document in corpus.Project.Documents)
        {
            var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            model.GetDiagnostics(cancellationToken: cancellationToken);
            models.Add(model);
        }

        var results = fixers.ToDictionary(id => id, _ => new Timings());
        var count = Math.Min(sitesPerRule + warmupSites, fixers.Min(id => sites[id].Length));
        if (count <= warmupSites)
        {
            throw new InvalidOperationException(
                $"{projectPath} has {fixers.Min(id => sites[id].Length)} sites of some rule, not more than the {warmupSites} warm-up sites: regenerate it (benchmarks/lightbulb.sh).");
        }

        for (var i = 0; i < count; i++)
        {
            var order = (i & 1) == 0 ? fixers : fixers.Reverse().ToArray();
            foreach (var id in order)
            {
                var (register, apply, offered) = await TimeSiteAsync(corpus.Solution, catalog.FixerFor(id), Pick(sites[id], i, count), cancellationToken).ConfigureAwait(false);
                if (i >= warmupSites)
                {
                    results[id].Register.Add(register);
                    results[id].Apply.Add(apply);
                    results[id].Offered.Add(offered);
                }
            }
        }

        GC.KeepAlive(models);
        if (onlyRule is not null)
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine(Table(results));
        return 0;
    }

    /// <summary>Spreads the chosen sites over the whole corpus rather than its first files.</summary>
    private static Diagnostic Pick(ImmutableArray<Diagnostic> all, int index, int count) => all[(int)((long)index * all.Length / count)];

    private static async Task<(double Register, double Apply, int Offered)> TimeSiteAsync(Solution solution, CodeFixProvider fixer, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        var clock = Stopwatch.StartNew();
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        var register = clock.Elapsed.TotalMilliseconds;
        if (actions.Count == 0)
        {
            throw new InvalidOperationException($"{fixer.GetType().Name} offered no fix at {diagnostic.Location.GetLineSpan()}.");
        }

        clock.Restart();
        var operations = await actions[0].GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return (register, clock.Elapsed.TotalMilliseconds, actions.Count);
    }

    private static string Table(Dictionary<string, Timings> results)
    {
        static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine("| Rule | Sites | Actions offered | Register p50 (ms) | Register p95 (ms) | Action → document p50 (ms) | Action → document p95 (ms) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (id, t) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {id} | {t.Register.Count} | {Samples.Median(t.Offered.Select(o => (double)o))} | {F(Samples.Median(t.Register))} | {F(Samples.Percentile(t.Register, 95))} | {F(Samples.Median(t.Apply))} | {F(Samples.Percentile(t.Apply, 95))} |");
        }

        var pa = results["PA0001"];
        var ca = results["CA1820"];
        var p95 = Samples.Percentile(pa.Register, 95);
        var ratio95 = p95 / Samples.Percentile(ca.Register, 95);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratios PA0001 / CA1820: register p50 {Samples.Median(pa.Register) / Samples.Median(ca.Register):F2}x, p95 {ratio95:F2}x; action → document p50 {Samples.Median(pa.Apply) / Samples.Median(ca.Apply):F2}x, p95 {Samples.Percentile(pa.Apply, 95) / Samples.Percentile(ca.Apply, 95):F2}x.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal: PA0001 register p95 <= 1 ms ({F(p95)} ms: {(p95 <= 1 ? "met" : "not met")}) and <= CA1820's ({(ratio95 <= 1 ? "met" : "not met")}).");
        return text.ToString();
    }

    private sealed class Timings
    {
        public List<double> Register { get; } = [];

        public List<double> Apply { get; } = [];

        public List<int> Offered { get; } = [];
    }
}
