using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProviderAudit.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Rewrites every PA0001 site of one document to ask <paramref name="capability"/>. Single fixes and Fix All share
    /// this path, so sites that share a node (two constants in one switch arm) are rewritten together rather than
    /// as conflicting text edits.
    /// </summary>
    internal static class CapabilityRewriter
    {
        private const string HostAnnotationKind = "ProviderAudit.FixHost";
        private const string OperandAnnotationKind = "ProviderAudit.FixOperand";

        /// <summary>The rewritten document, or null when none of the diagnostics can be fixed.</summary>
        public static async Task<Document?> RewriteAsync(
            Document document, IEnumerable<Diagnostic> diagnostics, Capability capability, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return null;
            }

            var types = ProviderTypes.Resolve(model.Compilation);
            if (types is null)
            {
                return null;
            }

            var locator = new FixSiteLocator(model, types, cancellationToken);
            var sites = new Dictionary<SyntaxNode, FixSite>();
            foreach (var diagnostic in diagnostics)
            {
                if (!IsFixable(diagnostic) || diagnostic.Location.SourceTree != root.SyntaxTree)
                {
                    continue;
                }

                var span = diagnostic.Location.SourceSpan;
                if (span.End > root.FullSpan.End)
                {
                    continue;
                }

                locator.TryAdd(root.FindNode(span, getInnermostNodeForTie: true), sites);
            }

            if (sites.Count == 0)
            {
                return null;
            }

            var position = sites.Keys.First().SpanStart;
            var needsUsing = !ExtensionMethodsInScope(model, types, capability, position);
            var simpleTypeName = SimpleNameBindsToProvider(model, types, position);

            // Mark everything the syntactic phase must find again once earlier rewrites have changed the tree.
            var ordered = sites.Values.OrderBy(site => site.Host.Span.Length).ToList();
            var annotations = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            var hostAnnotations = new List<SyntaxAnnotation>();
            foreach (var site in ordered)
            {
                var hostAnnotation = new SyntaxAnnotation(HostAnnotationKind);
                hostAnnotations.Add(hostAnnotation);
                Annotate(annotations, site.Host, hostAnnotation);
                if (site.Operand != null)
                {
                    Annotate(annotations, site.Operand, new SyntaxAnnotation(OperandAnnotationKind));
                }

                foreach (var constant in site.FirstPartyConstants)
                {
                    Annotate(annotations, constant.Key, PatternTranslator.FirstPartyAnnotation(constant.Value));
                }
            }

            var current = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
            var changed = false;
            for (var i = 0; i < ordered.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var host = current.GetAnnotatedNodes(hostAnnotations[i]).FirstOrDefault();
                if (host is null)
                {
                    continue;
                }

                var translator = new PatternTranslator(capability, new VariableNames(host), simpleTypeName);
                var replacement = Rewrite(ordered[i], host, translator);
                if (replacement is null)
                {
                    continue;
                }

                current = current.ReplaceNode(host, KeepComments(host, replacement));
                changed = true;
            }

            if (!changed)
            {
                return null;
            }

            if (needsUsing && current is CompilationUnitSyntax compilationUnit)
            {
                current = UsingDirectives.AddRuntimeNamespace(compilationUnit);
            }

            return document.WithSyntaxRoot(current);
        }

        public static bool IsFixable(Diagnostic diagnostic) =>
            diagnostic.Id == DiagnosticContract.FirstPartyComparisonId
            && !HasProperty(diagnostic, DiagnosticContract.NoFixProperty, "true")
            && !HasProperty(diagnostic, DiagnosticContract.HasCapabilityFixProperty, "false");

        private static bool HasProperty(Diagnostic diagnostic, string key, string value) =>
            diagnostic.Properties.TryGetValue(key, out var actual) && string.Equals(actual, value, System.StringComparison.OrdinalIgnoreCase);

        private static void Annotate(Dictionary<SyntaxNode, List<SyntaxAnnotation>> annotations, SyntaxNode node, SyntaxAnnotation annotation)
        {
            if (!annotations.TryGetValue(node, out var list))
            {
                annotations[node] = list = new List<SyntaxAnnotation>();
            }

            list.Add(annotation);
        }

        private static bool ExtensionMethodsInScope(SemanticModel model, ProviderTypes types, Capability capability, int position) =>
            !model.LookupSymbols(position, types.ApiProvider, capability.ExtensionMethod(), includeReducedExtensionMethods: true)
                .IsEmpty;

        /// <summary>Whether plain <c>ApiProvider</c> means the runtime enum here (now, or once its namespace is imported).</summary>
        private static bool SimpleNameBindsToProvider(SemanticModel model, ProviderTypes types, int position)
        {
            var visible = model.LookupNamespacesAndTypes(position, name: "ApiProvider");
            return visible.IsEmpty
                || (visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], types.ApiProvider));
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
                    var rewritten = RewriteSwitchPattern(arm.Pattern, arm.WhenClause, translator);
                    return rewritten is null ? null : arm.WithPattern(rewritten.Value.Pattern).WithWhenClause(rewritten.Value.When);
                }

                case HostKind.PatternCaseLabel:
                {
                    var label = (CasePatternSwitchLabelSyntax)host;
                    var rewritten = RewriteSwitchPattern(label.Pattern, label.WhenClause, translator);
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

                default:
                    return null;
            }
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
                test = translator.Translate(pattern, value, site.AppendsToChain);
            }
            else if (translator.TryInPlace(pattern, out var rewritten, out var condition))
            {
                test = ExpressionBuilder.And(ExpressionBuilder.IsPattern(value, rewritten.WithoutTrivia()), condition);
            }
            else if (site.OperandIsRepeatable)
            {
                test = translator.Translate(pattern, value, site.AppendsToChain);
            }
            else
            {
                // Evaluate the tested expression once: `e is var p && (p is A || p.ModelIdFormat().IsFirstParty)`.
                var name = translator.NextName();
                var translated = translator.Translate(pattern, IdentifierName(name), appendsToChain: false);
                test = translated is null
                    ? null
                    : ExpressionBuilder.And(ExpressionBuilder.IsPattern(value, ExpressionBuilder.VarPattern(name)), translated);
            }

            return test is null ? null : ExpressionBuilder.FitInto(host, test).WithTriviaFrom(host);
        }

        private static (PatternSyntax Pattern, WhenClauseSyntax When)? RewriteSwitchPattern(
            PatternSyntax pattern, WhenClauseSyntax? whenClause, PatternTranslator translator)
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
                condition = translator.Translate(pattern, IdentifierName(name), appendsToChain: false);
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
