using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// <c>is X</c>, <c>is not X</c>, X inside <c>or</c>/<c>and</c>, property, positional and tuple patterns, switch
    /// expression arms and <c>case X when …:</c>: the constant pattern of X.
    /// </summary>
    internal sealed class ConstantPatternDetector : IComparisonFormDetector
    {
        private readonly FirstPartyMatcher _matcher;

        public ConstantPatternDetector(FirstPartyMatcher matcher) => _matcher = matcher;

        public OperationKind Kind => OperationKind.ConstantPattern;

        public Finding? Detect(IOperation operation, CancellationToken cancellationToken)
        {
            var pattern = (IConstantPatternOperation)operation;
            var location = PatternLocation(pattern.Syntax);
            if (_matcher.Match(pattern.Value) is { } target)
            {
                return Finding.Member(pattern, location, target);
            }

            var input = PatternInput(pattern);
            if (_matcher.MatchUnderlying(input, pattern.Value) is { } underlying)
            {
                return Finding.UnderlyingValue(pattern, location, underlying);
            }

            return _matcher.Names.FirstPartyName(pattern.Value) is { } name && _matcher.Names.IsProviderName(input, cancellationToken)
                ? Finding.Name(pattern, location, name)
                : null;
        }

        /// <summary>The value a top-level constant pattern is matched against (is, switch, property sub-pattern).</summary>
        private static IOperation? PatternInput(IOperation pattern)
        {
            var current = pattern.Parent;
            while (current is not null)
            {
                switch (current)
                {
                    case IBinaryPatternOperation:
                    case INegatedPatternOperation:
                    case IPatternCaseClauseOperation:
                    case ISwitchCaseOperation:
                    case ISwitchExpressionArmOperation:
                        current = current.Parent;
                        continue;
                    case IIsPatternOperation isPattern:
                        return isPattern.Value;
                    case ISwitchOperation @switch:
                        return @switch.Value;
                    case ISwitchExpressionOperation switchExpression:
                        return switchExpression.Value;
                    case IPropertySubpatternOperation subpattern:
                        return subpattern.Member;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The contract's node for a constant pattern: its <c>ConstantPatternSyntax</c>, or the whole
        /// <c>e is X</c> expression where the parser read X as a type.
        /// </summary>
        private static SyntaxNode PatternLocation(SyntaxNode patternSyntax)
            => patternSyntax is not ConstantPatternSyntax && patternSyntax.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.IsExpression)
                ? parent
                : patternSyntax;
    }
}
