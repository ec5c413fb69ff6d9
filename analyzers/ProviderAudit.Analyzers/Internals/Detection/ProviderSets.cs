using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// A collection of providers whose elements are known where it is queried: written at the query
    /// (<c>new[] { … }</c>, <c>new HashSet&lt;ApiProvider&gt; { … }</c>), or held by a local or readonly field whose only value
    /// is such a collection (an array, list or set initializer, a collection expression, <c>ImmutableArray.Create(…)</c>,
    /// <c>….ToHashSet()</c>, <c>….ToFrozenSet()</c> and the like).
    /// </summary>
    internal sealed class ProviderSet
    {
        private ProviderSet(ImmutableArray<IOperation> elements, bool isWrittenAtQuery, bool isNamed)
        {
            Elements = elements;
            IsWrittenAtQuery = isWrittenAtQuery;
            IsNamed = isNamed;
        }

        /// <summary>The element values, each as the operation that computes it.</summary>
        public ImmutableArray<IOperation> Elements { get; }

        /// <summary>
        /// The elements are an initializer written in the query itself (an array without explicit sizes, or a
        /// List/HashSet collection initializer), so a rewrite can drop some of them in place.
        /// </summary>
        public bool IsWrittenAtQuery { get; }

        /// <summary>The query reads a local or field: the same set may be read by other code.</summary>
        public bool IsNamed { get; }

        /// <summary>The set <paramref name="collection"/> evaluates to, or null when its elements are not known.</summary>
        public static ProviderSet? Of(IOperation collection, SemanticModel model, CancellationToken cancellationToken)
            => Of(collection, model, cancellationToken, depth: 0);

        private static ProviderSet? Of(IOperation? collection, SemanticModel model, CancellationToken cancellationToken, int depth)
        {
            // A chain of conversions and copies is short in real code; the bound also stops `a = b, b = a` field cycles.
            if (collection is null || depth > 8)
            {
                return null;
            }

            switch (collection)
            {
                case IConversionOperation conversion:
                    return Of(conversion.Operand, model, cancellationToken, depth + 1);
                case IArrayCreationOperation { Initializer: { } initializer } array:
                    return new ProviderSet(initializer.ElementValues, !array.IsImplicit && HasNoExplicitSizes(array.Syntax), isNamed: false);
                case IArrayInitializerOperation initializer:
                    // `ApiProvider[] Direct = { … };`: the declaration's initializer is the bare `{ … }`.
                    return new ProviderSet(initializer.ElementValues, isWrittenAtQuery: false, isNamed: false);
                case IObjectCreationOperation creation:
                    return OfObjectCreation(creation, model, cancellationToken, depth);
                case IInvocationOperation invocation:
                    return OfInvocation(invocation, model, cancellationToken, depth);
                case ILocalReferenceOperation local:
                    return Named(Of(SingleAssignment.InitialValue(local.Local, model, cancellationToken), model, cancellationToken, depth + 1));
                case IFieldReferenceOperation field:
                    return Named(Of(SingleAssignment.InitialValue(field.Field, model, cancellationToken), model, cancellationToken, depth + 1));
                default:
                    return collection.Syntax is CollectionExpressionSyntax collectionExpression
                        ? OfCollectionExpression(collectionExpression, model, cancellationToken)
                        : null;
            }
        }

        private static ProviderSet? Named(ProviderSet? set) => set is null ? null : new ProviderSet(set.Elements, isWrittenAtQuery: false, isNamed: true);

        private static bool HasNoExplicitSizes(SyntaxNode syntax)
        {
            if (syntax is ImplicitArrayCreationExpressionSyntax)
            {
                return true;
            }

            if (!(syntax is ArrayCreationExpressionSyntax creation))
            {
                return false;
            }

            foreach (var rank in creation.Type.RankSpecifiers)
            {
                foreach (var size in rank.Sizes)
                {
                    if (!(size is OmittedArraySizeExpressionSyntax))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary><c>new HashSet&lt;ApiProvider&gt; { … }</c>, <c>new List&lt;ApiProvider&gt;(source) { … }</c>; a comparer argument makes the set unknown.</summary>
        private static ProviderSet? OfObjectCreation(IObjectCreationOperation creation, SemanticModel model, CancellationToken cancellationToken, int depth)
        {
            if (!IsPlainCollection(creation.Type) || creation.Arguments.Length > 1)
            {
                return null;
            }

            var elements = ImmutableArray.CreateBuilder<IOperation>();
            if (creation.Arguments.Length == 1)
            {
                var source = Of(creation.Arguments[0].Value, model, cancellationToken, depth + 1);
                if (source is null)
                {
                    return null;
                }

                elements.AddRange(source.Elements);
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var element in initializer.Initializers)
                {
                    if (!(element is IInvocationOperation { Arguments.Length: 1 } add))
                    {
                        return null;
                    }

                    elements.Add(add.Arguments[0].Value);
                }
            }

            var writtenAtQuery = creation.Arguments.Length == 0 && creation.Initializer is not null;
            return new ProviderSet(elements.ToImmutable(), writtenAtQuery, isNamed: false);
        }

        /// <summary>List, HashSet, SortedSet of System.Collections.Generic: membership is plain equality.</summary>
        private static bool IsPlainCollection(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: true, Arity: 1 } named
               && named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
               && (named.Name == "List" || named.Name == "HashSet" || named.Name == "SortedSet");

        /// <summary>
        /// <c>ImmutableArray.Create(a, b)</c>, <c>ImmutableHashSet.CreateRange(source)</c>, and copies of a known set:
        /// <c>source.ToHashSet()</c>, <c>.ToFrozenSet()</c>, <c>.ToImmutableArray()</c>, <c>.AsSpan()</c>, … (a copy of a set
        /// written at the query can still be edited in place).
        /// </summary>
        private static ProviderSet? OfInvocation(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken, int depth)
        {
            var method = invocation.TargetMethod;
            var container = method.ContainingType?.ContainingNamespace?.ToDisplayString();
            if (container != "System.Linq" && container != "System" && container != "System.Collections.Immutable" && container != "System.Collections.Frozen")
            {
                return null;
            }

            if (IsCopy(method.Name))
            {
                // The source, and nothing else but defaulted optional arguments (ToFrozenSet's comparer = null).
                IOperation? source = invocation.Instance;
                foreach (var argument in invocation.Arguments)
                {
                    if (invocation.Instance is null && argument.Parameter?.Ordinal == 0)
                    {
                        source = argument.Value;
                    }
                    else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return null;
                    }
                }

                return Of(source, model, cancellationToken, depth + 1);
            }

            if (container != "System.Collections.Immutable" || invocation.Instance is not null)
            {
                return null;
            }

            if (method.Name == "CreateRange" && invocation.Arguments.Length == 1)
            {
                var range = Of(invocation.Arguments[0].Value, model, cancellationToken, depth + 1);
                return range is null ? null : new ProviderSet(range.Elements, isWrittenAtQuery: false, isNamed: false);
            }

            if (method.Name != "Create")
            {
                return null;
            }

            var elements = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    elements.AddRange(initializer.ElementValues);
                }
                else if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Type.TypeKind != TypeKind.Array)
                {
                    elements.Add(argument.Value);
                }
                else
                {
                    return null;
                }
            }

            return new ProviderSet(elements.ToImmutable(), isWrittenAtQuery: false, isNamed: false);
        }

        private static bool IsCopy(string name)
        {
            switch (name)
            {
                case "AsSpan":
                case "AsMemory":
                case "ToArray":
                case "ToList":
                case "ToHashSet":
                case "ToImmutableArray":
                case "ToImmutableList":
                case "ToImmutableHashSet":
                case "ToImmutableSortedSet":
                case "ToFrozenSet":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>[ApiProvider.FirstParty, ApiProvider.Foundry]</c> (C# 12); a spread (<c>..other</c>) makes the set unknown.</summary>
        private static ProviderSet? OfCollectionExpression(CollectionExpressionSyntax collection, SemanticModel model, CancellationToken cancellationToken)
        {
            var elements = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var element in collection.Elements)
            {
                if (!(element is ExpressionElementSyntax expression) || !(model.GetOperation(expression.Expression, cancellationToken) is { } value))
                {
                    return null;
                }

                elements.Add(value);
            }

            return new ProviderSet(elements.ToImmutable(), isWrittenAtQuery: false, isNamed: false);
        }
    }
}
