using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Rules
{
    /// <summary>
    /// PA0002: every <c>provider_audit.*</c> setting the audit cannot use, reported once per compilation without a location
    /// (the settings are compilation-wide); until it is fixed the setting is ignored and the audit runs without it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidConfigurationAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        /// <remarks>
        /// Declares every rule's descriptors though it reports only its own, as <see cref="FirstPartyComparisonAnalyzer"/>
        /// does: <c>dotnet format analyzers --diagnostics</c> (SDK 10.0.401) ran no fix when each analyzer declared only its own
        /// rule (samples/AdoptionHost's mapping and check fixes; see docs/rules/README.md).
        /// </remarks>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ProviderAuditDescriptors.All;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(ReportProblems);
        }

        private static void ReportProblems(CompilationAnalysisContext context)
        {
            foreach (var problem in AuditSetup.For(context.Compilation, context.Options).Problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    ProviderAuditDescriptors.InvalidConfiguration,
                    Location.None,
                    problem.Key,
                    problem.Value,
                    problem.Explanation));
            }
        }
    }
}
