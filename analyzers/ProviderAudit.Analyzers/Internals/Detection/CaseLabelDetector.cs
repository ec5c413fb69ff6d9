using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>A classic <c>case ApiProvider.FirstParty:</c> label of a switch statement.</summary>
    internal sealed class CaseLabelDetector : IComparisonFormDetector
    {
        private readonly FirstPartyMatcher _matcher;

        public CaseLabelDetector(FirstPartyMatcher matcher) => _matcher = matcher;

        public OperationKind Kind => OperationKind.CaseClause;

        public Finding? Detect(IOperation operation, CancellationToken cancellationToken)
        {
            if (operation is not ISingleValueCaseClauseOperation clause)
            {
                return null;
            }

            if (_matcher.Match(clause.Value) is { } target)
            {
                return Finding.Member(clause, clause.Syntax, target);
            }

            var switchValue = clause.Parent is ISwitchCaseOperation { Parent: ISwitchOperation @switch } ? @switch.Value : null;
            if (_matcher.MatchUnderlying(switchValue, clause.Value) is { } underlying)
            {
                return Finding.UnderlyingValue(clause, clause.Syntax, underlying);
            }

            return _matcher.Names.FirstPartyName(clause.Value) is { } name && _matcher.Names.IsProviderName(switchValue, cancellationToken)
                ? Finding.Name(clause, clause.Syntax, name)
                : null;
        }
    }
}
