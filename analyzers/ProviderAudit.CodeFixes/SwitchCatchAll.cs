using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// A switch expression that listed every named provider without a catch-all (CS8524) loses FirstParty's coverage
    /// once that arm is guarded (CS8509). Appending the arm the compiler generated keeps it compiling cleanly and
    /// throwing the same exception for unmatched values.
    /// </summary>
    internal static class SwitchCatchAll
    {
        private const string AnnotationKind = "ProviderAudit.CatchAll";
        private const string WithValue = "value";
        private const string WithoutValue = "none";

        /// <summary>Marks a switch that needs the catch-all if its arm gets rewritten.</summary>
        public static SyntaxAnnotation Annotation(bool hasSwitchExpressionException) =>
            new SyntaxAnnotation(AnnotationKind, hasSwitchExpressionException ? WithValue : WithoutValue);

        /// <summary>
        /// Appends <c>var unmatched =&gt; throw new SwitchExpressionException(unmatched)</c> — exactly what the compiler
        /// generated for an unnamed enum value before — to the switches marked with <paramref name="switches"/>
        /// (those whose FirstParty arm became guarded).
        /// </summary>
        public static SyntaxNode AddTo(SyntaxNode root, IReadOnlyCollection<SyntaxAnnotation> switches)
        {
            var nodes = switches.SelectMany(annotation => root.GetAnnotatedNodes(annotation)).OfType<SwitchExpressionSyntax>().Distinct().ToList();
            return nodes.Count == 0 ? root : root.ReplaceNodes(nodes, (original, rewritten) => WithCatchAll(rewritten, original));
        }

        private static SwitchExpressionSyntax WithCatchAll(SwitchExpressionSyntax switchExpression, SyntaxNode scopeAnchor)
        {
            var arms = switchExpression.Arms;
            if (arms.Count == 0)
            {
                return switchExpression;
            }

            var withValue = switchExpression.GetAnnotations(AnnotationKind).First().Data == WithValue;
            var name = withValue ? new VariableNames(scopeAnchor).NextUnmatched() : "_";
            var exception = withValue
                ? ParseExpression("new global::System.Runtime.CompilerServices.SwitchExpressionException(" + name + ")")
                : ParseExpression("new global::System.InvalidOperationException()");
            exception = exception.ReplaceNode(
                ((ObjectCreationExpressionSyntax)exception).Type,
                ((ObjectCreationExpressionSyntax)exception).Type.WithAdditionalAnnotations(Simplifier.Annotation));

            var last = arms.Last();
            var lastTrailing = last.GetTrailingTrivia();
            var separatorTrailing = arms.SeparatorCount > 0 ? arms.GetSeparator(0).TrailingTrivia : lastTrailing;
            var newArm = SwitchExpressionArm(
                    withValue ? ExpressionBuilder.VarPattern(name) : (PatternSyntax)DiscardPattern(),
                    null,
                    ExpressionBuilder.SpacedToken(SyntaxKind.EqualsGreaterThanToken),
                    ThrowExpression(Token(TriviaList(), SyntaxKind.ThrowKeyword, TriviaList(Space)), exception))
                .WithLeadingTrivia(last.GetLeadingTrivia());

            var items = new List<SyntaxNodeOrToken>();
            var withSeparators = arms.GetWithSeparators();
            for (var i = 0; i < withSeparators.Count; i++)
            {
                var item = withSeparators[i];
                items.Add(i == withSeparators.Count - 1 && item.IsNode ? item.AsNode()!.WithoutTrailingTrivia() : item);
            }

            if (arms.SeparatorCount < arms.Count)
            {
                // No trailing comma: the line break after the last arm moves after the new one.
                items.Add(Token(TriviaList(), SyntaxKind.CommaToken, separatorTrailing));
                items.Add(newArm.WithTrailingTrivia(lastTrailing));
            }
            else
            {
                items.Add(newArm);
                items.Add(Token(TriviaList(), SyntaxKind.CommaToken, separatorTrailing));
            }

            return switchExpression.WithArms(SeparatedList<SwitchExpressionArmSyntax>(items));
        }
    }
}
