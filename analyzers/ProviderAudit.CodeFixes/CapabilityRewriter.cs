using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.Configuration;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Rewrites PA0001 sites of one document to ask a capability. Single fixes and Fix All share this path, so sites
    /// that share a node (two constants in one switch arm) are rewritten together rather than as conflicting text edits.
    /// </summary>
    internal static class CapabilityRewriter
    {
        private const string HostAnnotationKind = "ProviderAudit.FixHost";
        private const string OperandAnnotationKind = "ProviderAudit.FixOperand";
        private const string RemovedElementAnnotationKind = "ProviderAudit.RemovedElement";
        private const string LocalConstantAnnotationKind = "ProviderAudit.LocalConstant";

        /// <summary>Rewrites every site to <paramref name="capability"/>; null when none of the diagnostics can be fixed.</summary>
        public static Task<Document?> RewriteAsync(
            Document document, IEnumerable<Diagnostic> diagnostics, Capability capability, CancellationToken cancellationToken) =>
            RewriteAsync(document, diagnostics, _ => capability, cancellationToken);

        /// <summary>
        /// Rewrites each site to the capability <paramref name="choose"/> picks for its diagnostic; null when none can be fixed.
        /// Needs the syntax tree only: every semantic fact comes from the diagnostics' properties.
        /// </summary>
        public static async Task<Document?> RewriteAsync(
            Document document, IEnumerable<Diagnostic> diagnostics, System.Func<Diagnostic, Capability> choose, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var sites = new Dictionary<SyntaxNode, FixSite>();
            var chosen = new HashSet<FixSite>();

            // In source order, so a site several diagnostics share (two constants in one arm) takes the first one's
            // capability whatever order the diagnostics came in.
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
            {
                var site = FixSite.Add(diagnostic, root, sites);
                if (site != null && chosen.Add(site))
                {
                    site.Capability = choose(diagnostic);
                }
            }

            if (sites.Count == 0)
            {
                return null;
            }

            var namespacesToImport = new SortedSet<string>(sites.Values.Select(site => site.ImportNamespace).Where(name => name.Length > 0), System.StringComparer.Ordinal);

            // Mark everything the syntactic phase must find again once earlier rewrites have changed the tree.
            var ordered = sites.Values.OrderBy(site => site.Host.Span.Length).ToList();
            var annotations = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            var hostAnnotations = new List<SyntaxAnnotation>();
            var catchAllAnnotations = new List<SyntaxAnnotation?>();
            foreach (var site in ordered)
            {
                var hostAnnotation = new SyntaxAnnotation(HostAnnotationKind);
                hostAnnotations.Add(hostAnnotation);
                Annotate(annotations, site.Host, hostAnnotation);
                if (site.Operand != null)
                {
                    Annotate(annotations, site.Operand, new SyntaxAnnotation(OperandAnnotationKind));
                }

                SyntaxAnnotation? catchAll = null;
                if (site.CatchAll != DiagnosticContract.CatchAlls.None && site.Host.Parent is SwitchExpressionSyntax switchExpression)
                {
                    catchAll = SwitchCatchAll.Annotation(site.CatchAll == DiagnosticContract.CatchAlls.SwitchExpressionException);
                    Annotate(annotations, switchExpression, catchAll);
                }

                foreach (var element in site.RemovedElements)
                {
                    Annotate(annotations, element, new SyntaxAnnotation(RemovedElementAnnotationKind));
                }

                foreach (var declarator in site.LocalConstants)
                {
                    if (!declarator.HasAnnotations(LocalConstantAnnotationKind) && !annotations.ContainsKey(declarator))
                    {
                        Annotate(annotations, declarator, new SyntaxAnnotation(LocalConstantAnnotationKind));
                    }
                }

                catchAllAnnotations.Add(catchAll);

                foreach (var constant in site.FirstPartyConstants)
                {
                    Annotate(annotations, constant.Key, PatternTranslator.FirstPartyAnnotation(constant.Value));
                }
            }

            var current = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
            var changed = false;
            var switchesToComplete = new List<SyntaxAnnotation>();
            for (var i = 0; i < ordered.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var host = current.GetAnnotatedNodes(hostAnnotations[i]).FirstOrDefault();
                if (host is null)
                {
                    continue;
                }

                var translator = new PatternTranslator(ordered[i].Capability, new VariableNames(host), ordered[i].ProviderTypeSyntax, ordered[i].CapabilityMayBeNull, ordered[i].ProviderIdParser, ordered[i].FirstPartyIds);
                var replacement = Rewrite(ordered[i], host, translator);
                if (replacement is null)
                {
                    continue;
                }

                current = current.ReplaceNode(host, KeepComments(host, replacement));
                changed = true;
                if (catchAllAnnotations[i] is { } rewrittenSwitch)
                {
                    switchesToComplete.Add(rewrittenSwitch);
                }
            }

            if (!changed)
            {
                return null;
            }

            current = SwitchCatchAll.AddTo(current, switchesToComplete);
            current = LocalConstants.RemoveUnused(current, LocalConstantAnnotationKind);

            foreach (var namespaceName in namespacesToImport)
            {
                if (current is CompilationUnitSyntax compilationUnit)
                {
                    current = UsingDirectives.AddNamespace(compilationUnit, namespaceName);
                }
            }

            return document.WithSyntaxRoot(current);
        }

        private static void Annotate(Dictionary<SyntaxNode, List<SyntaxAnnotation>> annotations, SyntaxNode node, SyntaxAnnotation annotation)
        {
            if (!annotations.TryGetValue(node, out var list))
            {
                annotations[node] = list = new List<SyntaxAnnotation>();
            }

            list.Add(annotation);
        }

        private static SyntaxNode? Rewrite(FixSite site, SyntaxNode host, PatternTranslator translator)
        {
            switch (site.Kind)
            {
                case HostKind.Comparison:
                    return RewriteComparison(site, (ExpressionSyntax)host, translator);
                case HostKind.IsPattern:
                    return RewriteIsPattern(site, (IsPatternExpressionSyntax)host, translator);
                case HostKind.SwitchArm:
                {
                    var arm = (SwitchExpressionArmSyntax)host;
                    var rewritten = RewriteSwitchPattern(arm.Pattern, arm.WhenClause, site.Shape ?? ProviderShape.Boxed, translator);
                    return rewritten is null ? null : arm.WithPattern(rewritten.Value.Pattern).WithWhenClause(rewritten.Value.When);
                }

                case HostKind.PatternCaseLabel:
                {
                    var label = (CasePatternSwitchLabelSyntax)host;
                    var rewritten = RewriteSwitchPattern(label.Pattern, label.WhenClause, site.Shape ?? ProviderShape.Boxed, translator);
                    return rewritten is null ? null : label.WithPattern(rewritten.Value.Pattern).WithWhenClause(rewritten.Value.When);
                }

                case HostKind.ConstantCaseLabel:
                {
                    var label = (CaseSwitchLabelSyntax)host;
                    var name = translator.NextName();
                    var designation = site.Shape == ProviderShape.Value
                        ? ExpressionBuilder.VarPattern(name)
                        : ExpressionBuilder.TypePattern(translator.ApiProviderType(), name);
                    var test = translator.Test(IdentifierName(name), ProviderShape.Value, appendsToChain: false, negated: false);
                    return CasePatternSwitchLabel(
                        label.Keyword,
                        designation.WithLeadingTrivia(label.Value.GetLeadingTrivia()),
                        ExpressionBuilder.When(test).WithTrailingTrivia(label.Value.GetTrailingTrivia()),
                        label.ColonToken);
                }

                case HostKind.Membership:
                    return RewriteMembership(site, (InvocationExpressionSyntax)host, translator);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>new[] { X, A }.Contains(p)</c> becomes <c>p.ModelIdFormat().IsFirstParty || new[] { A }.Contains(p)</c>: X leaves the
        /// set and the capability answers for it. Every element is a constant (the analyzer checked), so asking the capability
        /// first changes no side effect; an operand that is more than a name is bound once with <c>is var</c>.
        /// </summary>
        private static ExpressionSyntax? RewriteMembership(FixSite site, InvocationExpressionSyntax host, PatternTranslator translator)
        {
            var operand = host.GetAnnotatedNodes(OperandAnnotationKind).OfType<ExpressionSyntax>().FirstOrDefault();
            var removed = host.GetAnnotatedNodes(RemovedElementAnnotationKind).OfType<ExpressionSyntax>().ToList();
            var initializer = removed.Count > 0 ? removed[0].Parent as InitializerExpressionSyntax : null;
            if (operand is null || initializer is null || removed.Any(element => element.Parent != initializer))
            {
                return null;
            }

            var kept = initializer.Expressions.Where(element => !removed.Contains(element)).ToList();
            ExpressionSyntax test;
            if (kept.Count == 0)
            {
                test = translator.Test(operand.WithoutTrivia(), ProviderShape.Value, appendsToChain: false, negated: false);
            }
            else
            {
                var rest = host.ReplaceNode(initializer, WithoutElements(initializer, removed));
                if (site.OperandIsRepeatable)
                {
                    test = ExpressionBuilder.Or(translator.Test(operand.WithoutTrivia(), ProviderShape.Value, appendsToChain: false, negated: false), rest.WithoutTrivia());
                }
                else
                {
                    var name = translator.NextName();
                    var restOperand = rest.GetAnnotatedNodes(OperandAnnotationKind).OfType<ExpressionSyntax>().First();
                    rest = rest.ReplaceNode(restOperand, IdentifierName(name).WithTriviaFrom(restOperand));
                    test = ExpressionBuilder.And(
                        ExpressionBuilder.IsPattern(operand.WithoutTrivia(), ExpressionBuilder.VarPattern(name)),
                        ExpressionBuilder.Or(translator.Test(IdentifierName(name), ProviderShape.Value, appendsToChain: false, negated: false), rest.WithoutTrivia()));
                }
            }

            return ExpressionBuilder.FitInto(host, test).WithTriviaFrom(host);
        }

        /// <summary>
        /// The initializer without <paramref name="removed"/>, each dropped with the comma after it (or, for the last one, the
        /// comma before it, whose line break or space it keeps), so one-line and one-per-line layouts stay as they were.
        /// </summary>
        private static InitializerExpressionSyntax WithoutElements(InitializerExpressionSyntax initializer, ICollection<ExpressionSyntax> removed)
        {
            var items = initializer.Expressions.GetWithSeparators().ToList();
            for (var i = 0; i < items.Count; i++)
            {
                if (!(items[i].AsNode() is ExpressionSyntax element) || !removed.Contains(element))
                {
                    continue;
                }

                if (i + 1 < items.Count)
                {
                    items.RemoveRange(i, 2);
                }
                else
                {
                    items.RemoveAt(i);
                    if (i > 0)
                    {
                        items.RemoveAt(i - 1);
                        if (i - 2 >= 0 && items[i - 2].AsNode() is { } previous)
                        {
                            items[i - 2] = previous.WithTrailingTrivia(element.GetTrailingTrivia());
                        }
                    }
                }

                i--;
            }

            return initializer.WithExpressions(SeparatedList<ExpressionSyntax>(items));
        }

        private static ExpressionSyntax? RewriteComparison(FixSite site, ExpressionSyntax host, PatternTranslator translator)
        {
            var operand = host.GetAnnotatedNodes(OperandAnnotationKind).OfType<ExpressionSyntax>().FirstOrDefault();
            if (operand is null || site.Shape is null)
            {
                return null;
            }

            var test = translator.Test(operand.WithoutTrivia(), site.Shape.Value, site.AppendsToChain, site.Negated);
            return ExpressionBuilder.FitInto(host, test).WithTriviaFrom(host);
        }

        private static ExpressionSyntax? RewriteIsPattern(FixSite site, IsPatternExpressionSyntax host, PatternTranslator translator)
        {
            var value = host.Expression.WithoutTrivia();
            var pattern = host.Pattern;
            ExpressionSyntax? test;
            if (PatternTranslator.IsPlainFirstPartyTest(pattern))
            {
                test = translator.Translate(pattern, value, site.Shape ?? ProviderShape.Boxed, site.AppendsToChain);
            }
            else if (site.Shape == ProviderShape.Value && PatternTranslator.IsFirstPartyAndAlwaysMatching(pattern, out var designations))
            {
                // `p is { } and X`: the rest matches any value, so the check is the capability test alone (in place it would
                // be `p is { } and var q && …`, a pattern that always matches: warning CS8794). Names the rest declares
                // (`p is { } x and X`) stay declared, as `var` patterns, which never draw that warning:
                // `p is var x && x.ModelIdFormat().IsFirstParty`.
                if (designations.Count == 0)
                {
                    test = translator.Test(value, ProviderShape.Value, site.AppendsToChain, negated: false);
                }
                else
                {
                    var first = IdentifierName(designations[0]);
                    var declared = ExpressionBuilder.IsPattern(value, ExpressionBuilder.VarPattern(designations[0]));
                    foreach (var other in designations.Skip(1))
                    {
                        declared = ExpressionBuilder.And(declared, ExpressionBuilder.IsPattern(first, ExpressionBuilder.VarPattern(other)));
                    }

                    test = ExpressionBuilder.And(declared, translator.Test(first, ProviderShape.Value, appendsToChain: false, negated: false));
                }
            }
            else if (translator.TryInPlace(pattern, out var rewritten, out var condition))
            {
                test = ExpressionBuilder.And(ExpressionBuilder.IsPattern(value, rewritten.WithoutTrivia()), condition);
            }
            else if (site.OperandIsRepeatable)
            {
                test = translator.Translate(pattern, value, site.Shape ?? ProviderShape.Boxed, site.AppendsToChain);
            }
            else
            {
                // Evaluate the tested expression once: `e is var p && (p is A || p.ModelIdFormat().IsFirstParty)`.
                var name = translator.NextName();
                var translated = translator.Translate(pattern, IdentifierName(name), site.Shape ?? ProviderShape.Boxed, appendsToChain: false);
                test = translated is null
                    ? null
                    : ExpressionBuilder.And(ExpressionBuilder.IsPattern(value, ExpressionBuilder.VarPattern(name)), translated);
            }

            return test is null ? null : ExpressionBuilder.FitInto(host, test).WithTriviaFrom(host);
        }

        /// <param name="valueShape">How the switch's governing expression is typed: what a `var` designation of it holds.</param>
        private static (PatternSyntax Pattern, WhenClauseSyntax When)? RewriteSwitchPattern(
            PatternSyntax pattern, WhenClauseSyntax? whenClause, ProviderShape valueShape, PatternTranslator translator)
        {
            PatternSyntax newPattern;
            ExpressionSyntax? condition;
            if (translator.TryInPlace(pattern, out var rewritten, out var inPlaceCondition))
            {
                newPattern = rewritten;
                condition = inPlaceCondition;
            }
            else
            {
                // `or`/`not` around the constant: match anything, test the whole original pattern in the when clause.
                var name = translator.NextName();
                newPattern = ExpressionBuilder.VarPattern(name);
                condition = translator.Translate(pattern, IdentifierName(name), valueShape, appendsToChain: false);
            }

            if (condition is null)
            {
                return null;
            }

            // The original when clause runs only after the pattern matched, so it stays behind the capability test.
            if (whenClause != null)
            {
                condition = ExpressionBuilder.And(condition, whenClause.Condition.WithoutTrivia());
            }

            var trailing = (whenClause != null ? whenClause.GetTrailingTrivia() : pattern.GetTrailingTrivia());
            return (newPattern.WithoutTrivia().WithLeadingTrivia(pattern.GetLeadingTrivia()),
                ExpressionBuilder.When(condition).WithTrailingTrivia(trailing));
        }

        /// <summary>Comments that sat on tokens the rewrite dropped are appended after the replacement rather than lost.</summary>
        private static SyntaxNode KeepComments(SyntaxNode original, SyntaxNode replacement)
        {
            var remaining = replacement.DescendantTrivia(descendIntoTrivia: true).Where(IsComment).Select(t => t.ToString()).ToList();
            var dropped = new List<SyntaxTrivia>();
            foreach (var comment in original.DescendantTrivia(descendIntoTrivia: true).Where(IsComment))
            {
                var text = comment.ToString();
                var index = remaining.IndexOf(text);
                if (index >= 0)
                {
                    remaining.RemoveAt(index);
                }
                else
                {
                    dropped.Add(comment);
                }
            }

            if (dropped.Count == 0)
            {
                return replacement;
            }

            var trailing = replacement.GetTrailingTrivia();
            var endsLine = trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var kept = new List<SyntaxTrivia>();
            foreach (var comment in dropped)
            {
                kept.Add(Space);
                kept.Add(comment.IsKind(SyntaxKind.SingleLineCommentTrivia) && (!endsLine || dropped.Count > 1)
                    ? Comment("/* " + comment.ToString().Substring(2).Trim() + " */")
                    : comment);
            }

            // Put the comments before the line break (if any) so a `//` comment cannot swallow the following code.
            var insertAt = 0;
            while (insertAt < trailing.Count && trailing[insertAt].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                insertAt++;
            }

            var newTrailing = trailing.Take(insertAt).Concat(kept).Concat(trailing.Skip(insertAt));
            return replacement.WithTrailingTrivia(newTrailing);
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
    }
}
