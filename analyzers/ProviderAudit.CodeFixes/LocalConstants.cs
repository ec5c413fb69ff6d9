using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// <c>const ApiProvider Fp = ApiProvider.FirstParty;</c> read only by checks the rewrite replaced would be an unused local
    /// (warning CS0219): such a declaration goes too. One still named anywhere in its block stays.
    /// </summary>
    internal static class LocalConstants
    {
        /// <summary>Removes the declarators marked with <paramref name="annotationKind"/> that nothing in their block names any more.</summary>
        public static SyntaxNode RemoveUnused(SyntaxNode root, string annotationKind)
        {
            var marks = root.GetAnnotatedNodes(annotationKind).SelectMany(node => node.GetAnnotations(annotationKind)).Distinct().ToList();
            foreach (var mark in marks)
            {
                var current = root.GetAnnotatedNodes(mark).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
                if (current?.Parent is VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } declaration
                    && (statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent) is { } scope
                    && !IsNamedIn(scope, current))
                {
                    root = declaration.Variables.Count == 1
                        ? RemoveStatement(root, statement)
                        : root.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
                }
            }

            return root;
        }

        private static bool IsNamedIn(SyntaxNode scope, VariableDeclaratorSyntax declarator) =>
            scope.DescendantTokens().Any(token =>
                token.IsKind(SyntaxKind.IdentifierToken)
                && token.ValueText == declarator.Identifier.ValueText
                && token != declarator.Identifier);

        /// <summary>Removes the statement and its line; comments above it stay, at the next statement's indentation.</summary>
        private static SyntaxNode RemoveStatement(SyntaxNode root, LocalDeclarationStatementSyntax statement)
        {
            var target = statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement;
            var leading = target.GetLeadingTrivia();
            if (!leading.Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)))
            {
                return root.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
            }

            // Keep the comment lines; drop the indentation that stood before the removed statement itself.
            var kept = leading.Reverse().SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
            var marker = new SyntaxAnnotation();
            root = root.ReplaceNode(target, target.WithLeadingTrivia(kept).WithAdditionalAnnotations(marker));
            return root.RemoveNode(root.GetAnnotatedNodes(marker).Single(), SyntaxRemoveOptions.KeepLeadingTrivia) ?? root;
        }
    }
}
