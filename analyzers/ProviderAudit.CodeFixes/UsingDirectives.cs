using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Adds <c>using ProviderAudit.Runtime;</c> (or the namespace of a configured provider enum) where the file keeps its usings (top of the file, or inside its
    /// only namespace when that is where they live), in sorted position with <c>System</c> first.
    /// </summary>
    internal static class UsingDirectives
    {
        public static CompilationUnitSyntax AddNamespace(CompilationUnitSyntax root, string namespaceName)
        {
            var namespaces = root.Members.OfType<BaseNamespaceDeclarationSyntax>().ToList();
            if (root.Usings.Count == 0 && namespaces.Count == 1 && namespaces[0].Usings.Count > 0)
            {
                var declaration = namespaces[0];
                return root.ReplaceNode(declaration, declaration.WithUsings(Insert(declaration.Usings, declaration.Usings[0].GetLeadingTrivia(), namespaceName)));
            }

            if (root.Usings.Count > 0)
            {
                return root.WithUsings(Insert(root.Usings, default, namespaceName));
            }

            // No usings yet: the directive goes first, after any file header, followed by a blank line.
            var firstToken = root.GetFirstToken(includeZeroWidth: true);
            var header = firstToken.LeadingTrivia;
            var directive = NewDirective(default, namespaceName)
                .WithLeadingTrivia(header)
                .WithTrailingTrivia(LineBreakOf(root), LineBreakOf(root));
            var rootWithoutHeader = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxTriviaList.Empty));
            return rootWithoutHeader.WithUsings(List(new[] { directive }));
        }

        private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, SyntaxTriviaList indentation, string namespaceName)
        {
            var endOfLine = LineBreakOf(usings.Last());
            var indent = indentation.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();

            var index = 0;
            while (index < usings.Count && SortsBefore(usings[index], namespaceName))
            {
                index++;
            }

            var directive = NewDirective(indent, namespaceName).WithTrailingTrivia(endOfLine);
            if (index == 0)
            {
                // Keep a file header (and any blank line after it) at the very top.
                var first = usings[0];
                directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                usings = usings.Replace(first, first.WithLeadingTrivia(indent.IsKind(SyntaxKind.None) ? SyntaxTriviaList.Empty : TriviaList(indent)));
            }

            return usings.Insert(index, directive);
        }

        private static SyntaxTrivia LineBreakOf(SyntaxNode node)
        {
            var existing = node.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : EndOfLine("\n");
        }

        private static UsingDirectiveSyntax NewDirective(SyntaxTrivia indent, string namespaceName)
        {
            var directive = UsingDirective(ParseName(namespaceName))
                .WithUsingKeyword(Token(TriviaList(), SyntaxKind.UsingKeyword, TriviaList(Space)));
            return indent.IsKind(SyntaxKind.None) ? directive : directive.WithLeadingTrivia(indent);
        }

        /// <summary>Plain namespace usings sort ordinally with System first; aliases and statics stay after them.</summary>
        private static bool SortsBefore(UsingDirectiveSyntax existing, string name)
        {
            if (!existing.GlobalKeyword.IsKind(SyntaxKind.None))
            {
                return true;
            }

            if (existing.Alias != null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
            {
                return false;
            }

            var existingName = existing.Name.ToString();
            var existingIsSystem = existingName == "System" || existingName.StartsWith("System.", StringComparison.Ordinal);
            if (existingIsSystem)
            {
                return true;
            }

            return string.Compare(existingName, name, StringComparison.OrdinalIgnoreCase) < 0;
        }
    }
}
