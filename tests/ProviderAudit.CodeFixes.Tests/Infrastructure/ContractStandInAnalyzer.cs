using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

// A test double that never ships: extended analyzer rules and release tracking apply to the real analyzer project.
#pragma warning disable RS1036, RS2008

/// <summary>
/// Reports PA0001 exactly where DiagnosticContract says the real analyzer does, so the fixer can be tested before
/// (and independently of) the analyzer. Concern: from the enclosing member's name (Model… / Auth…|Header…).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractStandInAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticContract.FirstPartyComparisonId, "Comparison with FirstParty", "Comparison with FirstParty", "ProviderAudit",
        DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.IdentifierName);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        if (context.Node.Parent is MemberAccessExpressionSyntax { Name: var name } && name == context.Node)
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(context.Node).Symbol is not IFieldSymbol { Name: "FirstParty", ContainingType: { } type }
            || type.ToDisplayString() != "ProviderAudit.Runtime.ApiProvider")
        {
            return;
        }

        SyntaxNode node = context.Node;
        if (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node)
        {
            node = qualified;
        }

        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        Location? location = node.Parent switch
        {
            ConstantPatternSyntax pattern => pattern.GetLocation(),
            CaseSwitchLabelSyntax label => label.GetLocation(),
            BinaryExpressionSyntax isType when isType.IsKind(SyntaxKind.IsExpression) && isType.Right == node => node.GetLocation(),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression) => binary.GetLocation(),
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } when IsEquals(invocation) => invocation.GetLocation(),
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals", Parent: InvocationExpressionSyntax invocation } => invocation.GetLocation(),
            _ => null,
        };

        if (location is null)
        {
            return;
        }

        var member = context.Node.FirstAncestorOrSelf<MemberDeclarationSyntax>() switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            _ => "",
        };
        var concern = member.Contains("Model") ? DiagnosticContract.Concerns.ModelIdFormat
            : member.Contains("Auth") || member.Contains("Header") ? DiagnosticContract.Concerns.AuthTransport
            : DiagnosticContract.Concerns.Ambiguous;
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, ImmutableDictionary<string, string?>.Empty.Add(DiagnosticContract.ConcernProperty, concern)));
    }

    private static bool IsEquals(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "Equals",
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Equals",
        _ => false,
    };
}
