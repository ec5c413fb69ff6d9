using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// What <see cref="FixPlanner"/> asks of the ids a check compares — members of a provider enum
    /// (<see cref="EnumIds"/>) or provider names held in strings (<see cref="StringIds"/>). The planner walks every
    /// form the same way; only these answers differ. One instance per flagged check (it holds that check's model).
    /// </summary>
    internal interface IComparedIds
    {
        /// <summary>Identifies the ids for <see cref="NameScopeCache"/>: the same object for every check of one compilation on them.</summary>
        object CacheKey { get; }

        /// <summary>Whether the planner removes a local constant the rewrite leaves unused (<see cref="DiagnosticContract.LocalConstantProperty"/>).</summary>
        bool TracksLocalConstants { get; }

        /// <summary>Whether <paramref name="expression"/> is the first-party id the check compares with.</summary>
        bool IsFirstPartyConstant(ExpressionSyntax expression);

        /// <summary>Whether <paramref name="candidate"/> (a <c>goto case</c> target) names the same case as <paramref name="label"/>.</summary>
        bool IsSameCase(ExpressionSyntax candidate, ExpressionSyntax label);

        /// <summary>Of two compared sides, the value asked about and the first-party constant; false when that is not clear.</summary>
        bool TrySplit(ExpressionSyntax left, ExpressionSyntax right, out ExpressionSyntax operand, out ExpressionSyntax constant);

        /// <summary>
        /// The <see cref="DiagnosticContract.Shapes"/> value of a compared operand, after looking through what the rewrite
        /// drops (casts, parentheses; <paramref name="operand"/> is updated); null when the rewrite cannot ask it.
        /// </summary>
        string? ComparedShape(ref ExpressionSyntax operand);

        /// <summary>Whether <paramref name="operand"/> is a provider value as such (a membership test's lookup).</summary>
        bool IsProviderValue(ExpressionSyntax operand);

        /// <summary>The constant pattern's shape (<see cref="DiagnosticContract.ConstantShapeProperty"/>) when the rewrite can replace it; null otherwise.</summary>
        string? PatternConstantShape(ConstantPatternSyntax constant);

        /// <summary>An is-pattern's constant and operand shapes; <paramref name="nested"/> when the constant is inside a property or positional pattern.</summary>
        (string Constant, string Operand) IsPatternShapes(ExpressionSyntax tested, bool nested, string constantShape);

        /// <summary>The switch's governing shape (<see cref="DiagnosticContract.OperandShapeProperty"/>) for a pattern case or arm; null to leave it unsaid.</summary>
        string? PatternGoverningShape(ExpressionSyntax governing);

        /// <summary>The governing shape for a constant case label; null when the rewrite cannot ask it.</summary>
        string? CaseGoverningShape(ExpressionSyntax governing);

        /// <summary>The <see cref="DiagnosticContract.CatchAlls"/> value a switch expression needs once its first-party arm is guarded.</summary>
        string CatchAllFor(SwitchExpressionSyntax switchExpression);

        /// <summary>The names the rewrite needs at <paramref name="position"/> (computed once per name scope: see <see cref="NameScopeCache"/>).</summary>
        ScopeNames NamesAt(int position);

        /// <summary>Writes <paramref name="names"/> and the ids' own fix properties into <paramref name="plan"/>.</summary>
        FixPlan WithNames(FixPlan plan, ScopeNames names);
    }
}
