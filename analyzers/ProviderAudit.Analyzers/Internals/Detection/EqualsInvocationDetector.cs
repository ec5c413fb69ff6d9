using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// <c>p.Equals(X)</c>, <c>X.Equals(p)</c>, <c>Enum.Equals(a, X)</c>, <c>object.Equals(a, X)</c>,
    /// <c>EqualityComparer&lt;ApiProvider&gt;.Default.Equals(a, X)</c>: any two of the receiver and the arguments.
    /// </summary>
    internal sealed class EqualsInvocationDetector : IComparisonFormDetector
    {
        private readonly FirstPartyMatcher _matcher;

        public EqualsInvocationDetector(FirstPartyMatcher matcher) => _matcher = matcher;

        public OperationKind Kind => OperationKind.Invocation;

        public Finding? Detect(IOperation operation, CancellationToken cancellationToken)
        {
            var invocation = (IInvocationOperation)operation;
            if (invocation.TargetMethod.Name != nameof(Equals))
            {
                return null;
            }

            var operands = ImmutableArray.CreateBuilder<IOperation>();
            if (invocation.Instance is not null)
            {
                operands.Add(invocation.Instance);
            }

            foreach (var argument in invocation.Arguments)
            {
                operands.Add(argument.Value);
            }

            foreach (var operand in operands)
            {
                if (_matcher.Match(operand) is { } target)
                {
                    return Finding.Member(invocation, invocation.Syntax, target);
                }
            }

            for (var i = 0; i < operands.Count; i++)
            {
                for (var j = 0; j < operands.Count; j++)
                {
                    if (i != j && _matcher.MatchUnderlying(operands[i], operands[j]) is { } underlying)
                    {
                        return Finding.UnderlyingValue(invocation, invocation.Syntax, underlying);
                    }
                }
            }

            for (var i = 0; i < operands.Count; i++)
            {
                for (var j = i + 1; j < operands.Count; j++)
                {
                    if (_matcher.Names.MatchComparison(operands[i], operands[j], cancellationToken) is { } name)
                    {
                        return Finding.Name(invocation, invocation.Syntax, name);
                    }
                }
            }

            return null;
        }
    }
}
