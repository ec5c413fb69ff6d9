using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Picks names for the pattern variables a rewrite introduces (<c>case var p when …</c>). A name is free when
    /// no identifier in the enclosing member spells it: that rules out clashes with locals and parameters
    /// (CS0128/CS0136) and with fields the surrounding code reads, which the new variable would shadow.
    /// </summary>
    internal sealed class VariableNames
    {
        private static readonly string[] Preferred = { "p", "provider", "apiProvider" };

        private readonly HashSet<string> _taken = new HashSet<string>();

        public VariableNames(SyntaxNode anchor)
        {
            // Pattern variables of other switch arms and case labels are scoped to their arm or section, so a variable
            // that is itself scoped to an arm or label cannot clash with them. A variable anywhere else (an `is` pattern
            // in an `if` condition is scoped to the enclosing block) encloses those arms and clashes with them (CS0136).
            var armScoped = anchor.AncestorsAndSelf().Any(node => node is SwitchExpressionArmSyntax || node is SwitchLabelSyntax);
            foreach (var token in Scope(anchor).DescendantTokens(node =>
                         !(armScoped && (node is SwitchExpressionArmSyntax || node is CasePatternSwitchLabelSyntax) && !node.Span.Contains(anchor.Span))))
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    _taken.Add(token.ValueText);
                }
            }
        }

        public string Next()
        {
            foreach (var name in Preferred)
            {
                if (_taken.Add(name))
                {
                    return name;
                }
            }

            for (var suffix = 2; ; suffix++)
            {
                var name = "provider" + suffix;
                if (_taken.Add(name))
                {
                    return name;
                }
            }
        }

        /// <summary>A name for the value no arm matched.</summary>
        public string NextUnmatched()
        {
            for (var suffix = 1; ; suffix++)
            {
                var name = suffix == 1 ? "unmatched" : "unmatched" + suffix;
                if (_taken.Add(name))
                {
                    return name;
                }
            }
        }

        private static SyntaxNode Scope(SyntaxNode anchor)
        {
            for (var node = anchor; node != null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not GlobalStatementSyntax)
                {
                    return node;
                }

                if (node is CompilationUnitSyntax)
                {
                    return node;
                }
            }

            return anchor;
        }
    }
}
