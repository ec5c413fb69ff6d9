using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// Runs the analyzer directly on a compilation, for what markup cannot express: diagnostic properties,
/// and code that does not compile (where the analyzer must still never throw).
/// </summary>
internal sealed class AuditRun
{
    private AuditRun(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Exception> analyzerExceptions)
    {
        Diagnostics = diagnostics;
        AnalyzerExceptions = analyzerExceptions;
    }

    /// <summary>The analyzer's diagnostics (AD0001 included if it threw).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public ImmutableArray<Exception> AnalyzerExceptions { get; }

    public Diagnostic Single() => Assert.Single(Diagnostics, d => d.Id == DiagnosticContract.FirstPartyComparisonId);

    public static async Task<AuditRun> OfAsync(string source, bool referenceRuntime = true, IReadOnlyDictionary<string, string>? editorConfig = null)
    {
        var references = referenceRuntime
            ? TestReferences.All
            : TestReferences.All.Where(r => !(r.Display ?? string.Empty).EndsWith(Path.GetFileName(typeof(ProviderAudit.Runtime.ApiProvider).Assembly.Location), StringComparison.Ordinal)).ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "Audited",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], new EditorConfigOptions((editorConfig ?? new Dictionary<string, string>()).ToImmutableDictionary())),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ShippedAnalyzers.All, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return new AuditRun(diagnostics, [.. exceptions]);
    }
}
