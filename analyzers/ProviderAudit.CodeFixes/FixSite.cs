using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.Configuration;
using ProviderAudit.Analyzers.Internals.FixPlanning;

namespace ProviderAudit.CodeFixes
{
    internal enum HostKind
    {
        /// <summary><c>a == X</c>, <c>a != X</c>, <c>Equals(…)</c>: the whole expression becomes a capability test.</summary>
        Comparison,

        /// <summary><c>e is …X…</c>.</summary>
        IsPattern,

        /// <summary>A switch expression arm whose pattern contains X.</summary>
        SwitchArm,

        /// <summary><c>case …X… [when …]:</c> in a switch statement.</summary>
        PatternCaseLabel,

        /// <summary><c>case X:</c> in a switch statement.</summary>
        ConstantCaseLabel,

        /// <summary><c>new[] { X, … }.Contains(p)</c>.</summary>
        Membership,
    }

    /// <summary>
    /// One syntax node a fix replaces, as the analyzer described it in the diagnostic's properties and additional
    /// locations (<see cref="DiagnosticContract"/>). Reading it needs the syntax tree only: the analyzer already answered
    /// every semantic question, so offering a fix costs a dictionary lookup and the rewrite is purely syntactic.
    /// </summary>
    internal sealed class FixSite
    {
        private FixSite(HostKind kind, SyntaxNode host, ImmutableDictionary<string, string?> properties)
        {
            Kind = kind;
            Host = host;
            ImportNamespace = Property(properties, DiagnosticContract.ImportNamespaceProperty) ?? string.Empty;
            ProviderTypeSyntax = Property(properties, DiagnosticContract.ProviderTypeSyntaxProperty) ?? string.Empty;
            var operandShape = Property(properties, DiagnosticContract.OperandShapeProperty);
            Shape = FixPlan.ParseShape(operandShape);
            AppendsToChain = operandShape == DiagnosticContract.Shapes.NullableChain;
            Negated = Property(properties, DiagnosticContract.NegatedProperty) == "true";
            OperandIsRepeatable = Property(properties, DiagnosticContract.RepeatableOperandProperty) == "true";
            CatchAll = Property(properties, DiagnosticContract.CatchAllProperty) ?? DiagnosticContract.CatchAlls.None;
            CapabilityMayBeNull = Property(properties, DiagnosticContract.NullableCapabilityProperty) == "true";
            ProviderIdParser = Property(properties, DiagnosticContract.ProviderIdParserProperty);
            var firstPartyIds = Property(properties, DiagnosticContract.FirstPartyIdsProperty);
            FirstPartyIds = string.IsNullOrEmpty(firstPartyIds) ? new string[0] : firstPartyIds!.Split(',');
        }

        public HostKind Kind { get; }

        public SyntaxNode Host { get; }

        /// <summary>The capability this site is rewritten to (that of the first diagnostic in source order when several share the host).</summary>
        public Capability Capability { get; set; }

        /// <summary>The provider-valued expression (comparisons, membership) or the tested expression (is-patterns).</summary>
        public ExpressionSyntax? Operand { get; private set; }

        /// <summary>Shape of <see cref="Operand"/>, or of the switch's governing expression; null when not provider-typed.</summary>
        public ProviderShape? Shape { get; }

        /// <summary><c>!=</c>.</summary>
        public bool Negated { get; }

        /// <summary>The operand is <c>x?.Provider</c> whose last link is a non-nullable provider.</summary>
        public bool AppendsToChain { get; }

        /// <summary>The operand may be evaluated more than once (a name or a chain of member names).</summary>
        public bool OperandIsRepeatable { get; }

        /// <summary>A <see cref="DiagnosticContract.CatchAlls"/> value: the catch-all arm a guarded FirstParty arm needs.</summary>
        public string CatchAll { get; }

        /// <summary>
        /// For a provider-name check: how to spell <c>ApiProviderIds</c>, whose <c>Find</c> turns the id into the provider
        /// the capability is asked of. Null for enum checks.
        /// </summary>
        public string? ProviderIdParser { get; }

        /// <summary>For a provider-name check: the host's first-party ids passed to <c>Find</c> after the id (often none).</summary>
        public IReadOnlyList<string> FirstPartyIds { get; }

        /// <summary>The capability methods return a nullable reference: the test is <c>…()?.IsFirstParty == true</c>.</summary>
        public bool CapabilityMayBeNull { get; }

        /// <summary>The namespace to import for the capability methods, empty when they are in scope.</summary>
        public string ImportNamespace { get; }

        /// <summary>How to spell the provider type here (simple or <c>global::</c> name).</summary>
        public string ProviderTypeSyntax { get; }

        /// <summary>The constant patterns (or the constant case value) that compare with the first-party member, with their input shapes.</summary>
        public Dictionary<SyntaxNode, ProviderShape> FirstPartyConstants { get; } = new Dictionary<SyntaxNode, ProviderShape>();

        /// <summary>Local constants the rewritten checks read as FirstParty, removed by the rewrite once nothing names them.</summary>
        public List<VariableDeclaratorSyntax> LocalConstants { get; } = new List<VariableDeclaratorSyntax>();

        /// <summary>Membership: the initializer elements equal to the first-party member.</summary>
        public List<ExpressionSyntax> RemovedElements { get; } = new List<ExpressionSyntax>();

        /// <summary>
        /// Whether the analyzer marked <paramref name="diagnostic"/> fixable. This is all a fix offer checks: the diagnostic
        /// carries the analyzer's whole decision.
        /// </summary>
        public static bool IsFixable(Diagnostic diagnostic) =>
            diagnostic.Id == DiagnosticContract.FirstPartyComparisonId
            && Property(diagnostic.Properties, DiagnosticContract.NoFixProperty) == "false"
            && Property(diagnostic.Properties, DiagnosticContract.HasCapabilityFixProperty) != "false"
            && KindOf(Property(diagnostic.Properties, DiagnosticContract.FixShapeProperty)) is not null
            && diagnostic.AdditionalLocations.Count > 0;

        /// <summary>
        /// Adds the site <paramref name="diagnostic"/> describes to <paramref name="sites"/> (pattern constants that share a host
        /// join its site). Null when the diagnostic is not fixable or its nodes are not in <paramref name="root"/>.
        /// </summary>
        public static FixSite? Add(Diagnostic diagnostic, SyntaxNode root, Dictionary<SyntaxNode, FixSite> sites)
        {
            if (!IsFixable(diagnostic) || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var kind = KindOf(Property(diagnostic.Properties, DiagnosticContract.FixShapeProperty))!.Value;
            var locations = diagnostic.AdditionalLocations;
            var host = Find(root, locations[0], node => IsHostOf(kind, node));
            if (host is null)
            {
                return null;
            }

            if (sites.TryGetValue(host, out var site))
            {
                return site.AddConstant(diagnostic, root) ? site : null;
            }

            site = new FixSite(kind, host, diagnostic.Properties);
            if (kind == HostKind.Comparison || kind == HostKind.IsPattern || kind == HostKind.Membership)
            {
                site.Operand = locations.Count > 1 ? Find(root, locations[1], node => node is ExpressionSyntax) as ExpressionSyntax : null;
                if (site.Operand is null || !host.Span.Contains(site.Operand.Span))
                {
                    return null;
                }
            }

            if (!site.AddConstant(diagnostic, root))
            {
                return null;
            }

            if (kind == HostKind.Membership)
            {
                for (var i = 2; i < locations.Count; i++)
                {
                    if (!(Find(root, locations[i], node => node is ExpressionSyntax { Parent: InitializerExpressionSyntax }) is ExpressionSyntax element)
                        || !host.Span.Contains(element.Span))
                    {
                        return null;
                    }

                    site.RemovedElements.Add(element);
                }
            }

            sites[host] = site;
            return site;
        }

        /// <summary>Records the first-party constant the diagnostic points at, for the shapes whose rewrite replaces constants.</summary>
        private bool AddConstant(Diagnostic diagnostic, SyntaxNode root)
        {
            if (FixPlan.ParseSpan(Property(diagnostic.Properties, DiagnosticContract.LocalConstantProperty)) is { } declaratorSpan
                && Find(root, Location.Create(root.SyntaxTree, declaratorSpan), node => node is VariableDeclaratorSyntax) is VariableDeclaratorSyntax declarator)
            {
                LocalConstants.Add(declarator);
            }

            switch (Kind)
            {
                case HostKind.IsPattern:
                case HostKind.SwitchArm:
                case HostKind.PatternCaseLabel:
                {
                    var constant = Find(root, diagnostic.Location, node => node is ConstantPatternSyntax);
                    var shape = FixPlan.ParseShape(Property(diagnostic.Properties, DiagnosticContract.ConstantShapeProperty));
                    if (constant is null || shape is null || !Host.Span.Contains(constant.Span))
                    {
                        return false;
                    }

                    FirstPartyConstants[constant] = shape.Value;
                    return true;
                }

                case HostKind.ConstantCaseLabel:
                    if (Shape is null)
                    {
                        return false;
                    }

                    FirstPartyConstants[((CaseSwitchLabelSyntax)Host).Value] = Shape.Value;
                    return true;
                default:
                    // Comparisons and membership tests have one diagnostic per host.
                    return FirstPartyConstants.Count == 0 && RemovedElements.Count == 0;
            }
        }

        private static HostKind? KindOf(string? fixShape) => fixShape switch
        {
            DiagnosticContract.FixShapes.Comparison => HostKind.Comparison,
            DiagnosticContract.FixShapes.IsPattern => HostKind.IsPattern,
            DiagnosticContract.FixShapes.SwitchArm => HostKind.SwitchArm,
            DiagnosticContract.FixShapes.PatternCaseLabel => HostKind.PatternCaseLabel,
            DiagnosticContract.FixShapes.ConstantCaseLabel => HostKind.ConstantCaseLabel,
            DiagnosticContract.FixShapes.Membership => HostKind.Membership,
            _ => null,
        };

        private static bool IsHostOf(HostKind kind, SyntaxNode node) => kind switch
        {
            HostKind.Comparison => node is BinaryExpressionSyntax || node is InvocationExpressionSyntax,
            HostKind.IsPattern => node is IsPatternExpressionSyntax,
            HostKind.SwitchArm => node is SwitchExpressionArmSyntax,
            HostKind.PatternCaseLabel => node is CasePatternSwitchLabelSyntax,
            HostKind.ConstantCaseLabel => node is CaseSwitchLabelSyntax,
            _ => node is InvocationExpressionSyntax,
        };

        /// <summary>The innermost node of <paramref name="root"/> spanning exactly <paramref name="location"/> that is of the wanted kind.</summary>
        private static SyntaxNode? Find(SyntaxNode root, Location location, System.Func<SyntaxNode, bool> wanted)
        {
            var span = location.SourceSpan;
            if (!location.IsInSource || span.End > root.FullSpan.End)
            {
                return null;
            }

            // FindNode goes by full spans, so it may start below the node (a token whose trailing trivia the span covers).
            for (var node = root.FindNode(span, getInnermostNodeForTie: true); node != null && node.Span.Length <= span.Length; node = node.Parent)
            {
                if (node.Span == span && wanted(node))
                {
                    return node;
                }
            }

            return null;
        }

        private static string? Property(ImmutableDictionary<string, string?> properties, string key) =>
            properties.TryGetValue(key, out var value) ? value : null;
    }
}
