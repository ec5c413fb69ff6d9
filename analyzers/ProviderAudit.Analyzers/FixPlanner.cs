using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// Decides, for one flagged check on a provider enum with capability methods, whether a rewrite to a capability
    /// is exact and what the code fix needs to write it without a semantic model: the node it replaces, the operand,
    /// how each is typed, whether a <c>using</c> and a catch-all arm are needed, and how to spell the type. Anything
    /// it does not fully understand gets a <see cref="DiagnosticContract.NoFixReasons"/> value: no fix is better than
    /// a wrong one. Runs only where a diagnostic is reported, so its semantic questions cost nothing elsewhere.
    /// </summary>
    internal sealed class FixPlanner
    {
        private const string SwitchExpressionExceptionName = "System.Runtime.CompilerServices.SwitchExpressionException";

        private readonly SemanticModel _model;
        private readonly ProviderTarget _target;
        private readonly NameScopeCache _names;
        private readonly CancellationToken _cancellationToken;

        public FixPlanner(SemanticModel model, ProviderTarget target, NameScopeCache names, CancellationToken cancellationToken)
        {
            _model = model;
            _target = target;
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

            if (plan.NoFixReason is null)
            {
                AddNames(plan);
            }

            return plan.NoFixReason is null && HostHasSyntaxErrors(location, plan)
                ? FixPlan.NotFixable(DiagnosticContract.NoFixReasons.BrokenSyntax)
                : plan;
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

            if (_target.Classify(_model.GetTypeInfo(operand, _cancellationToken).Type) != ProviderShape.Value)
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

            return HostHasSyntaxErrors(invocation, plan) ? FixPlan.NotFixable(DiagnosticContract.NoFixReasons.BrokenSyntax) : AddNames(plan);
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

        /// <summary>What the rewrite must import and how it must spell the provider type at the site.</summary>
        private FixPlan AddNames(FixPlan plan)
        {
            var names = _names.Get(_model, _target, plan.HostPosition, NamesAt, _cancellationToken);
            return plan.With(DiagnosticContract.ImportNamespaceProperty, names.Import)
                .With(DiagnosticContract.ProviderTypeSyntaxProperty, names.TypeSyntax)
                .With(DiagnosticContract.NullableCapabilityProperty, _target.Mapping.CapabilityMayBeNull);
        }

        private ScopeNames NamesAt(int position)
        {
            var import = ExtensionMethodsInScope(position) ? string.Empty : _target.CapabilityNamespace;
            return new ScopeNames(import, TypeSyntaxAt(position, import));
        }

        private static FixPlan Unsupported() => FixPlan.NotFixable(DiagnosticContract.NoFixReasons.UnsupportedShape);

        private FixPlan PlanComparison(ExpressionSyntax host, ExpressionSyntax left, ExpressionSyntax right, bool negated)
        {
            ExpressionSyntax operand, constant;
            if (IsFirstPartyConstant(right))
            {
                (operand, constant) = (left, right);
            }
            else if (IsFirstPartyConstant(left))
            {
                (operand, constant) = (right, left);
            }
            else
            {
                return Unsupported();
            }

            // `Equals(default, X)`, `X.Equals(null)`: the answer is constant, and `default is ApiProvider p` does not compile (CS8716).
            if (IsDefaultOrNull(operand))
            {
                return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.DefaultOrNullOperand);
            }

            var shape = _target.Classify(_model.GetTypeInfo(operand, _cancellationToken).Type);
            while (shape != ProviderShape.Value && shape != ProviderShape.Nullable
                   && (operand is CastExpressionSyntax || operand is ParenthesizedExpressionSyntax))
            {
                var inner = operand is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)operand).Expression;
                var innerShape = _target.Classify(_model.GetTypeInfo(inner, _cancellationToken).Type);
                if (innerShape is null && shape is not null)
                {
                    break;
                }

                operand = inner;
                shape = innerShape;
            }

            if (shape is null || IsDefaultOrNull(operand))
            {
                return shape is null ? Unsupported() : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.DefaultOrNullOperand);
            }

            return WithLocalConstant(
                FixPlan.Rewrite(DiagnosticContract.FixShapes.Comparison, host, operand)
                    .With(DiagnosticContract.OperandShapeProperty, OperandShapeName(operand, shape.Value))
                    .With(DiagnosticContract.NegatedProperty, negated),
                constant);
        }

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

            if (method.Parameters.Length == 2 && arguments.Count == 2)
            {
                // object.Equals(a, b), Enum.Equals(a, b), EqualityComparer<ApiProvider>.Default.Equals(a, b)
                return PlanComparison(invocation, arguments[0].Expression, arguments[1].Expression, negated: false);
            }

            if (method.Parameters.Length == 1 && arguments.Count == 1 && !method.IsStatic
                && invocation.Expression is MemberAccessExpressionSyntax { Expression: { } receiver })
            {
                return PlanComparison(invocation, receiver, arguments[0].Expression, negated: false);
            }

            return Unsupported();
        }

        private FixPlan PlanPattern(ConstantPatternSyntax constant)
        {
            var inputShape = _target.Classify((_model.GetOperation(constant, _cancellationToken) as IPatternOperation)?.InputType);
            if (inputShape is null || !IsFirstPartyConstant(constant.Expression))
            {
                return Unsupported();
            }

            SyntaxNode top = constant;
            while (top.Parent is PatternSyntax || top.Parent is SubpatternSyntax
                   || top.Parent is PropertyPatternClauseSyntax || top.Parent is PositionalPatternClauseSyntax)
            {
                top = top.Parent;
            }

            var constantShape = FixPlan.ShapeName(inputShape.Value);
            return WithLocalConstant(PlanPatternHost(top, constantShape), constant.Expression);
        }

        private FixPlan PlanPatternHost(SyntaxNode top, string constantShape)
        {
            switch (top.Parent)
            {
                case IsPatternExpressionSyntax isPattern when isPattern.Pattern == top:
                {
                    var shape = _target.Classify(_model.GetTypeInfo(isPattern.Expression, _cancellationToken).Type);
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.IsPattern, isPattern, isPattern.Expression)
                        .With(DiagnosticContract.ConstantShapeProperty, constantShape)
                        .With(DiagnosticContract.OperandShapeProperty, shape is null ? DiagnosticContract.Shapes.Other : OperandShapeName(isPattern.Expression, shape.Value))
                        .With(DiagnosticContract.RepeatableOperandProperty, IsRepeatable(isPattern.Expression));
                }

                case SwitchExpressionArmSyntax arm when arm.Parent is SwitchExpressionSyntax switchExpression:
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.SwitchArm, arm, null)
                        .With(DiagnosticContract.ConstantShapeProperty, constantShape)
                        .With(DiagnosticContract.OperandShapeProperty, GoverningShape(switchExpression.GoverningExpression))
                        .With(DiagnosticContract.CatchAllProperty, CatchAllFor(switchExpression));
                case CasePatternSwitchLabelSyntax label when label.Parent?.Parent is SwitchStatementSyntax switchStatement:
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.PatternCaseLabel, label, null)
                        .With(DiagnosticContract.ConstantShapeProperty, constantShape)
                        .With(DiagnosticContract.OperandShapeProperty, GoverningShape(switchStatement.Expression));
                default:
                    return Unsupported();
            }
        }

        private string GoverningShape(ExpressionSyntax governing)
            => _target.Classify(_model.GetTypeInfo(governing, _cancellationToken).Type) is { } shape ? FixPlan.ShapeName(shape) : DiagnosticContract.Shapes.Other;

        private FixPlan PlanConstantCase(CaseSwitchLabelSyntax label)
        {
            if (!(label.Parent?.Parent is SwitchStatementSyntax switchStatement) || !IsFirstPartyConstant(label.Value))
            {
                return Unsupported();
            }

            var shape = _target.Classify(_model.GetTypeInfo(switchStatement.Expression, _cancellationToken).Type);
            if (shape is null)
            {
                return Unsupported();
            }

            // `goto case ApiProvider.FirstParty;` needs the constant label to stay: rewriting it would not compile (CS0159).
            foreach (var node in switchStatement.DescendantNodes())
            {
                if (node is GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoCaseStatement, Expression: { } target } && IsFirstPartyConstant(target))
                {
                    return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.GotoCaseTarget);
                }
            }

            return WithLocalConstant(
                FixPlan.Rewrite(DiagnosticContract.FixShapes.ConstantCaseLabel, label, null)
                    .With(DiagnosticContract.OperandShapeProperty, FixPlan.ShapeName(shape.Value)),
                label.Value);
        }

        /// <summary>
        /// <c>const ApiProvider Fp = ApiProvider.FirstParty; … p == Fp</c>: once the rewrite drops the last use, the local
        /// constant would be unused (warning CS0219), so the plan names its declarator for the fix to remove when unused.
        /// </summary>
        private FixPlan WithLocalConstant(FixPlan plan, ExpressionSyntax constant)
        {
            while (constant is ParenthesizedExpressionSyntax || constant is CastExpressionSyntax)
            {
                constant = constant is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)constant).Expression;
            }

            if (plan.NoFixReason is null
                && constant is IdentifierNameSyntax
                && _model.GetSymbolInfo(constant, _cancellationToken).Symbol is ILocalSymbol { IsConst: true } local
                && local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator
                && declarator.SyntaxTree == constant.SyntaxTree)
            {
                plan.With(DiagnosticContract.LocalConstantProperty, FixPlan.SpanText(declarator.Span));
            }

            return plan;
        }

        /// <summary>Whether <paramref name="expression"/> is a compile-time constant equal to the first-party member, typed as the provider (possibly through casts).</summary>
        private bool IsFirstPartyConstant(ExpressionSyntax expression)
        {
            for (var current = expression; current != null;)
            {
                var constant = _model.GetConstantValue(current, _cancellationToken);
                if (!constant.HasValue || !Equals(constant.Value, _target.FirstPartyValue))
                {
                    return false;
                }

                var typeInfo = _model.GetTypeInfo(current, _cancellationToken);
                if (_target.IsProviderTyped(typeInfo.Type) || _target.IsProviderTyped(typeInfo.ConvertedType))
                {
                    return true;
                }

                current = current switch
                {
                    CastExpressionSyntax cast => cast.Expression,
                    ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
                    _ => null,
                };
            }

            return false;
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

        private string OperandShapeName(SyntaxNode operand, ProviderShape shape)
            => shape == ProviderShape.Nullable && AppendsToChain(operand) ? DiagnosticContract.Shapes.NullableChain : FixPlan.ShapeName(shape);

        /// <summary>Not exhaustive (the compiler adds a throwing default) and yet no CS8509: every named value is handled (CS8524, or that warning is off).</summary>
        private string CatchAllFor(SwitchExpressionSyntax switchExpression)
        {
            if (!(_model.GetOperation(switchExpression, _cancellationToken) is ISwitchExpressionOperation { IsExhaustive: false }))
            {
                return DiagnosticContract.CatchAlls.None;
            }

            foreach (var diagnostic in _model.GetDiagnostics(switchExpression.Span, _cancellationToken))
            {
                if (diagnostic.Id == "CS8509")
                {
                    return DiagnosticContract.CatchAlls.None;
                }
            }

            return _model.Compilation.GetTypeByMetadataName(SwitchExpressionExceptionName) is null
                ? DiagnosticContract.CatchAlls.InvalidOperationException
                : DiagnosticContract.CatchAlls.SwitchExpressionException;
        }

        /// <summary><c>x?.Provider</c> whose last link is a non-nullable provider: the capability call can join the chain.</summary>
        private bool AppendsToChain(SyntaxNode operand)
        {
            if (!(operand is ConditionalAccessExpressionSyntax chain))
            {
                return false;
            }

            while (chain.WhenNotNull is ConditionalAccessExpressionSyntax inner)
            {
                chain = inner;
            }

            return _target.Classify(_model.GetTypeInfo(chain.WhenNotNull, _cancellationToken).Type) == ProviderShape.Value;
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

        /// <summary>Both extension methods live in one namespace, so one being in scope means both are.</summary>
        private bool ExtensionMethodsInScope(int position) =>
            !_model.LookupSymbols(position, _target.Type, "ModelIdFormat", includeReducedExtensionMethods: true).IsEmpty;

        /// <summary>
        /// The enum's simple name when it binds to the enum at <paramref name="position"/> (now, or once
        /// <paramref name="import"/> is imported); otherwise the <c>global::</c> name, which code cleanup shortens where it can.
        /// </summary>
        private string TypeSyntaxAt(int position, string import)
        {
            var type = _target.Type;
            var visible = _model.LookupNamespacesAndTypes(position, name: type.Name);
            if (visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0] is IAliasSymbol alias ? alias.Target : visible[0], type))
            {
                return type.Name;
            }

            var importsItsNamespace = import.Length > 0 && type.ContainingType is null
                && type.ContainingNamespace is { IsGlobalNamespace: false } ns && import == ns.ToDisplayString();
            return visible.IsEmpty && importsItsNamespace ? type.Name : _target.FullyQualifiedName;
        }
    }
}
