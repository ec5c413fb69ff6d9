using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// PA0001: flags every check of the form "is this provider first party?" and says which capability the
    /// check most likely means. PA0002: reports <c>provider_audit.*</c> settings it cannot use. PA0003: reports a
    /// configured provider enum without a capability mapping, once, where its fix can add the mapping.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FirstPartyComparisonAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            ProviderAuditDescriptors.FirstPartyComparison,
            ProviderAuditDescriptors.InvalidConfiguration,
            ProviderAuditDescriptors.MissingProviderMapping,
            ProviderAuditDescriptors.MissingProviderMappingAtFirstFinding);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var configuration = AuditConfiguration.Read(context.Options, context.Compilation);
            var problems = configuration.Problems.ToBuilder();
            var targets = ProviderTarget.Resolve(context.Compilation, configuration, problems);

            if (problems.Count > 0)
            {
                var toReport = problems.ToImmutable();
                context.RegisterCompilationEndAction(end =>
                {
                    foreach (var problem in toReport)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            ProviderAuditDescriptors.InvalidConfiguration,
                            Location.None,
                            problem.Key,
                            problem.Value,
                            problem.Explanation));
                    }
                });
            }

            if (targets.IsEmpty && configuration.StringProviderMembers.IsEmpty)
            {
                return;
            }

            var mappingCheck = ProviderMappingCheck.Create(targets, context.Compilation);
            if (mappingCheck != null)
            {
                mappingCheck.Register(context);
            }

            var detector = new FirstPartyComparisonDetector(targets, configuration, context.Compilation, mappingCheck);
            context.RegisterOperationAction(detector.AnalyzeBinary, OperationKind.Binary);
            context.RegisterOperationAction(detector.AnalyzeTupleBinary, OperationKind.TupleBinary);
            context.RegisterOperationAction(detector.AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(detector.AnalyzeConstantPattern, OperationKind.ConstantPattern);
            context.RegisterOperationAction(detector.AnalyzeCaseClause, OperationKind.CaseClause);
        }
    }
}
