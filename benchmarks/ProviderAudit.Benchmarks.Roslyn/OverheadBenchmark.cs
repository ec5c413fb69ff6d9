using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>
/// The build comparison's overhead without MSBuild around it: one whole project's compiler and analyzer diagnostics,
/// in-process, per variant in rotating rounds. Besides the audit and BannedApiAnalyzers it runs an analyzer that
/// registers the audit's operation kinds and does nothing: the floor every operation analyzer pays (the compiler builds
/// the operation trees of every body for it); and the audit with PA0001 searching every member's operation tree, as
/// it did before its member filter, so the filter's saving is measured side by side.
/// </summary>
internal static class OverheadBenchmark
{
    public static async Task<int> RunAsync(string projectPath, int rounds, CancellationToken cancellationToken)
    {
        Console.WriteLine($"analyzer overhead (whole project, in-process): {projectPath}; 1 warm-up + {rounds} rounds, order rotating; {Machine.Describe()}");
        using var corpus = await CorpusWorkspace.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        var catalog = AnalyzerCatalog.For(corpus.Project);
        var variants = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
        {
            ("compiler only", []),
            ("compiler + an empty operation analyzer (the audit's operation kinds)", [new Floor.EmptyOperationAnalyzer()]),
            ("compiler + a syntax analyzer typing each comparison's operand", [new OperandTypingSyntaxAnalyzer()]),
            ("compiler + every ProviderAudit analyzer", catalog.AuditAnalyzers()),
            ("compiler + every ProviderAudit analyzer, every member's operation tree (no member filter)", catalog.AuditAnalyzersScanningEveryMember()),
            ("compiler + BannedApiAnalyzers (RS0030)", catalog.AnalyzersFor("RS0030")),
        };
        var compilation = (await corpus.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var found = variants.ToDictionary(v => v.Name, _ => 0);
        for (var round = -1; round < rounds; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var (name, analyzers) = variants[(k + round + 1) % variants.Length];
                // A clone shares no bound state with earlier rounds.
                var fresh = compilation.Clone();
                var clock = Stopwatch.StartNew();
                var diagnostics = analyzers.IsEmpty
                    ? fresh.GetDiagnostics(cancellationToken)
                    : await fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(corpus.Project.AnalyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                        .GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                clock.Stop();
                if (round >= 0)
                {
                    times[name].Add(clock.Elapsed.TotalSeconds);
                    found[name] = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1} {name}: {clock.Elapsed.TotalSeconds:F3} s"));
                }
            }
        }

        var baseline = times[variants[0].Name];
        Console.WriteLine();
        Console.WriteLine("| Variant | Warnings | Diagnostics (s, median) | Per round (s) | vs compiler only (median of paired rounds) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, _) in variants)
        {
            var ratio = ReferenceEquals(times[name], baseline) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{100 * (Samples.PairedRatio(times[name], baseline) - 1):+0.0;-0.0} %");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {found[name]} | {Samples.Median(times[name]):F3} | {Samples.Spread(times[name], "F3")} | {ratio} |"));
        }

        return 0;
    }

    // Created here and handed to CompilationWithAnalyzers, never loaded by a compiler: the rules for shipped analyzers
    // (netstandard2.0, no Workspaces reference, release tracking) do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008
    /// <summary>
    /// What a syntax-first PA0001 would still pay: a callback per comparison-shaped node (equality, <c>is</c>, <c>switch</c>,
    /// <c>Equals</c>/<c>Contains</c> calls) that binds one operand's statement to learn its type, and no operation trees.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperandTypingSyntaxAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0002", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterSyntaxNodeAction(
                static c =>
                {
                    var operand = c.Node switch
                    {
                        Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax b => b.Left,
                        Microsoft.CodeAnalysis.CSharp.Syntax.IsPatternExpressionSyntax p => p.Expression,
                        Microsoft.CodeAnalysis.CSharp.Syntax.SwitchStatementSyntax s => s.Expression,
                        Microsoft.CodeAnalysis.CSharp.Syntax.SwitchExpressionSyntax e => e.GoverningExpression,
                        Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" or "Contains" } m } => m.Expression,
                        _ => null,
                    };
                    if (operand is not null)
                    {
                        c.SemanticModel.GetTypeInfo(operand, c.CancellationToken);
                    }
                },
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsExpression, Microsoft.CodeAnalysis.CSharp.SyntaxKind.NotEqualsExpression, Microsoft.CodeAnalysis.CSharp.SyntaxKind.IsExpression,
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.IsPatternExpression, Microsoft.CodeAnalysis.CSharp.SyntaxKind.SwitchStatement, Microsoft.CodeAnalysis.CSharp.SyntaxKind.SwitchExpression,
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
        }
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
