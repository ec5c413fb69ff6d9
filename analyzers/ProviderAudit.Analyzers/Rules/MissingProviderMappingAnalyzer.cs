using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProviderAudit.Analyzers.Internals.Configuration;
using ProviderAudit.Analyzers.Internals.Detection;

namespace ProviderAudit.Analyzers.Rules
{
    /// <summary>
    /// PA0003: every configured provider enum without a capability mapping is reported once per compilation. An enum the
    /// compilation declares is reported on its name, as a symbol diagnostic (live in the IDE, with its fix). An enum from a
    /// referenced assembly is reported on its first PA0001 finding, by file path then position (so the choice does not
    /// depend on the order concurrent analysis met the findings), when the compilation ends; without findings here it needs
    /// no mapping here and is not reported. Those findings come from the detectors PA0001 runs, registered here only when
    /// such an enum exists, and only located (no concern, no fix plan).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingProviderMappingAnalyzer : DiagnosticAnalyzer
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
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var setup = AuditSetup.For(context.Compilation, context.Options);
            var unmapped = setup.Targets.Where(t => t.IsConfigured && !t.HasCapabilityFix).ToList();
            if (unmapped.Count == 0)
            {
                return;
            }

            var declaredHere = unmapped.Where(t => SymbolEqualityComparer.Default.Equals(t.Type.ContainingAssembly, context.Compilation.Assembly)).ToImmutableArray();
            if (!declaredHere.IsEmpty)
            {
                context.RegisterSymbolAction(symbolContext => ReportDeclarations(symbolContext, declaredHere), SymbolKind.NamedType);
            }

            var referenced = unmapped.Except(declaredHere).ToImmutableArray();
            if (!referenced.IsEmpty)
            {
                // Every target takes part in matching, as in PA0001 (a conversion between two provider enums is looked through
                // only when both are targets), so the first finding here is PA0001's first finding.
                var firstFindings = new FirstFindings(referenced);
                ComparisonScan.Register(context, new FirstPartyMatcher(setup.Targets, ProviderNames.None), (finding, _, _) => firstFindings.Add(finding));
                context.RegisterCompilationEndAction(firstFindings.Report);
            }
        }

        private static void ReportDeclarations(SymbolAnalysisContext context, ImmutableArray<ProviderTarget> declaredHere)
        {
            foreach (var target in declaredHere)
            {
                if (SymbolEqualityComparer.Default.Equals(context.Symbol, target.Type) && target.Type.Locations.FirstOrDefault(l => l.IsInSource) is { } name)
                {
                    context.ReportDiagnostic(Create(ProviderAuditDescriptors.MissingProviderMapping, target, name));
                }
            }
        }

        private static Diagnostic Create(DiagnosticDescriptor descriptor, ProviderTarget target, Location location)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticContract.ProviderTypeProperty, target.MetadataName);
            properties.Add(DiagnosticContract.FirstPartyMemberProperty, target.FirstPartyMemberName);
            return Diagnostic.Create(descriptor, location, properties.ToImmutable(), target.MetadataName, target.Mapping.DescribeMissing());
        }

        /// <summary>The first PA0001 finding of each referenced enum without a mapping, by file path then position.</summary>
        private sealed class FirstFindings
        {
            private readonly ImmutableArray<ProviderTarget> _referenced;
            private readonly Dictionary<ProviderTarget, Location> _first = new Dictionary<ProviderTarget, Location>();

            public FirstFindings(ImmutableArray<ProviderTarget> referenced) => _referenced = referenced;

            public void Add(Finding finding)
            {
                if (finding.Target is not { } target || !_referenced.Contains(target))
                {
                    return;
                }

                var location = finding.Location.GetLocation();
                lock (_first)
                {
                    if (!_first.TryGetValue(target, out var first) || ComesBefore(location, first))
                    {
                        _first[target] = location;
                    }
                }
            }

            public void Report(CompilationAnalysisContext context)
            {
                foreach (var target in _referenced)
                {
                    Location? first;
                    lock (_first)
                    {
                        _first.TryGetValue(target, out first);
                    }

                    if (first != null)
                    {
                        context.ReportDiagnostic(Create(ProviderAuditDescriptors.MissingProviderMappingAtFirstFinding, target, first));
                    }
                }
            }

            private static bool ComesBefore(Location candidate, Location current)
            {
                var byPath = string.CompareOrdinal(candidate.SourceTree?.FilePath, current.SourceTree?.FilePath);
                return byPath < 0 || (byPath == 0 && candidate.SourceSpan.Start < current.SourceSpan.Start);
            }
        }
    }
}
