using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// Decides, for one flagged check, whether a rewrite to a capability is exact and what the code fix needs to write it
    /// without a semantic model: the node it replaces, the operand, how each is typed, whether a <c>using</c> and a
    /// catch-all arm are needed, and how to spell the names it writes. The same steps for enum members and string ids; what
    /// differs is asked of <see cref="IComparedIds"/>. Anything it does not fully understand gets a
    /// <see cref="DiagnosticContract.NoFixReasons"/> value: no fix is better than a wrong one. Runs only where a diagnostic
    /// is reported, so its semantic questions cost nothing elsewhere.
    /// </summary>
    internal sealed class FixPlanner
    {
        private readonly SemanticModel _model;
        private readonly IComparedIds _ids;
        private readonly NameScopeCache _names;
        private readonly CancellationToken _cancellationToken;

        public FixPlanner(SemanticModel model, IComparedIds ids, NameScopeCache names, CancellationToken cancellationToken)
        {
            _model = model;
            _ids = ids;
            _names = names;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The plan for the diagnostic located on <paramref name="location"/> (a node of the contract's kinds).</summary>
        public FixPlan Plan(SyntaxNode location)
        {
            var plan = location switch
            {
                ConstantPatternSyntax constantPattern => PlanPattern(constantPattern),
                CaseSwitchLabelSyntax caseLabel => PlanConstantCase(caseLabel),
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression)
                    => PlanComparison(binary, binary.Left, binary.Right, binary.IsKind(SyntaxKind.NotEqualsExpression)),
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.IsExpression)
                    => _model.GetOperation(binary, _cancellationToken) is IIsPatternOperation { Pattern: IConstantPatternOperation }
                        ? PlanComparison(binary, binary.Left, (ExpressionSyntax)binary.Right, negated: false)
                        : Unsupported(),
                InvocationExpressionSyntax invocation => PlanEqualsInvocation(invocation),
                _ => Unsupported(),
            };

            return Finish(location, plan);
        }

        /// <summary>
        /// <c>new[] { X, A }.Contains(p)</c>: the elements equal to the first-party member are removed and the capability asked
        /// first. <paramref name="firstPartyElements"/> are those elements (all constants, as every element is).
        /// </summary>
        public FixPlan PlanMembership(InvocationExpressionSyntax invocation, ExpressionSyntax operand, IReadOnlyList<SyntaxNode> firstPartyElements)
        {
            if (IsDefaultOrNull(operand))
            {
                return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.DefaultOrNullOperand);
            }

            if (!_ids.IsProviderValue(operand))
            {
                return Unsupported();
            }

            var plan = FixPlan.Rewrite(DiagnosticContract.FixShapes.Membership, invocation, operand)
                .With(DiagnosticContract.OperandShapeProperty, DiagnosticContract.Shapes.Value)
                .With(DiagnosticContract.RepeatableOperandProperty, IsRepeatable(operand));
            foreach (var element in firstPartyElements)
            {
                plan.WithLocation(element);
            }

            return Finish(invocation, plan);
        }

        /// <summary>A name or a chain of member names: evaluating it twice reads the same value without side effects.</summary>
        internal static bool IsRepeatable(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } memberAccess => IsRepeatable(memberAccess.Expression),
            ParenthesizedExpressionSyntax parenthesized => IsRepeatable(parenthesized.Expression),
            _ => false,
        };

        private static FixPlan Unsupported() => FixPlan.NotFixable(DiagnosticContract.NoFixReasons.UnsupportedShape);

        /// <summary>A rewrite gets the names it writes, unless the node it replaces has syntax errors (code being typed).</summary>
        private FixPlan Finish(SyntaxNode location, FixPlan plan)
        {
            if (plan.NoFixReason is not null)
            {
                return plan;
            }

            if (HostHasSyntaxErrors(location, plan))
            {
                return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.BrokenSyntax);
            }

            return _ids.WithNames(plan, _names.Get(_model, _ids.CacheKey, plan.HostPosition, _ids.NamesAt, _cancellationToken));
        }

        private bool HostHasSyntaxErrors(SyntaxNode anyNode, FixPlan plan)
        {
            var span = plan.AdditionalLocations[0].SourceSpan;
            var host = anyNode.SyntaxTree.GetRoot(_cancellationToken).FindNode(span, getInnermostNodeForTie: true);
            for (; host is not null && host.Span.Length <= span.Length; host = host.Parent)
            {
                if (host.Span != span)
                {
                    continue;
                }

                // The parser may report a missing token on the node after it, so look for the missing tokens themselves too.
                if (host.ContainsDiagnostics || host.DescendantTokens().Any(token => token.IsMissing))
                {
                    return true;
                }
            }

            return false;
        }

        private FixPlan PlanComparison(ExpressionSyntax host, ExpressionSyntax left, ExpressionSyntax right, bool negated)
        {
            if (!_ids.TrySplit(left, right, out var operand, out var constant))
            {
                return Unsupported();
            }

            // `Equals(default, X)`, `X.Equals(null)`: the answer is constant, and `default is ApiProvider p` does not compile (CS8716).
            if (IsDefaultOrNull(operand))
            {
                return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.DefaultOrNullOperand);
            }

            var shape = _ids.ComparedShape(ref operand);
            if (shape is null || IsDefaultOrNull(operand))
            {
                return shape is null ? Unsupported() : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.DefaultOrNullOperand);
            }

            return WithLocalConstant(
                FixPlan.Rewrite(DiagnosticContract.FixShapes.Comparison, host, operand)
                    .With(DiagnosticContract.OperandShapeProperty, shape)
                    .With(DiagnosticContract.NegatedProperty, negated),
                constant);
        }

        /// <summary>
        /// <c>a.Equals(X)</c>, <c>X.Equals(a)</c>, <c>Equals(a, X)</c>, <c>Enum.Equals(a, X)</c>, a comparer's
        /// <c>Equals(a, X)</c>, <c>string.Equals(a, X[, comparison])</c>: a trailing <c>StringComparison</c> only says how
        /// to compare, and the parser reads ids in any case.
        /// </summary>
        private FixPlan PlanEqualsInvocation(InvocationExpressionSyntax invocation)
        {
            if (!(_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol { Name: nameof(object.Equals) } method)
                || method.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                return Unsupported();
            }

            var arguments = invocation.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon != null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return Unsupported();
                }
            }

            if (method.Parameters.Length != arguments.Count)
            {
                return Unsupported();
            }

            var compared = arguments.Count;
            if (compared > 0 && _model.GetTypeInfo(arguments[compared - 1].Expression, _cancellationToken).Type is { TypeKind: TypeKind.Enum, Name: nameof(System.StringComparison) })
            {
                compared--;
            }

            // object.Equals(a, b), Enum.Equals(a, b), EqualityComparer<ApiProvider>.Default.Equals(a, b), StringComparer.Ordinal.Equals(a, b)
            if (compared == 2 && (method.IsStatic || method.ContainingType?.SpecialType != SpecialType.System_String))
            {
                return PlanComparison(invocation, arguments[0].Expression, arguments[1].Expression, negated: false);
            }

            if (compared == 1 && !method.IsStatic && invocation.Expression is MemberAccessExpressionSyntax { Expression: { } receiver })
            {
                return PlanComparison(invocation, receiver, arguments[0].Expression, negated: false);
            }

            return Unsupported();
        }

        private FixPlan PlanPattern(ConstantPatternSyntax constant)
        {
            var constantShape = _ids.PatternConstantShape(constant);
            if (constantShape is null)
            {
                return Unsupported();
            }

            SyntaxNode top = constant;
            var nested = false;
            while (top.Parent is PatternSyntax || top.Parent is SubpatternSyntax
                   || top.Parent is PropertyPatternClauseSyntax || top.Parent is PositionalPatternClauseSyntax)
            {
                nested |= top.Parent is SubpatternSyntax;
                top = top.Parent;
            }

            return WithLocalConstant(PlanPatternHost(top, nested, constantShape), constant.Expression);
        }

        private FixPlan PlanPatternHost(SyntaxNode top, bool nested, string constantShape)
        {
            switch (top.Parent)
            {
                case IsPatternExpressionSyntax isPattern when isPattern.Pattern == top:
                {
                    var shapes = _ids.IsPatternShapes(isPattern.Expression, nested, constantShape);
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.IsPattern, isPattern, isPattern.Expression)
                        .With(DiagnosticContract.ConstantShapeProperty, shapes.Constant)
                        .With(DiagnosticContract.OperandShapeProperty, shapes.Operand)
                        .With(DiagnosticContract.RepeatableOperandProperty, IsRepeatable(isPattern.Expression));
                }

                case SwitchExpressionArmSyntax arm when arm.Parent is SwitchExpressionSyntax switchExpression:
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.SwitchArm, arm, null)
                        .With(DiagnosticContract.ConstantShapeProperty, constantShape)
                        .WithIfKnown(DiagnosticContract.OperandShapeProperty, _ids.PatternGoverningShape(switchExpression.GoverningExpression))
                        .With(DiagnosticContract.CatchAllProperty, _ids.CatchAllFor(switchExpression));
                case CasePatternSwitchLabelSyntax label when label.Parent?.Parent is SwitchStatementSyntax switchStatement:
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.PatternCaseLabel, label, null)
                        .With(DiagnosticContract.ConstantShapeProperty, constantShape)
                        .WithIfKnown(DiagnosticContract.OperandShapeProperty, _ids.PatternGoverningShape(switchStatement.Expression));
                default:
                    return Unsupported();
            }
        }

        private FixPlan PlanConstantCase(CaseSwitchLabelSyntax label)
        {
            if (!(label.Parent?.Parent is SwitchStatementSyntax switchStatement) || !_ids.IsFirstPartyConstant(label.Value))
            {
                return Unsupported();
            }

            var shape = _ids.CaseGoverningShape(switchStatement.Expression);
            if (shape is null)
            {
                return Unsupported();
            }

            // `goto case ApiProvider.FirstParty;` needs the constant label to stay: rewriting it would not compile (CS0159).
            foreach (var node in switchStatement.DescendantNodes())
            {
                if (node is GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoCaseStatement, Expression: { } target } && _ids.IsSameCase(target, label.Value))
                {
                    return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.GotoCaseTarget);
                }
            }

            return WithLocalConstant(
                FixPlan.Rewrite(DiagnosticContract.FixShapes.ConstantCaseLabel, label, null)
                    .With(DiagnosticContract.OperandShapeProperty, shape),
                label.Value);
        }

        /// <summary>
        /// <c>const ApiProvider Fp = ApiProvider.FirstParty; … p == Fp</c>: once the rewrite drops the last use, the local
        /// constant would be unused (warning CS0219), so the plan names its declarator for the fix to remove when unused.
        /// </summary>
        private FixPlan WithLocalConstant(FixPlan plan, ExpressionSyntax constant)
        {
            if (!_ids.TracksLocalConstants || plan.NoFixReason is not null)
            {
                return plan;
            }

            while (constant is ParenthesizedExpressionSyntax || constant is CastExpressionSyntax)
            {
                constant = constant is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)constant).Expression;
            }

            if (constant is IdentifierNameSyntax
                && _model.GetSymbolInfo(constant, _cancellationToken).Symbol is ILocalSymbol { IsConst: true } local
                && local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator
                && declarator.SyntaxTree == constant.SyntaxTree)
            {
                plan.With(DiagnosticContract.LocalConstantProperty, FixPlan.SpanText(declarator.Span));
            }

            return plan;
        }

        /// <summary>A <c>default</c> or <c>null</c> literal, or any other expression whose constant value is null.</summary>
        private bool IsDefaultOrNull(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression.IsKind(SyntaxKind.DefaultLiteralExpression) || expression.IsKind(SyntaxKind.NullLiteralExpression))
            {
                return true;
            }

            var constant = _model.GetConstantValue(expression, _cancellationToken);
            return constant.HasValue && constant.Value is null;
        }
    }
}
