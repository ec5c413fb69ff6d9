using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// One compilation's answers to the fix planner's name questions — are the capability extension methods in scope, and
    /// how is the type the rewrite names spelled (the provider enum, or <c>ApiProviderIds</c> for string ids) — per name
    /// scope instead of per finding: the one lookup path of <see cref="FixPlanner"/>, for enum and string ids alike.
    /// </summary>
    /// <remarks>
    /// Profiled in phase 2 (dotnet-trace of the analysis phase): the two semantic-model lookups behind those answers were two thirds of the
    /// planner's cost and a quarter of the analyzer's own time, repeated for every finding although the answer only
    /// changes where the names in scope change. A simple type name binds the same way everywhere inside one namespace
    /// declaration, type declaration, or generic method or local function (the scopes that bring usings, nested types
    /// and type parameters), and extension methods are found through the enclosing namespaces and usings only; so
    /// the innermost such node is an exact key. Positions inside attributes, base lists and type-parameter lists
    /// and constraints bind in scopes of their own and are never cached.
    /// </remarks>
    internal sealed class NameScopeCache
    {
        private readonly ConcurrentDictionary<Key, ScopeNames> _names = new ConcurrentDictionary<Key, ScopeNames>();

        /// <summary>The names for the ids <paramref name="ids"/> identifies (<see cref="IComparedIds.CacheKey"/>) at <paramref name="position"/> of <paramref name="model"/>'s tree.</summary>
        public ScopeNames Get(SemanticModel model, object ids, int position, Func<int, ScopeNames> compute, CancellationToken cancellationToken)
        {
            var scope = ScopeAt(model.SyntaxTree.GetRoot(cancellationToken).FindToken(position));
            if (scope is null)
            {
                return compute(position);
            }

            var key = new Key(model.SyntaxTree, scope.Value, ids);
            if (_names.TryGetValue(key, out var names))
            {
                return names;
            }

            names = compute(position);
            _names.TryAdd(key, names);
            return names;
        }

        /// <summary>The span of the innermost node that decides which names are in scope at <paramref name="token"/>; null where it is not cached.</summary>
        internal static TextSpan? ScopeAt(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case AttributeListSyntax _:
                    case BaseListSyntax _:
                    case TypeParameterListSyntax _:
                    case TypeParameterConstraintClauseSyntax _:
                        return null;
                    case MethodDeclarationSyntax { TypeParameterList: not null }:
                    case LocalFunctionStatementSyntax { TypeParameterList: not null }:
                    case BaseTypeDeclarationSyntax _:
                    case BaseNamespaceDeclarationSyntax _:
                    case CompilationUnitSyntax _:
                        return node.Span;
                }
            }

            return null;
        }

        private readonly struct Key : IEquatable<Key>
        {
            private readonly SyntaxTree _tree;
            private readonly TextSpan _scope;
            private readonly object _ids;

            public Key(SyntaxTree tree, TextSpan scope, object ids)
            {
                _tree = tree;
                _scope = scope;
                _ids = ids;
            }

            public bool Equals(Key other) => ReferenceEquals(_tree, other._tree) && _scope == other._scope && ReferenceEquals(_ids, other._ids);

            public override bool Equals(object? obj) => obj is Key other && Equals(other);

            public override int GetHashCode() => (_tree.GetHashCode() * 31 + _scope.GetHashCode()) * 31 + _ids.GetHashCode();
        }
    }

    /// <summary>
    /// What a rewrite must import (empty: nothing) and how it spells the type it names — the provider enum, or for string ids
    /// <c>ApiProviderIds</c> — in one name scope.
    /// </summary>
    internal sealed class ScopeNames
    {
        public ScopeNames(string import, string typeSyntax)
        {
            Import = import;
            TypeSyntax = typeSyntax;
        }

        public string Import { get; }

        public string TypeSyntax { get; }
    }
}
