using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary><c>a == X</c> and <c>a != X</c>, either operand order, lifted, through casts; also <c>(int)p == 0</c> and provider names.</summary>
    internal sealed class EqualityDetector : IComparisonFormDetector
    {
        private readonly FirstPartyMatcher _matcher;

        public EqualityDetector(FirstPartyMatcher matcher) => _matcher = matcher;

        public OperationKind Kind => OperationKind.Binary;

        public Finding? Detect(IOperation operation, CancellationToken cancellationToken)
        {
            var binary = (IBinaryOperation)operation;
            if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return null;
            }

            if ((_matcher.Match(binary.LeftOperand) ?? _matcher.Match(binary.RightOperand)) is { } target)
            {
                return Finding.Member(binary, binary.Syntax, target);
            }

            if ((_matcher.MatchUnderlying(binary.LeftOperand, binary.RightOperand) ?? _matcher.MatchUnderlying(binary.RightOperand, binary.LeftOperand)) is { } underlying)
            {
                return Finding.UnderlyingValue(binary, binary.Syntax, underlying);
            }

            return _matcher.Names.MatchComparison(binary.LeftOperand, binary.RightOperand, cancellationToken) is { } name
                ? Finding.Name(binary, binary.Syntax, name)
                : null;
        }
    }
}
