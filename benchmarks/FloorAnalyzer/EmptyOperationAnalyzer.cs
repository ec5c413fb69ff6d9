using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Benchmarks.Floor
{
    /// <summary>
    /// Registers the operation kinds PA0001's detectors register and does nothing in them: what the compiler charges any
    /// operation analyzer (it binds every body again and builds its operation tree), which no work inside PA0001's callbacks
    /// can remove. benchmarks/run.sh builds it into an analyzer assembly of its own; the Roslyn harness links this file.
    /// </summary>
    // Never shipped, never referenced by a project of the repository: the rules for shipped analyzers (release tracking,
    // no Workspaces reference in the harness that links it, netstandard2.0 only) do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "FLOOR0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // As PA0001 configures it, so the compiler does the same work around the callbacks.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterOperationAction(
                _ => { },
                OperationKind.Binary, OperationKind.TupleBinary, OperationKind.Invocation, OperationKind.ConstantPattern, OperationKind.CaseClause);
        }
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
