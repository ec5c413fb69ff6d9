using System.Collections.Generic;
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
        private readonly ProviderNames providerNames;
        private readonly INamedTypeSymbol? lambdaExpressionType;
        private readonly ProviderMappingCheck? mappingCheck;
        private readonly (INamedTypeSymbol Parser, INamedTypeSymbol ApiProvider)? stringParser;
        private readonly NameScopeCache nameScopes = new NameScopeCache();
        private readonly string firstPartyIds;

        public FirstPartyComparisonDetector(ImmutableArray<ProviderTarget> targets, AuditConfiguration configuration, Compilation compilation, ProviderMappingCheck? mappingCheck)
        {
            this.mappingCheck = mappingCheck;
            this.targets = targets;
            providerNames = new ProviderNames(configuration);
            lambdaExpressionType = compilation.GetTypeByMetadataName("System.Linq.Expressions.LambdaExpression");
            stringParser = providerNames.IsOn ? StringFixPlanner.FindParser(compilation) : null;
            firstPartyIds = StringFixPlanner.ExtraFirstPartyIds(configuration.StringProviderNames);
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
                Report(context, binary, binary.Syntax, Finding.Member(target));
                return;
            }

            var underlying = UnderlyingValues.Match(binary.LeftOperand, binary.RightOperand, targets)
                ?? UnderlyingValues.Match(binary.RightOperand, binary.LeftOperand, targets);
            if (underlying is not null)
            {
                Report(context, binary, binary.Syntax, Finding.UnderlyingValue(underlying));
                return;
            }

            var name = providerNames.MatchComparison(binary.LeftOperand, binary.RightOperand, context.CancellationToken);
            if (name is not null)
            {
                Report(context, binary, binary.Syntax, Finding.Name(name));
            }
        }

        /// <summary>
        /// <c>(p, x) == (ApiProvider.FirstParty, y)</c>: reported on the whole expression without a fix, since a
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
                Report(context, binary, binary.Syntax, Finding.Member(target, DiagnosticContract.NoFixReasons.TupleEquality));
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            switch (invocation.TargetMethod.Name)
            {
                case nameof(Equals):
                    AnalyzeEquals(context, invocation);
                    break;
                case "Contains":
                    AnalyzeMembership(context, invocation);
                    break;
            }
        }

        private void AnalyzeEquals(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var operands = ImmutableArray.CreateBuilder<IOperation>();
            if (invocation.Instance is not null)
            {
                operands.Add(invocation.Instance);
            }

            foreach (var argument in invocation.Arguments)
            {
                operands.Add(argument.Value);
            }

            foreach (var operand in operands)
            {
                if (MatchFirstParty(operand) is { } target)
                {
                    Report(context, invocation, invocation.Syntax, Finding.Member(target));
                    return;
                }
            }

            for (var i = 0; i < operands.Count; i++)
            {
                for (var j = 0; j < operands.Count; j++)
                {
                    if (i != j && UnderlyingValues.Match(operands[i], operands[j], targets) is { } underlying)
                    {
                        Report(context, invocation, invocation.Syntax, Finding.UnderlyingValue(underlying));
                        return;
                    }
                }
            }

            for (var i = 0; i < operands.Count; i++)
            {
                for (var j = i + 1; j < operands.Count; j++)
                {
                    var name = providerNames.MatchComparison(operands[i], operands[j], context.CancellationToken);
                    if (name is not null)
                    {
                        Report(context, invocation, invocation.Syntax, Finding.Name(name));
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// <c>new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p)</c> — bound to <c>Enumerable.Contains</c>, to
        /// <c>MemoryExtensions.Contains</c> (C# 14 binds array receivers to the span overload) or to a collection's own
        /// <c>Contains</c> — over a set whose elements are known and include the first-party member.
        /// </summary>
        private void AnalyzeMembership(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.ReturnType.SpecialType != SpecialType.System_Boolean || invocation.SemanticModel is not { } model)
            {
                return;
            }

            // Instance Contains(value), or static/extension Contains(collection, value); .NET 10's
            // MemoryExtensions.Contains(span, value, comparer = null) — what C# 14 binds an enum array receiver to — adds a
            // defaulted comparer, which must stay default: a comparer of its own makes membership something else.
            IOperation? collection = invocation.Instance, value = null;
            var valueOrdinal = invocation.Instance is null ? 1 : 0;
            foreach (var argument in invocation.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                if (ordinal == valueOrdinal)
                {
                    value = argument.Value;
                }
                else if (ordinal == 0 && invocation.Instance is null)
                {
                    collection = argument.Value;
                }
                else if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNullConstant(argument.Value))
                {
                    return;
                }
            }

            // Most Contains calls look up strings or numbers: only a provider-typed value can be a provider membership test.
            if (collection is null || value is null || !CouldHoldProvider(value))
            {
                return;
            }

            var set = ProviderSet.Of(collection, model, context.CancellationToken);
            if (set is null)
            {
                return;
            }

            ProviderTarget? target = null;
            var firstPartyElements = new List<SyntaxNode>();
            var allConstant = true;
            foreach (var element in set.Elements)
            {
                allConstant &= element.ConstantValue.HasValue;
                var matched = MatchFirstParty(element);
                if (matched is not null && (target is null || ReferenceEquals(matched, target)))
                {
                    target = matched;
                    firstPartyElements.Add(element.Syntax);
                }
            }

            if (target is null)
            {
                return;
            }

            var reason = set.IsNamed ? DiagnosticContract.NoFixReasons.NamedProviderSet
                : !set.IsWrittenAtQuery || !allConstant ? DiagnosticContract.NoFixReasons.UnsupportedShape
                : null;
            Report(context, invocation, invocation.Syntax, Finding.Membership(target, reason, value.Syntax, firstPartyElements));
        }

        private bool CouldHoldProvider(IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            foreach (var target in targets)
            {
                if (target.Classify(value.Type) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNullConstant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

        public void AnalyzeConstantPattern(OperationAnalysisContext context)
        {
            var pattern = (IConstantPatternOperation)context.Operation;
            var location = PatternLocation(pattern.Syntax);
            var target = MatchFirstParty(pattern.Value);
            if (target is not null)
            {
                Report(context, pattern, location, Finding.Member(target));
                return;
            }

            var input = PatternInput(pattern);
            if (UnderlyingValues.Match(input, pattern.Value, targets) is { } underlying)
            {
                Report(context, pattern, location, Finding.UnderlyingValue(underlying));
                return;
            }

            var name = providerNames.FirstPartyName(pattern.Value);
            if (name is not null && providerNames.IsProviderName(input, context.CancellationToken))
            {
                Report(context, pattern, location, Finding.Name(name));
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
                Report(context, clause, clause.Syntax, Finding.Member(target));
                return;
            }

            var switchValue = clause.Parent is ISwitchCaseOperation { Parent: ISwitchOperation @switch } ? @switch.Value : null;
            if (UnderlyingValues.Match(switchValue, clause.Value, targets) is { } underlying)
            {
                Report(context, clause, clause.Syntax, Finding.UnderlyingValue(underlying));
                return;
            }

            var name = providerNames.FirstPartyName(clause.Value);
            if (name is not null && providerNames.IsProviderName(switchValue, context.CancellationToken))
            {
                Report(context, clause, clause.Syntax, Finding.Name(name));
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

        private void Report(OperationAnalysisContext context, IOperation operation, SyntaxNode location, Finding finding)
        {
            if (finding.Target is { } mapped && CapabilityExtensionMethods.IsMappingMethod(EnclosingMember(context.ContainingSymbol), mapped.Type))
            {
                // The enum's own mapping translates a provider; it does not check one.
                return;
            }

            var inference = ConcernInference.Infer(location, operation.SemanticModel, context.CancellationToken);
            var plan = PlanFix(context, operation, location, finding);

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticContract.ConcernProperty, inference.Concern);
            properties.Add(DiagnosticContract.HasCapabilityFixProperty, (finding.Target?.HasCapabilityFix ?? stringParser.HasValue) ? "true" : "false");
            properties.Add(DiagnosticContract.ProviderTypeProperty, finding.Target?.MetadataName ?? StringTypeName);
            plan.AddTo(properties);

            var diagnosticLocation = location.GetLocation();
            if (finding.Target is { } target)
            {
                mappingCheck?.OnFinding(target, diagnosticLocation);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                ProviderAuditDescriptors.FirstPartyComparison,
                diagnosticLocation,
                plan.AdditionalLocations,
                properties.ToImmutable(),
                finding.Compared,
                inference.Description,
                Advice(inference.Concern, finding.Target, plan, firstPartyIds)));
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
        private FixPlan PlanFix(OperationAnalysisContext context, IOperation operation, SyntaxNode location, Finding finding)
        {
            var noFixReason = finding.NoFixReason;
            if (noFixReason is null && IsInExpressionTree(operation))
            {
                noFixReason = DiagnosticContract.NoFixReasons.ExpressionTree;
            }

            var target = finding.Target;
            if (noFixReason is null && target is null)
            {
                return stringParser is { } parser && operation.SemanticModel is { } stringModel && finding.ProviderName is not null
                    ? new StringFixPlanner(stringModel, parser.Parser, parser.ApiProvider, firstPartyIds, context.CancellationToken).Plan(location)
                    : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.StringProviderName);
            }

            if (noFixReason is null && !target!.HasCapabilityFix)
            {
                // Fixable once PA0003's fix writes the mapping, when it can write one here and the check has a shape the
                // capability fixes rewrite: planned as if the mapping existed (only where a finding is reported).
                return target.MappingCanBeWritten && operation.SemanticModel is { } unmappedModel
                       && PlanShape(context, unmappedModel, target, location, finding).NoFixReason is null
                    ? FixPlan.NotFixableUntil(DiagnosticContract.NoFixReasons.NoCapabilityMethods, DiagnosticContract.MissingProviderMappingId)
                    : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.NoCapabilityMethods);
            }

            if (noFixReason is not null || operation.SemanticModel is not { } model)
            {
                return FixPlan.NotFixable(noFixReason ?? DiagnosticContract.NoFixReasons.UnsupportedShape);
            }

            return PlanShape(context, model, target!, location, finding);
        }

        private FixPlan PlanShape(OperationAnalysisContext context, SemanticModel model, ProviderTarget target, SyntaxNode location, Finding finding)
        {
            var planner = new FixPlanner(model, target, nameScopes, context.CancellationToken);
            return finding.MembershipOperand is { } operand && location is InvocationExpressionSyntax invocation && operand is ExpressionSyntax value
                ? planner.PlanMembership(invocation, value, finding.MembershipElements)
                : planner.Plan(location);
        }

        private static string Advice(string concern, ProviderTarget? target, FixPlan plan, string firstPartyIds)
        {
            var noFixReason = plan.NoFixReason;
            string advice;
            if (target is null && noFixReason is null)
            {
                var find = "ApiProviderIds.Find(id" + (firstPartyIds.Length == 0 ? string.Empty : ", \"" + firstPartyIds.Replace(",", "\", \"") + "\"") + ")";
                advice = concern switch
                {
                    DiagnosticContract.Concerns.ModelIdFormat => "ask " + find + "?.ModelIdFormat().IsFirstParty == true",
                    DiagnosticContract.Concerns.AuthTransport => "ask " + find + "?.AuthTransport().IsFirstParty == true",
                    _ => "decide which one this check means and ask " + find + "?.ModelIdFormat().IsFirstParty == true or " + find + "?.AuthTransport().IsFirstParty == true",
                };
            }
            else if (target is null)
            {
                advice = "resolve the backend and ask its capability (ModelIdFormat.IsFirstParty or AuthTransport.IsFirstParty) instead of its name";
            }
            else if (!target.HasCapabilityFix)
            {
                advice = plan.FixableAfter is not null
                    ? "becomes fixable with PA0003's fix: once 'Add capability mapping' gives " + target.Type.Name + " ToApiProvider(), ModelIdFormat() and AuthTransport(), "
                      + (concern switch
                      {
                          DiagnosticContract.Concerns.ModelIdFormat => "this check's fix asks provider.ModelIdFormat().IsFirstParty",
                          DiagnosticContract.Concerns.AuthTransport => "this check's fix asks provider.AuthTransport().IsFirstParty",
                          _ => "this check's fixes ask provider.ModelIdFormat().IsFirstParty (the default) or provider.AuthTransport().IsFirstParty",
                      })
                    : target.MappingCanBeWritten
                        ? "give " + target.Type.Name + " a capability mapping first (PA0003's fix adds ToApiProvider(), ModelIdFormat() and AuthTransport()), then rewrite this check by hand to ask the capability it means (the capability fixes do not rewrite its shape)"
                        : "give " + target.Type.Name + " ModelIdFormat() and AuthTransport() extension methods by hand (PA0003's fix cannot write them here: see PA0003's documentation), then ask the capability this check means";
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
            DiagnosticContract.NoFixReasons.BrokenSyntax => "the check's own syntax has errors; fix them first",
            DiagnosticContract.NoFixReasons.NamedProviderSet => "the set is declared elsewhere and may be read by other code; ask the capability here and take the first-party member out of the set by hand",
            _ => "the rewrite could not keep this exact shape",
        };
    }
}
