using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// The members of one provider enum with capability methods: the first-party constant is found by value and type (through
    /// casts), operands are classified by how they hold the provider (<see cref="ProviderShape"/>), and the rewrite imports the
    /// capability methods' namespace and spells the enum as it binds at the site.
    /// </summary>
    internal sealed class EnumIds : IComparedIds
    {
        private const string SwitchExpressionExceptionName = "System.Runtime.CompilerServices.SwitchExpressionException";

        private readonly SemanticModel _model;
        private readonly ProviderTarget _target;
        private readonly CancellationToken _cancellationToken;

        public EnumIds(SemanticModel model, ProviderTarget target, CancellationToken cancellationToken)
        {
            _model = model;
            _target = target;
            _cancellationToken = cancellationToken;
        }

        public object CacheKey => _target;

        public bool TracksLocalConstants => true;

        /// <summary>A compile-time constant equal to the first-party member, typed as the provider (possibly through casts).</summary>
        public bool IsFirstPartyConstant(ExpressionSyntax expression)
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

        public bool IsSameCase(ExpressionSyntax candidate, ExpressionSyntax label) => IsFirstPartyConstant(candidate);

        public bool TrySplit(ExpressionSyntax left, ExpressionSyntax right, out ExpressionSyntax operand, out ExpressionSyntax constant)
        {
            if (IsFirstPartyConstant(right))
            {
                (operand, constant) = (left, right);
                return true;
            }

            (operand, constant) = (right, left);
            return IsFirstPartyConstant(left);
        }

        public string? ComparedShape(ref ExpressionSyntax operand)
        {
            var shape = Classify(operand);
            while (shape != ProviderShape.Value && shape != ProviderShape.Nullable
                   && (operand is CastExpressionSyntax || operand is ParenthesizedExpressionSyntax))
            {
                var inner = operand is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)operand).Expression;
                var innerShape = Classify(inner);
                if (innerShape is null && shape is not null)
                {
                    break;
                }

                operand = inner;
                shape = innerShape;
            }

            return shape is { } known ? OperandShapeName(operand, known) : null;
        }

        public bool IsProviderValue(ExpressionSyntax operand) => Classify(operand) == ProviderShape.Value;

        public string? PatternConstantShape(ConstantPatternSyntax constant)
        {
            var inputShape = _target.Classify((_model.GetOperation(constant, _cancellationToken) as IPatternOperation)?.InputType);
            return inputShape is { } shape && IsFirstPartyConstant(constant.Expression) ? FixPlan.ShapeName(shape) : null;
        }

        public (string Constant, string Operand) IsPatternShapes(ExpressionSyntax tested, bool nested, string constantShape)
            => (constantShape, Classify(tested) is { } shape ? OperandShapeName(tested, shape) : DiagnosticContract.Shapes.Other);

        public string? PatternGoverningShape(ExpressionSyntax governing)
            => Classify(governing) is { } shape ? FixPlan.ShapeName(shape) : DiagnosticContract.Shapes.Other;

        public string? CaseGoverningShape(ExpressionSyntax governing)
            => Classify(governing) is { } shape ? FixPlan.ShapeName(shape) : null;

        /// <summary>Not exhaustive (the compiler adds a throwing default) and yet no CS8509: every named value is handled (CS8524, or that warning is off).</summary>
        public string CatchAllFor(SwitchExpressionSyntax switchExpression)
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

        public ScopeNames NamesAt(int position)
        {
            // Both extension methods live in one namespace, so one being in scope means both are.
            var inScope = !_model.LookupSymbols(position, _target.Type, CapabilityExtensionMethods.ModelIdFormat, includeReducedExtensionMethods: true).IsEmpty;
            var import = inScope ? string.Empty : _target.CapabilityNamespace;
            return new ScopeNames(import, TypeSyntaxAt(position, import));
        }

        public FixPlan WithNames(FixPlan plan, ScopeNames names)
            => plan.With(DiagnosticContract.ImportNamespaceProperty, names.Import)
                .With(DiagnosticContract.ProviderTypeSyntaxProperty, names.TypeSyntax)
                .With(DiagnosticContract.NullableCapabilityProperty, _target.Mapping.CapabilityMayBeNull);

        private ProviderShape? Classify(ExpressionSyntax expression) => _target.Classify(_model.GetTypeInfo(expression, _cancellationToken).Type);

        private string OperandShapeName(ExpressionSyntax operand, ProviderShape shape)
            => shape == ProviderShape.Nullable && AppendsToChain(operand) ? DiagnosticContract.Shapes.NullableChain : FixPlan.ShapeName(shape);

        /// <summary><c>x?.Provider</c> whose last link is a non-nullable provider: the capability call can join the chain.</summary>
        private bool AppendsToChain(ExpressionSyntax operand)
        {
            if (!(operand is ConditionalAccessExpressionSyntax chain))
            {
                return false;
            }

            while (chain.WhenNotNull is ConditionalAccessExpressionSyntax inner)
            {
                chain = inner;
            }

            return Classify(chain.WhenNotNull) == ProviderShape.Value;
        }

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
