using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// Every comparison form's detector, run over the operations of one compilation. PA0001 reports what they find; PA0003
    /// needs the same findings to place its diagnostic for a referenced enum on the first of them.
    /// </summary>
    /// <remarks>
    /// Operation actions would make the compiler build the operation tree of every member for this analyzer alone, which
    /// measured at most of PA0001's cost on a build (docs/performance.md, the floor). So the detectors run per tree over
    /// the operations of what <see cref="CandidateMembers"/> keeps only: a statement's (the semantic model binds one
    /// statement, not its whole member), else a member's operation blocks. String provider ids (configured) can be any value, with
    /// nothing in the syntax to find them by: then every member's operations are searched, through operation actions.
    /// </remarks>
    internal static class ComparisonScan
    {
        /// <summary>Receives one check found, with where to report it.</summary>
        public delegate void FindingHandler(Finding finding, Action<Diagnostic> report, CancellationToken cancellationToken);

        private const string GeneratedCodeAttributeName = "System.CodeDom.Compiler.GeneratedCodeAttribute";

        /// <summary>
        /// Registers the detectors of every form; <paramref name="onFinding"/> receives each check they find, except inside
        /// a provider enum's own mapping methods, which translate a provider rather than check one, and except in generated
        /// code: generated files (<c>&lt;auto-generated&gt;</c>, <c>*.g.cs</c>, <c>generated_code = true</c>) and code inside a
        /// declaration marked <c>[GeneratedCode]</c>.
        /// </summary>
        /// <remarks>
        /// Generated code is left out here rather than by <c>GeneratedCodeAnalysisFlags.None</c>: with that flag the
        /// compiler checks every reported diagnostic for <c>[GeneratedCode]</c> by scanning every token of its file the
        /// first time something is reported there (<c>AnalyzerDriver.IsInGeneratedCode</c>), which was 60 % of PA0001's
        /// time on the 200k-line benchmark (profiled; BannedApiAnalyzers, which reports in generated code, never pays it).
        /// Here it costs one bool per tree (per operation for operation actions) and a walk up the enclosing declarations per finding.
        /// </remarks>
        public static void Register(CompilationStartAnalysisContext context, FirstPartyMatcher matcher, FindingHandler onFinding, bool everyMember = false)
        {
            var generatedCodeAttribute = context.Compilation.GetTypeByMetadataName(GeneratedCodeAttributeName);
            var detectors = Detectors(matcher);
            if (everyMember || matcher.Names.IsOn)
            {
                // String provider names are values of any member, with nothing in the syntax to find them by.
                foreach (var byKind in detectors)
                {
                    var ofKind = byKind.Value;
                    context.RegisterOperationAction(
                        operationContext =>
                        {
                            if (!operationContext.IsGeneratedCode)
                            {
                                Detect(operationContext.Operation, ofKind, operationContext.ContainingSymbol, generatedCodeAttribute, onFinding, operationContext.ReportDiagnostic, operationContext.CancellationToken);
                            }
                        },
                        byKind.Key);
                }

                return;
            }

            var candidates = CandidateMembers.For(context.Compilation, matcher.Targets.Select(t => (t.Type, t.FirstPartyValue)), context.CancellationToken);
            context.RegisterSemanticModelAction(modelContext =>
            {
                if (modelContext.IsGeneratedCode)
                {
                    return;
                }

                var model = modelContext.SemanticModel;
                var cancellationToken = modelContext.CancellationToken;
                foreach (var candidate in candidates.In(model.SyntaxTree, cancellationToken))
                {
                    if (modelContext.FilterSpan is { } span && !candidate.FullSpan.IntersectsWith(span))
                    {
                        continue;
                    }

                    foreach (var block in OperationBlocks.Of(candidate, model, cancellationToken))
                    {
                        foreach (var operation in block.DescendantsAndSelf())
                        {
                            if (detectors.TryGetValue(operation.Kind, out var ofKind))
                            {
                                Detect(operation, ofKind, null, generatedCodeAttribute, onFinding, modelContext.ReportDiagnostic, cancellationToken);
                            }
                        }
                    }
                }
            });
        }

        /// <summary>Runs the detectors of one operation kind; the first that finds a check decides.</summary>
        private static void Detect(
            IOperation operation,
            ImmutableArray<IComparisonFormDetector> detectors,
            ISymbol? containingSymbol,
            INamedTypeSymbol? generatedCodeAttribute,
            FindingHandler onFinding,
            Action<Diagnostic> report,
            CancellationToken cancellationToken)
        {
            foreach (var detector in detectors)
            {
                if (detector.Detect(operation, cancellationToken) is { } finding)
                {
                    containingSymbol ??= operation.SemanticModel!.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken);
                    if (!InMappingOf(finding, containingSymbol) && !InGeneratedDeclaration(containingSymbol, generatedCodeAttribute))
                    {
                        onFinding(finding, report, cancellationToken);
                    }

                    return;
                }
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

        /// <summary>Inside a declaration marked <c>[GeneratedCode]</c>: the member, a property or event its accessor belongs to, or an enclosing type.</summary>
        private static bool InGeneratedDeclaration(ISymbol? symbol, INamedTypeSymbol? generatedCodeAttribute)
        {
            if (generatedCodeAttribute is null)
            {
                return false;
            }

            for (; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (HasAttribute(symbol, generatedCodeAttribute) || (symbol is IMethodSymbol { AssociatedSymbol: { } owner } && HasAttribute(owner, generatedCodeAttribute)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
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
