using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// <c>(p, x) == (ApiProvider.FirstParty, y)</c>: reported on the whole expression without a fix, since a capability
    /// call cannot stand in for one element of a tuple comparison.
    /// </summary>
    internal sealed class TupleEqualityDetector : IComparisonFormDetector
    {
        private readonly FirstPartyMatcher _matcher;

        public TupleEqualityDetector(FirstPartyMatcher matcher) => _matcher = matcher;

        public OperationKind Kind => OperationKind.TupleBinary;

        public Finding? Detect(IOperation operation, CancellationToken cancellationToken)
        {
            var binary = (ITupleBinaryOperation)operation;
            if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return null;
            }

            return (_matcher.MatchElement(binary.LeftOperand) ?? _matcher.MatchElement(binary.RightOperand)) is { } target
                ? Finding.Member(binary, binary.Syntax, target, DiagnosticContract.NoFixReasons.TupleEquality)
                : null;
        }
    }
}
