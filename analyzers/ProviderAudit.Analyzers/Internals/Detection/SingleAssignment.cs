using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// The one value a local or a readonly field ever holds: its declaration's initializer, when nothing else writes it.
    /// Lets a check see through <c>var name = GetApiProvider(); … name == "firstParty"</c> and
    /// <c>static readonly ApiProvider[] Direct = { … }; … Direct.Contains(p)</c>. Same syntax tree only: an analyzer
    /// gets semantic models for the tree it analyzes, not for others.
    /// </summary>
    internal static class SingleAssignment
    {
        /// <summary>The initializer's operation, or null when the symbol is written anywhere else or declared elsewhere.</summary>
        public static IOperation? InitialValue(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(symbol is ILocalSymbol { IsRef: false, IsConst: false } || symbol is IFieldSymbol { IsReadOnly: true, IsConst: false })
                || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = symbol.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != model.SyntaxTree
                || !(reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } declarator))
            {
                return null;
            }

            var scope = symbol is ILocalSymbol ? EnclosingBody(declarator) : declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (scope is null || IsWrittenIn(scope, symbol, model, cancellationToken))
            {
                return null;
            }

            return model.GetOperation(initializer.Value, cancellationToken);
        }

        /// <summary>
        /// For a local a deconstruction declares — <c>var (a, b) = e;</c>, <c>(var a, var b) = e;</c>,
        /// <c>(string a, (string b, int c)) = e;</c> — and nothing else writes: <c>e</c>'s operation and the element path to
        /// the local (<c>b</c> above: [1, 0]). Null for any other local.
        /// </summary>
        public static DeconstructedLocal? DeconstructedFrom(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            if (local.IsRef || local.IsConst || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = local.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != model.SyntaxTree || !(reference.GetSyntax(cancellationToken) is SingleVariableDesignationSyntax designation))
            {
                return null;
            }

            var path = ImmutableArray.CreateBuilder<int>();
            SyntaxNode node = designation;
            while (true)
            {
                switch (node.Parent)
                {
                    case ParenthesizedVariableDesignationSyntax parenthesized:
                        path.Insert(0, parenthesized.Variables.IndexOf((VariableDesignationSyntax)node));
                        node = parenthesized;
                        continue;
                    case DeclarationExpressionSyntax declaration:
                        node = declaration;
                        continue;
                    case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument:
                        path.Insert(0, tuple.Arguments.IndexOf(argument));
                        node = tuple;
                        continue;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == node && path.Count > 0:
                        var scope = EnclosingBody(assignment);
                        if (scope is null || IsWrittenIn(scope, local, model, cancellationToken)
                            || !(model.GetOperation(assignment.Right, cancellationToken) is { } value))
                        {
                            return null;
                        }

                        return new DeconstructedLocal(value, path.ToImmutable());
                    default:
                        return null;
                }
            }
        }

        private static SyntaxNode? EnclosingBody(SyntaxNode declarator)
        {
            for (var node = declarator.Parent; node is not null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax || node is CompilationUnitSyntax)
                {
                    return node;
                }
            }

            return null;
        }

        /// <summary>Any assignment, increment, <c>ref</c>/<c>out</c> argument or deconstruction target naming the symbol in <paramref name="scope"/>.</summary>
        private static bool IsWrittenIn(SyntaxNode scope, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var token in scope.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != symbol.Name || !(token.Parent is IdentifierNameSyntax name))
                {
                    continue;
                }

                ExpressionSyntax written = name;
                while (written.Parent is MemberAccessExpressionSyntax access && access.Name == written && access.Expression is ThisExpressionSyntax or IdentifierNameSyntax)
                {
                    written = access;
                }

                if (IsWriteTarget(written) && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsWriteTarget(ExpressionSyntax expression)
        {
            var node = expression;
            while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized;
            }

            switch (node.Parent)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == node;
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression);
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    return !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword);
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                    // `(a, b) = …`: a tuple element on the left of an assignment.
                    return IsWriteTarget(tuple);
                case RefExpressionSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The value a deconstruction takes apart and the element path (outermost first) to one of the locals it declares.</summary>
    internal sealed class DeconstructedLocal
    {
        public DeconstructedLocal(IOperation value, ImmutableArray<int> path)
        {
            Value = value;
            Path = path;
        }

        public IOperation Value { get; }

        public ImmutableArray<int> Path { get; }
    }
}
