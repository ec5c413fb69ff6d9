using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProviderAudit.Analyzers.Internals.Concerns;
using ProviderAudit.Analyzers.Internals.Configuration;
using ProviderAudit.Analyzers.Internals.Detection;
using ProviderAudit.Analyzers.Internals.FixPlanning;

namespace ProviderAudit.Analyzers.Rules
{
    /// <summary>
    /// PA0001: flags every check of the form "is this provider first party?" and says which capability the check most
    /// likely means, with the fix plan (<see cref="DiagnosticContract"/>) the code fixes read.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FirstPartyComparisonAnalyzer : DiagnosticAnalyzer
    {
        private const string StringTypeName = "System.String";

        private readonly bool _everyMember;

        /// <summary>The analyzer as hosts load it: operation trees are built only for members that can hold a check.</summary>
        public FirstPartyComparisonAnalyzer()
        {
        }

        /// <summary>
        /// With <paramref name="everyMember"/>, the operation tree of every member is searched, as an operation analyzer
        /// sees them all: the tests that prove the member filter (<see cref="CandidateMembers"/>) loses no finding compare
        /// the two.
        /// </summary>
        internal FirstPartyComparisonAnalyzer(bool everyMember) => _everyMember = everyMember;

        /// <inheritdoc />
        /// <remarks>
        /// Reports PA0001 only, yet also declares PA0002's and PA0003's descriptors: with PA0001's alone,
        /// <c>dotnet format analyzers --diagnostics PA0001</c> (SDK 10.0.401) ran no PA0001 fix at all — reproduced on
        /// samples/LegacyHost (0 files changed, 6 with these declared, as before the analyzer was split by rule); the cause
        /// inside dotnet format's analyzer/fixer selection is not known yet. The other rules' analyzers report them.
        /// </remarks>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ProviderAuditDescriptors.All;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is not flagged, but ComparisonScan leaves it out itself: under GeneratedCodeAnalysisFlags.None
            // the compiler's own check of each reported diagnostic scans its whole file (see ComparisonScan.Register).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var setup = AuditSetup.For(context.Compilation, context.Options);
            if (setup.FindsNothing)
            {
                return;
            }

            var names = new ProviderNames(setup.Configuration);
            var fixes = new FixDecisions(context.Compilation, setup.Configuration, names.IsOn);
            ComparisonScan.Register(context, new FirstPartyMatcher(setup.Targets, names), (finding, report, cancellationToken) => Report(finding, report, fixes, cancellationToken), _everyMember);
        }

        private static void Report(Finding finding, Action<Diagnostic> report, FixDecisions fixes, CancellationToken cancellationToken)
        {
            var inference = ConcernInference.Infer(finding.Location, finding.Operation.SemanticModel, cancellationToken);
            var plan = fixes.Decide(finding, cancellationToken);

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticContract.ConcernProperty, inference.Concern);
            properties.Add(DiagnosticContract.HasCapabilityFixProperty, (finding.Target?.HasCapabilityFix ?? fixes.CanRewriteStringIds) ? "true" : "false");
            properties.Add(DiagnosticContract.ProviderTypeProperty, finding.Target?.MetadataName ?? StringTypeName);
            plan.AddTo(properties);

            report(Diagnostic.Create(
                ProviderAuditDescriptors.FirstPartyComparison,
                finding.Location.GetLocation(),
                plan.AdditionalLocations,
                properties.ToImmutable(),
                finding.Compared,
                inference.Description,
                RuleTexts.WithNoFixReason(Advice(inference.Concern, finding.Target, plan, fixes.FirstPartyIds), plan.NoFixReason)));
        }

        /// <summary>What to ask instead: the message's third argument.</summary>
        private static string Advice(string concern, ProviderTarget? target, FixPlan plan, string firstPartyIds)
        {
            if (target is null)
            {
                return plan.NoFixReason is null ? RuleTexts.AskCapabilityOfId(concern, firstPartyIds) : RuleTexts.ResolveBackendFirst;
            }

            if (!target.HasCapabilityFix)
            {
                return plan.FixableAfter is not null ? RuleTexts.FixableAfterMapping(target.Type.Name, concern)
                    : target.MappingCanBeWritten ? RuleTexts.MapThenRewriteByHand(target.Type.Name)
                    : RuleTexts.MapByHand(target.Type.Name);
            }

            return RuleTexts.AskCapability(concern);
        }
    }
}
