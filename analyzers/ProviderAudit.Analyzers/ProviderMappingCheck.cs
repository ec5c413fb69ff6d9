using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// PA0003 for one compilation: every configured provider enum without a capability mapping is reported once. An enum
    /// the compilation declares is reported on its name, as a symbol diagnostic (live in the IDE, with its fix). An enum
    /// from a referenced assembly is reported on its first PA0001 finding, by file path then position (so the choice does
    /// not depend on the order concurrent analysis met the findings), when the compilation ends; without findings here it
    /// needs no mapping here and is not reported.
    /// </summary>
    internal sealed class ProviderMappingCheck
    {
        private readonly ImmutableArray<ProviderTarget> _declaredHere;
        private readonly ImmutableArray<ProviderTarget> _referenced;
        private readonly Dictionary<ProviderTarget, Location> _firstFinding = new Dictionary<ProviderTarget, Location>();

        private ProviderMappingCheck(ImmutableArray<ProviderTarget> declaredHere, ImmutableArray<ProviderTarget> referenced)
        {
            _declaredHere = declaredHere;
            _referenced = referenced;
        }

        /// <summary>Null when every configured enum has a mapping (nothing to track).</summary>
        public static ProviderMappingCheck? Create(ImmutableArray<ProviderTarget> targets, Compilation compilation)
        {
            var unmapped = targets.Where(t => t.IsConfigured && !t.HasCapabilityFix).ToList();
            if (unmapped.Count == 0)
            {
                return null;
            }

            var declaredHere = unmapped.Where(t => SymbolEqualityComparer.Default.Equals(t.Type.ContainingAssembly, compilation.Assembly)).ToImmutableArray();
            return new ProviderMappingCheck(declaredHere, unmapped.Except(declaredHere).ToImmutableArray());
        }

        public void Register(CompilationStartAnalysisContext context)
        {
            if (!_declaredHere.IsEmpty)
            {
                context.RegisterSymbolAction(ReportDeclaration, SymbolKind.NamedType);
            }

            if (!_referenced.IsEmpty)
            {
                context.RegisterCompilationEndAction(ReportFirstFindings);
            }
        }

        /// <summary>Called for every PA0001 reported on <paramref name="target"/>.</summary>
        public void OnFinding(ProviderTarget target, Location location)
        {
            if (!_referenced.Contains(target))
            {
                return;
            }

            lock (_firstFinding)
            {
                if (!_firstFinding.TryGetValue(target, out var first) || ComesBefore(location, first))
                {
                    _firstFinding[target] = location;
                }
            }
        }

        private void ReportDeclaration(SymbolAnalysisContext context)
        {
            foreach (var target in _declaredHere)
            {
                if (SymbolEqualityComparer.Default.Equals(context.Symbol, target.Type) && target.Type.Locations.FirstOrDefault(l => l.IsInSource) is { } name)
                {
                    context.ReportDiagnostic(Create(ProviderAuditDescriptors.MissingProviderMapping, target, name));
                }
            }
        }

        private void ReportFirstFindings(CompilationAnalysisContext context)
        {
            foreach (var target in _referenced)
            {
                Location? first;
                lock (_firstFinding)
                {
                    _firstFinding.TryGetValue(target, out first);
                }

                if (first != null)
                {
                    context.ReportDiagnostic(Create(ProviderAuditDescriptors.MissingProviderMappingAtFirstFinding, target, first));
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

        private static bool ComesBefore(Location candidate, Location current)
        {
            var byPath = string.CompareOrdinal(candidate.SourceTree?.FilePath, current.SourceTree?.FilePath);
            return byPath < 0 || (byPath == 0 && candidate.SourceSpan.Start < current.SourceSpan.Start);
        }
    }
}
