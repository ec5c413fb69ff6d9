using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Maps a PA0001 diagnostic to the node a fix replaces and gathers the semantic facts the rewrite needs.
    /// Returns null for anything it does not fully understand: no fix is better than a wrong one.
    /// </summary>
    internal sealed class FixSiteLocator
    {
        private readonly SemanticModel _model;
        private readonly ProviderTypes _types;
        private readonly CancellationToken _cancellationToken;

        public ProviderTypes Types => _types;

        public FixSiteLocator(SemanticModel model, ProviderTypes types, CancellationToken cancellationToken)
        {
            _model = model;
            _types = types;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Adds the site for <paramref name="diagnosticNode"/> to <paramref name="sites"/> (merging pattern sites that share a host); null when there is nothing safe to rewrite.</summary>
        public FixSite? TryAdd(SyntaxNode diagnosticNode, Dictionary<SyntaxNode, FixSite> sites)
        {
            var before = new HashSet<FixSite>(sites.Values);
            if (!TryAddCore(diagnosticNode, sites))
            {
                return null;
            }

            foreach (var site in sites.Values)
            {
                if (!before.Contains(site))
                {
                    return site;
                }
            }

            // Merged into an existing host (a second constant in the same arm): that host is the site.
            return FindHost(diagnosticNode, sites);
        }

        private static FixSite? FindHost(SyntaxNode node, Dictionary<SyntaxNode, FixSite> sites)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                if (sites.TryGetValue(current, out var site))
                {
                    return site;
                }
            }

            return null;
        }

        private bool TryAddCore(SyntaxNode diagnosticNode, Dictionary<SyntaxNode, FixSite> sites)
        {
            for (var node = diagnosticNode; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case ConstantPatternSyntax constantPattern:
                        return TryAddPattern(constantPattern, sites);
                    case CaseSwitchLabelSyntax caseLabel:
                        return TryAddConstantCase(caseLabel, sites);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                        return TryAddComparison(binary, new[] { binary.Left, binary.Right }, binary.IsKind(SyntaxKind.NotEqualsExpression), sites);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.IsExpression):
                        // `e is ApiProvider.FirstParty` parses as a type test that binds to a constant pattern: the same as `==`.
                        return _model.GetOperation(binary, _cancellationToken) is IIsPatternOperation { Pattern: IConstantPatternOperation }
                            && TryAddComparison(binary, new[] { binary.Left, (ExpressionSyntax)binary.Right }, negated: false, sites);
                    case InvocationExpressionSyntax invocation:
                        return TryAddEqualsInvocation(invocation, sites);
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                    case SwitchExpressionArmSyntax:
                        return false;
                }
            }

            return false;
        }

        private bool TryAddComparison(ExpressionSyntax host, IReadOnlyList<ExpressionSyntax> operands, bool negated, Dictionary<SyntaxNode, FixSite> sites)
        {
            if (operands.Count != 2 || InExpressionTree(host))
            {
                return false;
            }

            int constantIndex;
            if (IsFirstPartyConstant(operands[1]))
            {
                constantIndex = 1;
            }
            else if (IsFirstPartyConstant(operands[0]))
            {
                constantIndex = 0;
            }
            else
            {
                return false;
            }

            var operand = operands[1 - constantIndex];
            var shape = _types.Classify(_model.GetTypeInfo(operand, _cancellationToken).Type);
            while (shape != ProviderShape.Value && shape != ProviderShape.Nullable
                   && (operand is CastExpressionSyntax || operand is ParenthesizedExpressionSyntax))
            {
                var inner = operand is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)operand).Expression;
                var innerShape = _types.Classify(_model.GetTypeInfo(inner, _cancellationToken).Type);
                if (innerShape is null && shape != null)
                {
                    break;
                }

                operand = inner;
                shape = innerShape;
            }

            if (shape is null)
            {
                return false;
            }

            sites[host] = new FixSite(HostKind.Comparison, host)
            {
                Operand = operand,
                Shape = shape,
                Negated = negated,
                AppendsToChain = shape == ProviderShape.Nullable && AppendsToChain(operand),
            };
            return true;
        }

        private bool TryAddEqualsInvocation(InvocationExpressionSyntax invocation, Dictionary<SyntaxNode, FixSite> sites)
        {
            if (!(_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol { Name: nameof(object.Equals) } method)
                || method.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                return false;
            }

            var arguments = invocation.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon != null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return false;
                }
            }

            if (method.Parameters.Length == 2 && arguments.Count == 2)
            {
                // object.Equals(a, b), Enum.Equals(a, b), EqualityComparer<ApiProvider>.Default.Equals(a, b)
                return TryAddComparison(invocation, new[] { arguments[0].Expression, arguments[1].Expression }, negated: false, sites);
            }

            if (method.Parameters.Length == 1 && arguments.Count == 1 && !method.IsStatic
                && invocation.Expression is MemberAccessExpressionSyntax { Expression: { } receiver })
            {
                return TryAddComparison(invocation, new[] { receiver, arguments[0].Expression }, negated: false, sites);
            }

            return false;
        }

        private bool TryAddPattern(ConstantPatternSyntax constant, Dictionary<SyntaxNode, FixSite> sites)
        {
            var inputShape = _types.Classify((_model.GetOperation(constant, _cancellationToken) as IPatternOperation)?.InputType);
            if (inputShape is null || !IsFirstPartyConstant(constant.Expression))
            {
                return false;
            }

            SyntaxNode top = constant;
            while (top.Parent is PatternSyntax || top.Parent is SubpatternSyntax
                   || top.Parent is PropertyPatternClauseSyntax || top.Parent is PositionalPatternClauseSyntax)
            {
                top = top.Parent;
            }

            FixSite? site;
            switch (top.Parent)
            {
                case IsPatternExpressionSyntax isPattern when isPattern.Pattern == top:
                    if (InExpressionTree(isPattern))
                    {
                        return false;
                    }

                    if (!sites.TryGetValue(isPattern, out site))
                    {
                        var shape = _types.Classify(_model.GetTypeInfo(isPattern.Expression, _cancellationToken).Type);
                        site = new FixSite(HostKind.IsPattern, isPattern)
                        {
                            Operand = isPattern.Expression,
                            Shape = shape,
                            AppendsToChain = shape == ProviderShape.Nullable && AppendsToChain(isPattern.Expression),
                            OperandIsRepeatable = IsRepeatable(isPattern.Expression),
                        };
                    }

                    break;
                case SwitchExpressionArmSyntax arm when arm.Parent is SwitchExpressionSyntax switchExpression:
                    if (InExpressionTree(arm))
                    {
                        return false;
                    }

                    if (!sites.TryGetValue(arm, out site))
                    {
                        site = new FixSite(HostKind.SwitchArm, arm)
                        {
                            Shape = _types.Classify(_model.GetTypeInfo(switchExpression.GoverningExpression, _cancellationToken).Type),
                            SwitchNeedingCatchAll = CoversNamedValuesOnly(switchExpression) ? switchExpression : null,
                            HasSwitchExpressionException = _model.Compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.SwitchExpressionException") != null,
                        };
                    }

                    break;
                case CasePatternSwitchLabelSyntax label when label.Parent?.Parent is SwitchStatementSyntax switchStatement:
                    if (!sites.TryGetValue(label, out site))
                    {
                        site = new FixSite(HostKind.PatternCaseLabel, label)
                        {
                            Shape = _types.Classify(_model.GetTypeInfo(switchStatement.Expression, _cancellationToken).Type),
                        };
                    }

                    break;
                default:
                    return false;
            }

            site.FirstPartyConstants[constant] = inputShape.Value;
            sites[site.Host] = site;
            return true;
        }

        private bool TryAddConstantCase(CaseSwitchLabelSyntax label, Dictionary<SyntaxNode, FixSite> sites)
        {
            if (!(label.Parent?.Parent is SwitchStatementSyntax switchStatement) || !IsFirstPartyConstant(label.Value))
            {
                return false;
            }

            var shape = _types.Classify(_model.GetTypeInfo(switchStatement.Expression, _cancellationToken).Type);
            if (shape is null)
            {
                return false;
            }

            // `goto case ApiProvider.FirstParty;` needs the constant label to stay: rewriting it would not compile (CS0159).
            foreach (var node in switchStatement.DescendantNodes())
            {
                if (node is GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoCaseStatement, Expression: { } target } && IsFirstPartyConstant(target))
                {
                    return false;
                }
            }

            var site = new FixSite(HostKind.ConstantCaseLabel, label) { Shape = shape };
            site.FirstPartyConstants[label.Value] = shape.Value;
            sites[label] = site;
            return true;
        }

        /// <summary>Whether <paramref name="expression"/> is a compile-time constant equal to the first-party member, typed as the provider (possibly through casts).</summary>
        private bool IsFirstPartyConstant(ExpressionSyntax expression)
        {
            for (var current = expression; current != null;)
            {
                var constant = _model.GetConstantValue(current, _cancellationToken);
                if (!constant.HasValue || !Equals(constant.Value, _types.FirstPartyValue))
                {
                    return false;
                }

                var typeInfo = _model.GetTypeInfo(current, _cancellationToken);
                if (_types.IsProviderTyped(typeInfo.Type) || _types.IsProviderTyped(typeInfo.ConvertedType))
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

        /// <summary>Not exhaustive (the compiler adds a throwing default) and yet no CS8509: every named value is handled (CS8524, or that warning is off).</summary>
        private bool CoversNamedValuesOnly(SwitchExpressionSyntax switchExpression)
        {
            if (!(_model.GetOperation(switchExpression, _cancellationToken) is ISwitchExpressionOperation { IsExhaustive: false }))
            {
                return false;
            }

            foreach (var diagnostic in _model.GetDiagnostics(switchExpression.Span, _cancellationToken))
            {
                if (diagnostic.Id == "CS8509")
                {
                    return false;
                }
            }

            return true;
        }

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

            return _types.Classify(_model.GetTypeInfo(chain.WhenNotNull, _cancellationToken).Type) == ProviderShape.Value;
        }

        private static bool IsRepeatable(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } memberAccess => IsRepeatable(memberAccess.Expression),
            ParenthesizedExpressionSyntax parenthesized => IsRepeatable(parenthesized.Expression),
            _ => false,
        };

        /// <summary>Inside a lambda converted to an expression tree a method call would break query providers (EF and friends).</summary>
        private bool InExpressionTree(SyntaxNode node)
        {
            var operation = _model.GetOperation(node, _cancellationToken);
            var insideLambda = false;
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation)
                {
                    insideLambda = true;
                }
                else if (insideLambda && IsExpressionTreeType(current.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsExpressionTreeType(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == "LambdaExpression"
                    && current.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
