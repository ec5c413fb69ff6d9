using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// Plans the rewrite of a provider-name check (<c>GetApiProvider() == "anthropic"</c>, configured with
    /// <c>provider_audit.string_provider_members</c>) into one runtime call that reads the id — the host's first-party ids
    /// (<c>provider_audit.string_provider_names</c>) passed along — and asks the capability:
    /// <c>ApiProviderIds.Find(GetApiProvider(), "anthropic")?.ModelIdFormat().IsFirstParty == true</c>. <c>Find</c> is null
    /// for null and for ids no backend has (another vendor's <c>"openai"</c>), so the rewritten check answers as the old
    /// one did for every value but Claude Platform on AWS's. The fixer rewrites it like an enum check, with the id as the
    /// operand; patterns type-test it first (<c>id is string p &amp;&amp; …</c>), as the constant pattern did.
    /// </summary>
    internal sealed class StringFixPlanner
    {
        public const string ParserMetadataName = "ProviderAudit.Runtime.ApiProviderIds";

        private const string RuntimeNamespace = "ProviderAudit.Runtime";

        private readonly SemanticModel _model;
        private readonly INamedTypeSymbol _parser;
        private readonly INamedTypeSymbol _apiProvider;
        private readonly string _firstPartyIds;
        private readonly CancellationToken _cancellationToken;

        /// <param name="firstPartyIds">The host's first-party ids the runtime does not know, as <see cref="DiagnosticContract.FirstPartyIdsProperty"/> writes them.</param>
        public StringFixPlanner(SemanticModel model, INamedTypeSymbol parser, INamedTypeSymbol apiProvider, string firstPartyIds, CancellationToken cancellationToken)
        {
            _model = model;
            _parser = parser;
            _apiProvider = apiProvider;
            _firstPartyIds = firstPartyIds;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The name of <c>ApiProviderIds</c>' reader the rewrite calls.</summary>
        public const string FindMethod = "Find";

        /// <summary>
        /// The runtime's id reader when the compilation can use it: <c>ApiProviderIds</c> with a public static
        /// <c>Find(string, params string[])</c> returning <c>ApiProvider?</c>. Null otherwise (then no string check has a fix).
        /// </summary>
        public static (INamedTypeSymbol Parser, INamedTypeSymbol ApiProvider)? FindParser(Compilation compilation)
        {
            var parser = compilation.GetTypeByMetadataName(ParserMetadataName);
            var apiProvider = compilation.GetTypeByMetadataName(ProviderTarget.ApiProviderMetadataName);
            if (parser is null || apiProvider is null || !compilation.IsSymbolAccessibleWithin(parser, compilation.Assembly))
            {
                return null;
            }

            foreach (var member in parser.GetMembers(FindMethod))
            {
                if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 2 } find
                    && find.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && find.Parameters[1] is { IsParams: true, Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } }
                    && find.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                    && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], apiProvider))
                {
                    return (parser, apiProvider);
                }
            }

            return null;
        }

        /// <summary>
        /// The configured first-party ids the runtime does not read by itself, in one order, comma-separated (the value of
        /// <see cref="DiagnosticContract.FirstPartyIdsProperty"/>); empty when the host uses the runtime's own.
        /// </summary>
        public static string ExtraFirstPartyIds(ImmutableHashSet<string> configured)
        {
            var extra = new List<string>();
            foreach (var id in configured)
            {
                if (!ProviderIds.IsFirstParty(id) && !extra.Exists(e => string.Equals(e, id, StringComparison.OrdinalIgnoreCase)))
                {
                    extra.Add(id);
                }
            }

            extra.Sort(StringComparer.Ordinal);
            return string.Join(",", extra);
        }

        /// <summary>The plan for a provider-name check located on <paramref name="location"/>.</summary>
        public FixPlan Plan(SyntaxNode location)
        {
            var plan = location switch
            {
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression)
                    => PlanComparison(binary, binary.Left, binary.Right, binary.IsKind(SyntaxKind.NotEqualsExpression)),
                InvocationExpressionSyntax invocation => PlanEqualsInvocation(invocation),
                ConstantPatternSyntax constant => PlanPattern(constant),
                CaseSwitchLabelSyntax label => PlanConstantCase(label),
                _ => Unsupported(),
            };

            return plan.NoFixReason is null ? AddNames(plan) : plan;
        }

        private static FixPlan Unsupported() => FixPlan.NotFixable(DiagnosticContract.NoFixReasons.UnsupportedShape);

        /// <summary>The parser, the capability methods and how to spell them here.</summary>
        private FixPlan AddNames(FixPlan plan)
        {
            var position = plan.HostPosition;
            var parserVisible = _model.LookupNamespacesAndTypes(position, name: _parser.Name);
            var parserBinds = parserVisible.Length == 1 && SymbolEqualityComparer.Default.Equals(parserVisible[0], _parser);
            var capabilitiesInScope = !_model.LookupSymbols(position, _apiProvider, "ModelIdFormat", includeReducedExtensionMethods: true).IsEmpty;
            var import = parserBinds && capabilitiesInScope ? string.Empty : RuntimeNamespace;

            // Bound now, or once the runtime namespace is imported; another visible ApiProviderIds keeps it qualified.
            var parserSyntax = parserBinds || parserVisible.IsEmpty ? _parser.Name : "global::" + ParserMetadataName;

            return plan.With(DiagnosticContract.ImportNamespaceProperty, import)
                .With(DiagnosticContract.ProviderTypeSyntaxProperty, "string")
                .With(DiagnosticContract.ProviderIdParserProperty, parserSyntax)
                .With(DiagnosticContract.FirstPartyIdsProperty, _firstPartyIds)
                .With(DiagnosticContract.NullableCapabilityProperty, false);
        }

        private FixPlan PlanComparison(ExpressionSyntax host, ExpressionSyntax left, ExpressionSyntax right, bool negated)
        {
            ExpressionSyntax operand;
            if (IsConstant(right) && !IsConstant(left))
            {
                operand = left;
            }
            else if (IsConstant(left) && !IsConstant(right))
            {
                operand = right;
            }
            else
            {
                return Unsupported();
            }

            operand = WithoutParentheses(operand);
            return FixPlan.Rewrite(DiagnosticContract.FixShapes.Comparison, host, operand)
                .With(DiagnosticContract.OperandShapeProperty, NeverNull(operand) ? DiagnosticContract.Shapes.Value : DiagnosticContract.Shapes.Boxed)
                .With(DiagnosticContract.NegatedProperty, negated);
        }

        /// <summary><c>a.Equals("firstParty")</c>, <c>"firstParty".Equals(a)</c>, <c>string.Equals(a, "firstParty"[, comparison])</c>, <c>Equals(a, "firstParty")</c>.</summary>
        private FixPlan PlanEqualsInvocation(InvocationExpressionSyntax invocation)
        {
            if (!(_model.GetOperation(invocation, _cancellationToken) is IInvocationOperation operation)
                || operation.TargetMethod.ReturnType.SpecialType != SpecialType.System_Boolean)
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

            // A StringComparison argument only says how to compare; the parser reads ids in any case.
            var compared = arguments.Count;
            if (compared > 0 && _model.GetTypeInfo(arguments[compared - 1].Expression, _cancellationToken).Type is { TypeKind: TypeKind.Enum, Name: "StringComparison" })
            {
                compared--;
            }

            if (operation.Instance is null && compared == 2)
            {
                return PlanComparison(invocation, arguments[0].Expression, arguments[1].Expression, negated: false);
            }

            if (operation.Instance is not null && compared == 1 && invocation.Expression is MemberAccessExpressionSyntax { Expression: { } receiver })
            {
                return PlanComparison(invocation, receiver, arguments[0].Expression, negated: false);
            }

            // `StringComparer.OrdinalIgnoreCase.Equals(a, "anthropic")`: the comparer only says how to compare.
            if (operation.Instance is not null && compared == 2 && operation.Instance.Type?.SpecialType != SpecialType.System_String)
            {
                return PlanComparison(invocation, arguments[0].Expression, arguments[1].Expression, negated: false);
            }

            return Unsupported();
        }

        private FixPlan PlanPattern(ConstantPatternSyntax constant)
        {
            SyntaxNode top = constant;
            var nested = false;
            while (top.Parent is PatternSyntax || top.Parent is SubpatternSyntax
                   || top.Parent is PropertyPatternClauseSyntax || top.Parent is PositionalPatternClauseSyntax)
            {
                nested |= top.Parent is SubpatternSyntax;
                top = top.Parent;
            }

            switch (top.Parent)
            {
                case IsPatternExpressionSyntax isPattern when isPattern.Pattern == top:
                {
                    // Tested directly (not through a property) on a value that is never null: parse it as it is.
                    var direct = !nested && NeverNull(isPattern.Expression);
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.IsPattern, isPattern, isPattern.Expression)
                        .With(DiagnosticContract.ConstantShapeProperty, direct ? DiagnosticContract.Shapes.Value : DiagnosticContract.Shapes.Boxed)
                        .With(DiagnosticContract.OperandShapeProperty, nested ? DiagnosticContract.Shapes.Other : direct ? DiagnosticContract.Shapes.Value : DiagnosticContract.Shapes.Boxed)
                        .With(DiagnosticContract.RepeatableOperandProperty, FixPlanner.IsRepeatable(isPattern.Expression));
                }

                case SwitchExpressionArmSyntax arm when arm.Parent is SwitchExpressionSyntax:
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.SwitchArm, arm, null)
                        .With(DiagnosticContract.ConstantShapeProperty, DiagnosticContract.Shapes.Boxed)
                        .With(DiagnosticContract.CatchAllProperty, DiagnosticContract.CatchAlls.None);
                case CasePatternSwitchLabelSyntax label when label.Parent?.Parent is SwitchStatementSyntax:
                    return FixPlan.Rewrite(DiagnosticContract.FixShapes.PatternCaseLabel, label, null)
                        .With(DiagnosticContract.ConstantShapeProperty, DiagnosticContract.Shapes.Boxed);
                default:
                    return Unsupported();
            }
        }

        private FixPlan PlanConstantCase(CaseSwitchLabelSyntax label)
        {
            if (!(label.Parent?.Parent is SwitchStatementSyntax switchStatement))
            {
                return Unsupported();
            }

            var value = _model.GetConstantValue(label.Value, _cancellationToken);
            foreach (var node in switchStatement.DescendantNodes())
            {
                if (node is GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoCaseStatement, Expression: { } target }
                    && _model.GetConstantValue(target, _cancellationToken) is { HasValue: true } jump && Equals(jump.Value, value.Value))
                {
                    return FixPlan.NotFixable(DiagnosticContract.NoFixReasons.GotoCaseTarget);
                }
            }

            // `case string p when …` never matches null, as `case "firstParty":` did not.
            return FixPlan.Rewrite(DiagnosticContract.FixShapes.ConstantCaseLabel, label, null)
                .With(DiagnosticContract.OperandShapeProperty, DiagnosticContract.Shapes.Boxed);
        }

        private bool IsConstant(ExpressionSyntax expression) => _model.GetConstantValue(expression, _cancellationToken).HasValue;

        /// <summary>The compiler's null-state analysis says the value is not null here (false where nullable analysis is off).</summary>
        private bool NeverNull(ExpressionSyntax expression) =>
            _model.GetTypeInfo(expression, _cancellationToken).Nullability.FlowState == NullableFlowState.NotNull;

        private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }
    }
}
