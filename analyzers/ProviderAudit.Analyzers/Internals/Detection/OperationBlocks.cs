using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// The operation blocks of a declaration (a member, or a whole tree), or the one operation of a statement (which the
    /// semantic model binds on its own), as the compiler's analyzer driver builds them
    /// for operation actions: a method's or accessor's body with its constructor initializer, each initializer of a field,
    /// property, parameter or enum member, an expression-bodied property, each attribute, top-level statements and a
    /// primary constructor's base arguments. Lambdas and local functions are inside their member's block.
    /// </summary>
    internal static class OperationBlocks
    {
        public static List<IOperation> Of(SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            var blocks = new List<IOperation>();
            var pending = new Stack<SyntaxNode>();
            pending.Push(declaration);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                var block = node switch
                {
                    BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or EqualsValueClauseSyntax or AttributeSyntax or PrimaryConstructorBaseTypeSyntax
                        or ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } or StatementSyntax => node,
                    CompilationUnitSyntax unit when HasGlobalStatements(unit) => node,
                    _ => null,
                };
                if (block is not null && model.GetOperation(block, cancellationToken) is { } operation)
                {
                    blocks.Add(operation);
                }

                foreach (var child in node.ChildNodes())
                {
                    if (!IsInside(child, node))
                    {
                        pending.Push(child);
                    }
                }
            }

            return blocks;
        }

        /// <summary>Whether <paramref name="child"/> is part of <paramref name="parent"/>'s own block (its body, initializer, arguments or statements).</summary>
        private static bool IsInside(SyntaxNode child, SyntaxNode parent) => parent switch
        {
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => child is BlockSyntax or ArrowExpressionClauseSyntax or ConstructorInitializerSyntax,
            EqualsValueClauseSyntax or AttributeSyntax or PrimaryConstructorBaseTypeSyntax or ArrowExpressionClauseSyntax or StatementSyntax => true,
            CompilationUnitSyntax unit => child is GlobalStatementSyntax && HasGlobalStatements(unit),
            _ => false,
        };

        private static bool HasGlobalStatements(CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
