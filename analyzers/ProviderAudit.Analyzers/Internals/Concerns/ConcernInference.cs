using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Analyzers.Internals.Concerns
{
    /// <summary>
    /// Guesses which capability a first-party check is about from the code it controls: the if/else branches,
    /// the conditional's arms, the switch section or arm, the rest of an <c>&amp;&amp;</c>/<c>||</c> chain, and one level
    /// further the values of the constants, <c>static readonly</c> fields and auto-properties that code names
    /// (<c>BaseDomain = "https://api.anthropic.com/"</c>); when those say nothing, the name of the variable it is stored in
    /// and of the enclosing member. Runs only where a finding is reported, and is bounded (<see cref="MaxTokens"/> tokens,
    /// <see cref="MaxFollowed"/> names looked up), so it stays cheap on huge branches.
    /// </summary>
    internal static class ConcernInference
    {
        private const int MaxTokens = 400;

        /// <summary>How many distinct names of the guarded code are looked up to read their value.</summary>
        private const int MaxFollowed = 16;

        /// <summary>How many tokens of one followed initializer are read.</summary>
        private const int MaxInitializerTokens = 64;

        public static ConcernResult Infer(SyntaxNode comparison, SemanticModel? model = null, CancellationToken cancellationToken = default)
        {
            var guarded = new List<SyntaxNode>();
            var names = new List<SyntaxToken>();
            CollectGuardedCode(comparison, guarded, names);

            var signals = new Signals();
            var budget = MaxTokens;
            var toFollow = new List<IdentifierNameSyntax>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in guarded)
            {
                foreach (var token in node.DescendantTokens())
                {
                    if (--budget < 0)
                    {
                        break;
                    }

                    signals.Add(token);
                    if (token.Parent is IdentifierNameSyntax name && !(name.Parent is InvocationExpressionSyntax) && toFollow.Count < MaxFollowed && seen.Add(token.ValueText))
                    {
                        toFollow.Add(name);
                    }
                }
            }

            if (model != null)
            {
                foreach (var name in toFollow)
                {
                    Follow(name, model, signals, cancellationToken);
                }
            }

            if (!signals.Any)
            {
                foreach (var name in names)
                {
                    signals.Add(name);
                }

                if (EnclosingMemberName(comparison) is { } member)
                {
                    signals.AddMemberName(member);
                }
            }

            return signals.ToResult();
        }

        /// <summary>
        /// One level through a name: the value of a constant (field or local, from source or metadata), or the initializer of
        /// a <c>static readonly</c> field or an auto-property (or an expression-bodied property) declared in source. Its
        /// strings and names count like the guarded code's own, with the name they were reached through.
        /// </summary>
        private static void Follow(IdentifierNameSyntax name, SemanticModel model, Signals signals, CancellationToken cancellationToken)
        {
            if (name.SyntaxTree != model.SyntaxTree)
            {
                return;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            switch (symbol)
            {
                case IFieldSymbol { HasConstantValue: true, ConstantValue: string text }:
                    signals.AddFollowed(text, symbol.Name);
                    return;
                case ILocalSymbol { HasConstantValue: true, ConstantValue: string text }:
                    signals.AddFollowed(text, symbol.Name);
                    return;
                case IFieldSymbol { IsStatic: true, IsReadOnly: true }:
                case IPropertySymbol { SetMethod: null }:
                case IPropertySymbol { SetMethod.IsInitOnly: true }:
                    break;
                default:
                    return;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                SyntaxNode? value = reference.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => (SyntaxNode?)property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                var budget = MaxInitializerTokens;
                foreach (var token in value.DescendantTokens())
                {
                    if (--budget < 0)
                    {
                        break;
                    }

                    signals.AddFollowed(token, symbol.Name);
                }
            }
        }

        private static void CollectGuardedCode(SyntaxNode comparison, List<SyntaxNode> guarded, List<SyntaxToken> names)
        {
            var node = comparison;

            // A pattern: climb to the construct that owns it.
            // Sibling sub-patterns ({ Provider: FirstParty, HasOAuthToken: false }) are the rest of the condition.
            while (node.Parent is PatternSyntax || node.Parent is SubpatternSyntax
                || node.Parent is PropertyPatternClauseSyntax || node.Parent is PositionalPatternClauseSyntax)
            {
                if (node is SubpatternSyntax subpattern)
                {
                    AddSiblingSubpatterns(subpattern, guarded);
                }

                node = node.Parent!;
            }

            switch (node.Parent)
            {
                case SwitchExpressionArmSyntax arm:
                    guarded.Add(arm.Expression);
                    if (arm.WhenClause is not null)
                    {
                        guarded.Add(arm.WhenClause);
                    }

                    return;
                case CasePatternSwitchLabelSyntax patternLabel when patternLabel.Parent is SwitchSectionSyntax patternSection:
                    AddSection(patternSection, patternLabel.WhenClause, guarded);
                    return;
                case IsPatternExpressionSyntax isPattern:
                    node = isPattern;
                    break;
            }

            if (node is CaseSwitchLabelSyntax { Parent: SwitchSectionSyntax caseSection })
            {
                AddSection(caseSection, null, guarded);
                return;
            }

            // A condition: climb through parentheses, negation and && / || chains, keeping the other operands.
            while (node.Parent is ParenthesizedExpressionSyntax
                || node.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression }
                || node.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression })
            {
                if (node.Parent is BinaryExpressionSyntax logical)
                {
                    guarded.Add(logical.Left == node ? logical.Right : logical.Left);
                }

                node = node.Parent;
            }

            switch (node.Parent)
            {
                case IfStatementSyntax ifStatement when ifStatement.Condition == node:
                    guarded.Add(ifStatement.Statement);
                    if (ifStatement.Else is not null)
                    {
                        guarded.Add(ifStatement.Else);
                    }
                    else if (EndsInJump(ifStatement.Statement))
                    {
                        AddFollowingStatements(ifStatement, guarded);
                    }

                    break;
                case LambdaExpressionSyntax { Parent: ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation } }:
                    // A predicate passed to Where/Any/…: what it filters says what it is about.
                    guarded.Add(invocation.Expression);
                    break;
                case WhereClauseSyntax { Parent: QueryBodySyntax { Parent: QueryExpressionSyntax query } body }:
                    guarded.Add(query.FromClause.Expression);
                    if (body.SelectOrGroup is not null)
                    {
                        guarded.Add(body.SelectOrGroup);
                    }

                    break;
                case ConditionalExpressionSyntax conditional when conditional.Condition == node:
                    guarded.Add(conditional.WhenTrue);
                    guarded.Add(conditional.WhenFalse);
                    break;
                case WhileStatementSyntax loop:
                    guarded.Add(loop.Statement);
                    break;
                case DoStatementSyntax loop:
                    guarded.Add(loop.Statement);
                    break;
                case WhenClauseSyntax { Parent: SwitchExpressionArmSyntax arm }:
                    guarded.Add(arm.Expression);
                    break;
                case WhenClauseSyntax { Parent: CasePatternSwitchLabelSyntax { Parent: SwitchSectionSyntax whenSection } }:
                    AddSection(whenSection, null, guarded);
                    break;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    names.Add(declarator.Identifier);
                    break;
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    names.Add(property.Identifier);
                    break;
                case AssignmentExpressionSyntax assignment when assignment.Right == node:
                    AddLastIdentifier(assignment.Left, names);
                    break;
                case ArgumentSyntax { NameColon: { } nameColon }:
                    names.Add(nameColon.Name.Identifier);
                    break;
            }
        }

        private static void AddSiblingSubpatterns(SubpatternSyntax subpattern, List<SyntaxNode> guarded)
        {
            if (subpattern.Parent is not (PropertyPatternClauseSyntax or PositionalPatternClauseSyntax))
            {
                return;
            }

            foreach (var sibling in subpattern.Parent.ChildNodes())
            {
                if (sibling != subpattern && sibling is SubpatternSyntax)
                {
                    guarded.Add(sibling);
                }
            }
        }

        /// <summary>An early exit: then the statements after the <c>if</c> are its other branch.</summary>
        private static bool EndsInJump(StatementSyntax statement)
        {
            if (statement is BlockSyntax block)
            {
                return block.Statements.Count > 0 && EndsInJump(block.Statements[block.Statements.Count - 1]);
            }

            return statement is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax;
        }

        private static void AddFollowingStatements(IfStatementSyntax ifStatement, List<SyntaxNode> guarded)
        {
            if (ifStatement.Parent is not BlockSyntax block)
            {
                return;
            }

            var index = block.Statements.IndexOf(ifStatement);
            for (var i = index + 1; i < block.Statements.Count; i++)
            {
                guarded.Add(block.Statements[i]);
            }
        }

        private static void AddSection(SwitchSectionSyntax section, WhenClauseSyntax? whenClause, List<SyntaxNode> guarded)
        {
            if (whenClause is not null)
            {
                guarded.Add(whenClause);
            }

            foreach (var statement in section.Statements)
            {
                guarded.Add(statement);
            }
        }

        private static void AddLastIdentifier(ExpressionSyntax target, List<SyntaxToken> names)
        {
            switch (target)
            {
                case IdentifierNameSyntax identifier:
                    names.Add(identifier.Identifier);
                    break;
                case MemberAccessExpressionSyntax access:
                    names.Add(access.Name.Identifier);
                    break;
            }
        }

        private static SyntaxToken? EnclosingMemberName(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LocalFunctionStatementSyntax localFunction:
                        return localFunction.Identifier;
                    case MethodDeclarationSyntax method:
                        return method.Identifier;
                    case PropertyDeclarationSyntax property:
                        return property.Identifier;
                    case IndexerDeclarationSyntax:
                    case ConstructorDeclarationSyntax:
                    case TypeDeclarationSyntax:
                        return null;
                    case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } field:
                        return field.Identifier;
                }
            }

            return null;
        }

        /// <summary>
        /// The best model-id and transport reason seen: a literal (a header name, a model id) names the concern
        /// more precisely than an identifier, so it replaces an earlier identifier reason.
        /// </summary>
        private sealed class Signals
        {
            private string? modelReason;
            private string? transportReason;
            private bool modelFromLiteral;
            private bool transportFromLiteral;

            public bool Any => modelReason is not null || transportReason is not null;

            public void Add(SyntaxToken token)
            {
                switch (token.Kind())
                {
                    case SyntaxKind.IdentifierToken:
                        AddIdentifier(token.ValueText, "uses '{0}'");
                        break;
                    case SyntaxKind.StringLiteralToken:
                    case SyntaxKind.InterpolatedStringTextToken:
                    case SyntaxKind.SingleLineRawStringLiteralToken:
                    case SyntaxKind.MultiLineRawStringLiteralToken:
                        AddString(token.ValueText, string.Empty);
                        break;
                }
            }

            public void AddMemberName(SyntaxToken member) => AddIdentifier(member.ValueText, "is in member '{0}'");

            /// <summary>A string a followed name holds (a constant's value).</summary>
            public void AddFollowed(string text, string via) => AddString(text, " through '" + via + "'");

            /// <summary>A token of a followed name's initializer.</summary>
            public void AddFollowed(SyntaxToken token, string via)
            {
                switch (token.Kind())
                {
                    case SyntaxKind.IdentifierToken:
                        AddIdentifier(token.ValueText, "uses '{0}' through '" + via.Replace("{", "{{").Replace("}", "}}") + "'");
                        break;
                    case SyntaxKind.StringLiteralToken:
                    case SyntaxKind.InterpolatedStringTextToken:
                    case SyntaxKind.SingleLineRawStringLiteralToken:
                    case SyntaxKind.MultiLineRawStringLiteralToken:
                        AddString(token.ValueText, " through '" + via + "'");
                        break;
                }
            }

            public ConcernResult ToResult()
            {
                if (modelReason is not null && transportReason is null)
                {
                    return new ConcernResult(DiagnosticContract.Concerns.ModelIdFormat, "guards model-id logic (" + modelReason + ")");
                }

                if (transportReason is not null && modelReason is null)
                {
                    return new ConcernResult(DiagnosticContract.Concerns.AuthTransport, "guards auth/endpoint logic (" + transportReason + ")");
                }

                if (modelReason is not null)
                {
                    return new ConcernResult(
                        DiagnosticContract.Concerns.Ambiguous,
                        "guards both model-id logic (" + modelReason + ") and auth/endpoint logic (" + transportReason + ")");
                }

                return new ConcernResult(
                    DiagnosticContract.Concerns.Ambiguous,
                    "guards code that names neither model ids nor auth/endpoints, so its concern is unclear");
            }

            private void AddIdentifier(string identifier, string format)
            {
                if (modelReason is null && SignalVocabulary.IsModelIdentifier(identifier))
                {
                    modelReason = string.Format(format, identifier);
                }

                if (transportReason is null && SignalVocabulary.IsTransportIdentifier(identifier))
                {
                    transportReason = string.Format(format, identifier);
                }
            }

            private void AddString(string text, string suffix)
            {
                if (!modelFromLiteral && SignalVocabulary.ModelStringReason(text) is { } model)
                {
                    modelReason = model + suffix;
                    modelFromLiteral = true;
                }

                if (!transportFromLiteral && SignalVocabulary.TransportStringReason(text) is { } transport)
                {
                    transportReason = transport + suffix;
                    transportFromLiteral = true;
                }
            }
        }
    }

    /// <summary>The inferred concern (a <see cref="DiagnosticContract.Concerns"/> value) and its reason for the message.</summary>
    internal readonly struct ConcernResult
    {
        public ConcernResult(string concern, string description)
        {
            Concern = concern;
            Description = description;
        }

        public string Concern { get; }

        public string Description { get; }
    }
}
