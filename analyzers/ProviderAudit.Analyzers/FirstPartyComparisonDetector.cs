using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// One compilation's detection. Every comparison form ends in one question — does an operand hold the
    /// first-party constant of a provider enum (after conversions to the enum, its nullable, or boxing)? —
    /// so field references, <c>const</c> aliases, <c>using static</c>, casts like <c>(ApiProvider)0</c> and
    /// <c>default</c> are all caught by checking constant values, not names.
    /// </summary>
    internal sealed class FirstPartyComparisonDetector
    {
        private const string StringTypeName = "System.String";

        private readonly ImmutableArray<ProviderTarget> targets;
        private readonly ImmutableHashSet<string> providerNames;
        private readonly ImmutableHashSet<string> providerMembers;
        private readonly INamedTypeSymbol? lambdaExpressionType;
        private readonly ProviderMappingCheck? mappingCheck;
        private readonly (INamedTypeSymbol Parser, INamedTypeSymbol ApiProvider)? stringParser;

        public FirstPartyComparisonDetector(ImmutableArray<ProviderTarget> targets, AuditConfiguration configuration, Compilation compilation, ProviderMappingCheck? mappingCheck)
        {
            this.mappingCheck = mappingCheck;
            this.targets = targets;
            providerNames = configuration.StringProviderNames;
            providerMembers = configuration.StringProviderMembers;
            lambdaExpressionType = compilation.GetTypeByMetadataName("System.Linq.Expressions.LambdaExpression");
            stringParser = providerMembers.IsEmpty ? null : StringFixPlanner.FindParser(compilation);
        }

        public void AnalyzeBinary(OperationAnalysisContext context)
        {
            var binary = (IBinaryOperation)context.Operation;
            if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return;
            }

            var target = MatchFirstParty(binary.LeftOperand) ?? MatchFirstParty(binary.RightOperand);
            if (target is not null)
            {
                Report(context, binary, binary.Syntax, target, null);
                return;
            }

            var name = MatchProviderNameComparison(binary.LeftOperand, binary.RightOperand);
            if (name is not null)
            {
                Report(context, binary, binary.Syntax, null, name);
            }
        }

        /// <summary>
        /// <c>(p, x) == (ApiProvider.FirstParty, y)</c>: reported on the whole expression with NoFix, since a
        /// capability call cannot stand in for one element of a tuple comparison.
        /// </summary>
        public void AnalyzeTupleBinary(OperationAnalysisContext context)
        {
            var binary = (ITupleBinaryOperation)context.Operation;
            if (binary.OperatorKind != BinaryOperatorKind.Equals && binary.OperatorKind != BinaryOperatorKind.NotEquals)
            {
                return;
            }

            var target = MatchFirstPartyElement(binary.LeftOperand) ?? MatchFirstPartyElement(binary.RightOperand);
            if (target is not null)
            {
                Report(context, binary, binary.Syntax, target, null, DiagnosticContract.NoFixReasons.TupleEquality);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != nameof(Equals))
            {
                return;
            }

            var target = MatchFirstParty(invocation.Instance);
            foreach (var argument in invocation.Arguments)
            {
                target ??= MatchFirstParty(argument.Value);
            }

            if (target is not null)
            {
                Report(context, invocation, invocation.Syntax, target, null);
                return;
            }

            if (providerMembers.IsEmpty)
            {
                return;
            }

            var operands = ImmutableArray.CreateBuilder<IOperation>();
            if (invocation.Instance is not null)
            {
                operands.Add(invocation.Instance);
            }

            foreach (var argument in invocation.Arguments)
            {
                operands.Add(argument.Value);
            }

            for (var i = 0; i < operands.Count; i++)
            {
                for (var j = i + 1; j < operands.Count; j++)
                {
                    var name = MatchProviderNameComparison(operands[i], operands[j]);
                    if (name is not null)
                    {
                        Report(context, invocation, invocation.Syntax, null, name);
                        return;
                    }
                }
            }
        }

        public void AnalyzeConstantPattern(OperationAnalysisContext context)
        {
            var pattern = (IConstantPatternOperation)context.Operation;
            var location = PatternLocation(pattern.Syntax);
            var target = MatchFirstParty(pattern.Value);
            if (target is not null)
            {
                Report(context, pattern, location, target, null);
                return;
            }

            var name = ProviderName(pattern.Value);
            if (name is not null && PatternInput(pattern) is { } input && IsProviderMember(input))
            {
                Report(context, pattern, location, null, name);
            }
        }

        public void AnalyzeCaseClause(OperationAnalysisContext context)
        {
            if (context.Operation is not ISingleValueCaseClauseOperation clause)
            {
                return;
            }

            var target = MatchFirstParty(clause.Value);
            if (target is not null)
            {
                Report(context, clause, clause.Syntax, target, null);
                return;
            }

            var name = ProviderName(clause.Value);
            if (name is not null && clause.Parent is ISwitchCaseOperation { Parent: ISwitchOperation @switch } && IsProviderMember(@switch.Value))
            {
                Report(context, clause, clause.Syntax, null, name);
            }
        }

        /// <summary>
        /// The provider enum whose first-party constant <paramref name="operation"/> holds, looking through
        /// conversions that keep the value a provider (to the enum, its nullable, boxing); a cast to
        /// <c>int</c> makes it a number and ends the search.
        /// </summary>
        private ProviderTarget? MatchFirstParty(IOperation? operation)
        {
            while (operation is not null)
            {
                if (operation.ConstantValue.HasValue && operation.Type is { } type)
                {
                    foreach (var target in targets)
                    {
                        if (SymbolEqualityComparer.Default.Equals(type, target.Type) && Equals(operation.ConstantValue.Value, target.FirstPartyValue))
                        {
                            return target;
                        }
                    }
                }

                if (operation is IConversionOperation conversion && KeepsProvider(conversion.Type))
                {
                    operation = conversion.Operand;
                }
                else
                {
                    return null;
                }
            }

            return null;
        }

        private ProviderTarget? MatchFirstPartyElement(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is not ITupleOperation tuple)
            {
                return MatchFirstParty(operation);
            }

            foreach (var element in tuple.Elements)
            {
                if (MatchFirstPartyElement(element) is { } target)
                {
                    return target;
                }
            }

            return null;
        }

        private bool KeepsProvider(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.IsReferenceType)
            {
                return true;
            }

            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            foreach (var target in targets)
            {
                if (SymbolEqualityComparer.Default.Equals(type, target.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private string? MatchProviderNameComparison(IOperation left, IOperation right)
        {
            if (providerMembers.IsEmpty)
            {
                return null;
            }

            var name = ProviderName(left);
            if (name is not null && IsProviderMember(right))
            {
                return name;
            }

            name = ProviderName(right);
            return name is not null && IsProviderMember(left) ? name : null;
        }

        private string? ProviderName(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return !providerMembers.IsEmpty && operation.ConstantValue is { HasValue: true, Value: string text } && providerNames.Contains(text)
                ? text
                : null;
        }

        private bool IsProviderMember(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IConditionalAccessOperation conditional:
                        operation = conditional.WhenNotNull;
                        continue;
                    case IInvocationOperation invocation:
                        return IsStringMember(invocation.TargetMethod.Name, invocation.Type);
                    case IPropertyReferenceOperation property:
                        return IsStringMember(property.Property.Name, property.Type);
                    case IFieldReferenceOperation field:
                        return IsStringMember(field.Field.Name, field.Type);
                    default:
                        return false;
                }
            }
        }

        private bool IsStringMember(string name, ITypeSymbol? type)
            => type?.SpecialType == SpecialType.System_String && providerMembers.Contains(name);

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

        /// <summary>Inside a lambda converted to an expression tree, where a LINQ/EF provider translates the code.</summary>
        private bool IsInExpressionTree(IOperation operation)
        {
            if (lambdaExpressionType is null)
            {
                return false;
            }

            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation && current.Parent is { Type: { } convertedTo } && DerivesFrom(convertedTo, lambdaExpressionType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private void Report(OperationAnalysisContext context, IOperation operation, SyntaxNode location, ProviderTarget? target, string? providerName, string? noFixReason = null)
        {
            if (target != null && CapabilityExtensionMethods.IsMappingMethod(EnclosingMember(context.ContainingSymbol), target.Type))
            {
                // The enum's own mapping translates a provider; it does not check one.
                return;
            }

            var inference = ConcernInference.Infer(location);
            var plan = PlanFix(context, operation, location, target, providerName, noFixReason);

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticContract.ConcernProperty, inference.Concern);
            properties.Add(DiagnosticContract.HasCapabilityFixProperty, (target?.HasCapabilityFix ?? stringParser.HasValue) ? "true" : "false");
            properties.Add(DiagnosticContract.ProviderTypeProperty, target?.MetadataName ?? StringTypeName);
            plan.AddTo(properties);

            var compared = target is not null ? target.MemberDisplay : "provider name \"" + providerName + "\"";
            var diagnosticLocation = location.GetLocation();
            if (target != null)
            {
                mappingCheck?.OnFinding(target, diagnosticLocation);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                ProviderAuditDescriptors.FirstPartyComparison,
                diagnosticLocation,
                plan.AdditionalLocations,
                properties.ToImmutable(),
                compared,
                inference.Description,
                Advice(inference.Concern, target, plan.NoFixReason)));
        }

        /// <summary>The member a local function or lambda belongs to.</summary>
        private static ISymbol? EnclosingMember(ISymbol? symbol)
        {
            while (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol;
        }

        /// <summary>The fix decision: the first reason that rules a rewrite out, else the planner's answer for the site.</summary>
        private FixPlan PlanFix(OperationAnalysisContext context, IOperation operation, SyntaxNode location, ProviderTarget? target, string? providerName, string? noFixReason)
        {
            if (noFixReason is null && IsInExpressionTree(operation))
            {
                noFixReason = DiagnosticContract.NoFixReasons.ExpressionTree;
            }

            if (noFixReason is null && target is null)
            {
                return stringParser is { } parser && operation.SemanticModel is { } stringModel && providerName is not null
                    ? new StringFixPlanner(stringModel, parser.Parser, parser.ApiProvider, context.CancellationToken).Plan(location, providerName)
                    : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.StringProviderName);
            }

            if (noFixReason is null && !target!.HasCapabilityFix)
            {
                noFixReason = DiagnosticContract.NoFixReasons.NoCapabilityMethods;
            }

            if (noFixReason is not null || operation.SemanticModel is not { } model)
            {
                return FixPlan.NotFixable(noFixReason ?? DiagnosticContract.NoFixReasons.UnsupportedShape);
            }

            return new FixPlanner(model, target!, context.CancellationToken).Plan(location);
        }

        private static string Advice(string concern, ProviderTarget? target, string? noFixReason)
        {
            string advice;
            if (target is null && noFixReason is null)
            {
                advice = concern switch
                {
                    DiagnosticContract.Concerns.ModelIdFormat => "ask ApiProviderIds.Parse(id).ModelIdFormat().IsFirstParty",
                    DiagnosticContract.Concerns.AuthTransport => "ask ApiProviderIds.Parse(id).AuthTransport().IsFirstParty",
                    _ => "decide which one this check means and ask ApiProviderIds.Parse(id).ModelIdFormat().IsFirstParty or ApiProviderIds.Parse(id).AuthTransport().IsFirstParty",
                };
            }
            else if (target is null)
            {
                advice = "resolve the backend and ask its capability (ModelIdFormat.IsFirstParty or AuthTransport.IsFirstParty) instead of its name";
            }
            else if (!target.HasCapabilityFix)
            {
                advice = "give " + target.Type.Name + " a capability mapping first (PA0003's fix adds ToApiProvider(), ModelIdFormat() and AuthTransport()), then ask the capability this check means";
            }
            else
            {
                advice = concern switch
                {
                    DiagnosticContract.Concerns.ModelIdFormat => "ask provider.ModelIdFormat().IsFirstParty",
                    DiagnosticContract.Concerns.AuthTransport => "ask provider.AuthTransport().IsFirstParty",
                    _ => "decide which one this check means and ask provider.ModelIdFormat().IsFirstParty or provider.AuthTransport().IsFirstParty",
                };
            }

            return noFixReason is null || noFixReason == DiagnosticContract.NoFixReasons.StringProviderName || noFixReason == DiagnosticContract.NoFixReasons.NoCapabilityMethods
                ? advice
                : advice + " (no automatic fix here: " + NoFixExplanation(noFixReason) + ")";
        }

        /// <summary>Why a check is reported without a rewrite, in the words the message uses.</summary>
        private static string NoFixExplanation(string reason) => reason switch
        {
            DiagnosticContract.NoFixReasons.ExpressionTree => "a method call inside an expression tree changes what a LINQ/EF provider can translate",
            DiagnosticContract.NoFixReasons.TupleEquality => "no capability call can stand in for one element of a tuple comparison",
            DiagnosticContract.NoFixReasons.UnderlyingValue => "the check compares the enum's underlying number; compare the provider itself, or ask its capability",
            DiagnosticContract.NoFixReasons.DefaultOrNullOperand => "an operand is a default/null literal, so the check has a constant answer; remove it",
            DiagnosticContract.NoFixReasons.GotoCaseTarget => "a 'goto case' jumps to this label",
            DiagnosticContract.NoFixReasons.UnknownProviderId => "ApiProviderIds.Parse does not read this name as first party (it reads first-party and firstParty, any case), so the rewrite would reject the value this check looks for",
            DiagnosticContract.NoFixReasons.NamedProviderSet => "the set is declared elsewhere and may be read by other code; ask the capability here and take the first-party member out of the set by hand",
            _ => "the rewrite could not keep this exact shape",
        };
    }
}
