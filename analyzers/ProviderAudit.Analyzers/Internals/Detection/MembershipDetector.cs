using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// <c>new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p)</c> — bound to <c>Enumerable.Contains</c>, to
    /// <c>MemoryExtensions.Contains</c> (C# 14 binds array receivers to the span overload) or to a collection's own
    /// <c>Contains</c> — over a set whose elements are known and include the first-party member.
    /// </summary>
    internal sealed class MembershipDetector : IComparisonFormDetector
    {
        private readonly FirstPartyMatcher _matcher;

        public MembershipDetector(FirstPartyMatcher matcher) => _matcher = matcher;

        public OperationKind Kind => OperationKind.Invocation;

        public Finding? Detect(IOperation operation, CancellationToken cancellationToken)
        {
            var invocation = (IInvocationOperation)operation;
            if (invocation.TargetMethod.Name != "Contains"
                || invocation.TargetMethod.ReturnType.SpecialType != SpecialType.System_Boolean
                || invocation.SemanticModel is not { } model)
            {
                return null;
            }

            // Instance Contains(value), or static/extension Contains(collection, value); .NET 10's
            // MemoryExtensions.Contains(span, value, comparer = null) — what C# 14 binds an enum array receiver to — adds a
            // defaulted comparer, which must stay default: a comparer of its own makes membership something else.
            IOperation? collection = invocation.Instance, value = null;
            var valueOrdinal = invocation.Instance is null ? 1 : 0;
            foreach (var argument in invocation.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                if (ordinal == valueOrdinal)
                {
                    value = argument.Value;
                }
                else if (ordinal == 0 && invocation.Instance is null)
                {
                    collection = argument.Value;
                }
                else if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.ConstantValue is not { HasValue: true, Value: null })
                {
                    return null;
                }
            }

            // Most Contains calls look up strings or numbers: only a provider-typed value can be a provider membership test.
            if (collection is null || value is null || !_matcher.CouldHoldProvider(value))
            {
                return null;
            }

            var set = ProviderSet.Of(collection, model, cancellationToken);
            if (set is null)
            {
                return null;
            }

            ProviderTarget? target = null;
            var firstPartyElements = new List<SyntaxNode>();
            var allConstant = true;
            foreach (var element in set.Elements)
            {
                allConstant &= element.ConstantValue.HasValue;
                var matched = _matcher.Match(element);
                if (matched is not null && (target is null || ReferenceEquals(matched, target)))
                {
                    target = matched;
                    firstPartyElements.Add(element.Syntax);
                }
            }

            if (target is null)
            {
                return null;
            }

            var reason = set.IsNamed ? DiagnosticContract.NoFixReasons.NamedProviderSet
                : !set.IsWrittenAtQuery || !allConstant ? DiagnosticContract.NoFixReasons.UnsupportedShape
                : null;
            return Finding.Membership(invocation, invocation.Syntax, target, reason, value.Syntax, firstPartyElements);
        }
    }
}
