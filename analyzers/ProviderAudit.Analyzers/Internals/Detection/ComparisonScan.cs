using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// Every comparison form's detector, registered once per operation kind for one compilation. PA0001 reports what they
    /// find; PA0003 needs the same findings to place its diagnostic for a referenced enum on the first of them.
    /// </summary>
    internal static class ComparisonScan
    {
        /// <summary>
        /// Registers the detectors of every form; <paramref name="onFinding"/> receives each check they find, except inside
        /// a provider enum's own mapping methods, which translate a provider rather than check one.
        /// </summary>
        public static void Register(CompilationStartAnalysisContext context, FirstPartyMatcher matcher, Action<OperationAnalysisContext, Finding> onFinding)
        {
            foreach (var byKind in Detectors(matcher))
            {
                var detectors = byKind.Value;
                context.RegisterOperationAction(
                    operationContext =>
                    {
                        foreach (var detector in detectors)
                        {
                            if (detector.Detect(operationContext.Operation, operationContext.CancellationToken) is { } finding)
                            {
                                if (!InMappingOf(finding, operationContext.ContainingSymbol))
                                {
                                    onFinding(operationContext, finding);
                                }

                                return;
                            }
                        }
                    },
                    byKind.Key);
            }
        }

        private static Dictionary<OperationKind, ImmutableArray<IComparisonFormDetector>> Detectors(FirstPartyMatcher matcher)
        {
            var all = new IComparisonFormDetector[]
            {
                new EqualityDetector(matcher),
                new TupleEqualityDetector(matcher),
                new EqualsInvocationDetector(matcher),
                new MembershipDetector(matcher),
                new ConstantPatternDetector(matcher),
                new CaseLabelDetector(matcher),
            };

            var byKind = new Dictionary<OperationKind, ImmutableArray<IComparisonFormDetector>>();
            foreach (var detector in all)
            {
                byKind[detector.Kind] = byKind.TryGetValue(detector.Kind, out var others) ? others.Add(detector) : ImmutableArray.Create(detector);
            }

            return byKind;
        }

        private static bool InMappingOf(Finding finding, ISymbol? containingSymbol)
        {
            if (finding.Target is null)
            {
                return false;
            }

            // The member a local function or lambda belongs to.
            while (containingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
            {
                containingSymbol = containingSymbol.ContainingSymbol;
            }

            return CapabilityExtensionMethods.IsMappingMethod(containingSymbol, finding.Target.Type);
        }
    }
}
