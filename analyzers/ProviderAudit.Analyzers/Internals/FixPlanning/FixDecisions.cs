using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ProviderAudit.Analyzers.Internals.Configuration;
using ProviderAudit.Analyzers.Internals.Detection;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// One compilation's fix decisions: for each finding, the first reason that rules a rewrite out, else the planner's
    /// answer for the site. What every decision needs (the expression-tree type, the runtime's id reader, the name-scope
    /// cache) is resolved once here.
    /// </summary>
    internal sealed class FixDecisions
    {
        private readonly INamedTypeSymbol? _lambdaExpressionType;
        private readonly StringIdParser? _parser;
        private readonly NameScopeCache _names = new NameScopeCache();

        public FixDecisions(Compilation compilation, AuditConfiguration configuration, bool stringChecksOn)
        {
            _lambdaExpressionType = compilation.GetTypeByMetadataName("System.Linq.Expressions.LambdaExpression");
            _parser = stringChecksOn ? StringIds.FindParser(compilation) : null;
            FirstPartyIds = StringIds.ExtraFirstPartyIds(configuration.StringProviderNames);
        }

        /// <summary>The value of <see cref="DiagnosticContract.FirstPartyIdsProperty"/> for this compilation.</summary>
        public string FirstPartyIds { get; }

        /// <summary>Whether string checks can be rewritten here (the compilation has <c>ApiProviderIds</c>).</summary>
        public bool CanRewriteStringIds => _parser is not null;

        public FixPlan Decide(Finding finding, CancellationToken cancellationToken)
        {
            var noFixReason = finding.NoFixReason;
            if (noFixReason is null && IsInExpressionTree(finding.Operation))
            {
                noFixReason = DiagnosticContract.NoFixReasons.ExpressionTree;
            }

            var model = finding.Operation.SemanticModel;
            var target = finding.Target;
            if (noFixReason is null && target is null)
            {
                return _parser is { } parser && model is not null && finding.ProviderName is not null
                    ? new FixPlanner(model, new StringIds(model, parser, FirstPartyIds, cancellationToken), _names, cancellationToken).Plan(finding.Location)
                    : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.StringProviderName);
            }

            if (noFixReason is null && !target!.HasCapabilityFix)
            {
                // Fixable once PA0003's fix writes the mapping, when it can write one here and the check has a shape the
                // capability fixes rewrite: planned as if the mapping existed (only where a finding is reported).
                return target.MappingCanBeWritten && model is not null && PlanEnumCheck(model, target, finding, cancellationToken).NoFixReason is null
                    ? FixPlan.NotFixableUntil(DiagnosticContract.NoFixReasons.NoCapabilityMethods, DiagnosticContract.MissingProviderMappingId)
                    : FixPlan.NotFixable(DiagnosticContract.NoFixReasons.NoCapabilityMethods);
            }

            if (noFixReason is not null || model is null)
            {
                return FixPlan.NotFixable(noFixReason ?? DiagnosticContract.NoFixReasons.UnsupportedShape);
            }

            return PlanEnumCheck(model, target!, finding, cancellationToken);
        }

        private FixPlan PlanEnumCheck(SemanticModel model, ProviderTarget target, Finding finding, CancellationToken cancellationToken)
        {
            var planner = new FixPlanner(model, new EnumIds(model, target, cancellationToken), _names, cancellationToken);
            return finding.MembershipOperand is ExpressionSyntax operand && finding.Location is InvocationExpressionSyntax invocation
                ? planner.PlanMembership(invocation, operand, finding.MembershipElements)
                : planner.Plan(finding.Location);
        }

        /// <summary>Inside a lambda converted to an expression tree, where a LINQ/EF provider translates the code.</summary>
        private bool IsInExpressionTree(IOperation operation)
        {
            if (_lambdaExpressionType is null)
            {
                return false;
            }

            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation && current.Parent is { Type: { } convertedTo } && DerivesFrom(convertedTo, _lambdaExpressionType))
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
    }
}
