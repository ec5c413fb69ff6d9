using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// PA0003 for one compilation: every configured provider enum without a capability mapping is reported once, on its
    /// declaration when the compilation declares it, else on its first PA0001 finding (by file path, then position, so
    /// the choice does not depend on the order concurrent analysis met the findings). A referenced enum without findings
    /// here needs no mapping here, and is not reported.
    /// </summary>
    internal sealed class ProviderMappingCheck
    {
        private readonly ImmutableArray<ProviderTarget> _unmapped;
        private readonly Dictionary<ProviderTarget, Location> _firstFinding = new Dictionary<ProviderTarget, Location>();

        private ProviderMappingCheck(ImmutableArray<ProviderTarget> unmapped) => _unmapped = unmapped;

        /// <summary>Null when every configured enum has a mapping (nothing to track).</summary>
        public static ProviderMappingCheck? Create(ImmutableArray<ProviderTarget> targets)
        {
            var unmapped = targets.Where(t => t.IsConfigured && !t.HasCapabilityFix).ToImmutableArray();
            return unmapped.IsEmpty ? null : new ProviderMappingCheck(unmapped);
        }

        /// <summary>Called for every PA0001 reported on <paramref name="target"/>.</summary>
        public void OnFinding(ProviderTarget target, Location location)
        {
            if (target.HasCapabilityFix || !target.IsConfigured)
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

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            foreach (var target in _unmapped)
            {
                var declaration = target.Type.Locations.FirstOrDefault(l => l.IsInSource && context.Compilation.ContainsSyntaxTree(l.SourceTree));
                Location? location;
                lock (_firstFinding)
                {
                    location = declaration ?? (_firstFinding.TryGetValue(target, out var first) ? first : null);
                }

                if (location is null)
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(DiagnosticContract.ProviderTypeProperty, target.MetadataName);
                properties.Add(DiagnosticContract.FirstPartyMemberProperty, target.FirstPartyMemberName);
                context.ReportDiagnostic(Diagnostic.Create(
                    ProviderAuditDescriptors.MissingProviderMapping,
                    location,
                    properties.ToImmutable(),
                    target.MetadataName,
                    target.Mapping.DescribeMissing()));
            }
        }

        private static bool ComesBefore(Location candidate, Location current)
        {
            var byPath = string.CompareOrdinal(candidate.SourceTree?.FilePath, current.SourceTree?.FilePath);
            return byPath < 0 || (byPath == 0 && candidate.SourceSpan.Start < current.SourceSpan.Start);
        }
    }
}
