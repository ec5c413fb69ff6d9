using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.FixPlanning;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Builds the small expressions and patterns the rewrites need, spaced like hand-written code and
    /// parenthesised only where C# precedence requires it.
    /// </summary>
    internal static class ExpressionBuilder
    {
        private const int AssignmentLevel = 1;
        private const int ConditionalLevel = 2;
        private const int CoalesceLevel = 3;
        private const int LogicalOrLevel = 4;
        private const int LogicalAndLevel = 5;
        private const int EqualityLevel = 9;
        private const int RelationalLevel = 10;
        private const int ShiftLevel = 11;
        private const int UnaryLevel = 14;
        private const int PrimaryLevel = 15;

        public const string IsFirstParty = "IsFirstParty";

        public static SyntaxToken SpacedToken(SyntaxKind kind) =>
            Token(TriviaList(Space), kind, TriviaList(Space));

        /// <summary>
        /// <c>receiver.ModelIdFormat().IsFirstParty</c>; with <paramref name="resultMayBeNull"/> (the capability method returns
        /// a nullable reference) <c>receiver.ModelIdFormat()?.IsFirstParty</c>, a <c>bool?</c>.
        /// </summary>
        public static ExpressionSyntax Capability(ExpressionSyntax receiver, Capability capability, bool resultMayBeNull = false) =>
            AskIsFirstParty(
                InvocationExpression(
                    MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        Receiver(receiver),
                        IdentifierName(capability.ExtensionMethod()))),
                resultMayBeNull);

        /// <summary><c>receiver?.ModelIdFormat().IsFirstParty</c> (a <c>bool?</c>; <c>…()?.IsFirstParty</c> with <paramref name="resultMayBeNull"/>).</summary>
        public static ExpressionSyntax ConditionalCapability(ExpressionSyntax receiver, Capability capability, bool resultMayBeNull = false) =>
            ConditionalAccessExpression(
                Receiver(receiver),
                AskIsFirstParty(InvocationExpression(MemberBindingExpression(IdentifierName(capability.ExtensionMethod()))), resultMayBeNull));

        /// <summary>
        /// <c>ApiProviderIds.Find(id, "anthropic", …)</c>, with the reader spelled as the analyzer said (a <c>global::</c> name is
        /// shortened by code cleanup where it can be) and the host's first-party ids as string literals.
        /// </summary>
        public static ExpressionSyntax FindId(string parser, ExpressionSyntax id, IReadOnlyList<string> firstPartyIds)
        {
            var parserName = ParseName(parser);
            var arguments = new List<ArgumentSyntax> { Argument(id.WithoutTrivia()) };
            foreach (var firstPartyId in firstPartyIds)
            {
                arguments.Add(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(firstPartyId))));
            }

            return InvocationExpression(
                MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    parser.StartsWith("global::", System.StringComparison.Ordinal) ? parserName.WithAdditionalAnnotations(Simplifier.Annotation) : parserName,
                    IdentifierName(StringIds.FindMethod)),
                ArgumentList(SeparatedList(arguments, Enumerable.Repeat(Token(TriviaList(), SyntaxKind.CommaToken, TriviaList(Space)), arguments.Count - 1))));
        }

        /// <summary><c>call.IsFirstParty</c>, or <c>call?.IsFirstParty</c> when the call may return null.</summary>
        private static ExpressionSyntax AskIsFirstParty(ExpressionSyntax capabilityCall, bool resultMayBeNull) =>
            resultMayBeNull
                ? ConditionalAccessExpression(capabilityCall, MemberBindingExpression(IdentifierName(IsFirstParty)))
                : MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, capabilityCall, IdentifierName(IsFirstParty));

        /// <summary>
        /// <c>x?.Provider</c> becomes <c>x?.Provider.ModelIdFormat().IsFirstParty</c>: the capability call joins the
        /// chain when its last link is a non-nullable provider.
        /// </summary>
        public static ExpressionSyntax AppendCapabilityToChain(ConditionalAccessExpressionSyntax chain, Capability capability, bool resultMayBeNull = false)
        {
            if (chain.WhenNotNull is ConditionalAccessExpressionSyntax inner)
            {
                return chain.WithWhenNotNull(AppendCapabilityToChain(inner, capability, resultMayBeNull));
            }

            var link = chain.WhenNotNull;
            return chain.WithWhenNotNull(
                AskIsFirstParty(
                    InvocationExpression(
                        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, link, IdentifierName(capability.ExtensionMethod()))),
                    resultMayBeNull));
        }

        /// <summary><c>value == true</c> or <c>value != true</c>: null keeps the result a plain comparison gave it.</summary>
        public static ExpressionSyntax CompareWithTrue(ExpressionSyntax nullableBool, bool negated) =>
            BinaryExpression(
                negated ? SyntaxKind.NotEqualsExpression : SyntaxKind.EqualsExpression,
                Operand(nullableBool, EqualityLevel),
                SpacedToken(negated ? SyntaxKind.ExclamationEqualsToken : SyntaxKind.EqualsEqualsToken),
                LiteralExpression(SyntaxKind.TrueLiteralExpression));

        public static ExpressionSyntax And(ExpressionSyntax left, ExpressionSyntax right) =>
            BinaryExpression(
                SyntaxKind.LogicalAndExpression,
                Operand(left, LogicalAndLevel),
                SpacedToken(SyntaxKind.AmpersandAmpersandToken),
                Operand(right, LogicalAndLevel + 1));

        public static ExpressionSyntax Or(ExpressionSyntax left, ExpressionSyntax right) =>
            BinaryExpression(
                SyntaxKind.LogicalOrExpression,
                Operand(left, LogicalOrLevel),
                SpacedToken(SyntaxKind.BarBarToken),
                Operand(right, LogicalOrLevel + 1));

        /// <summary>The logical negation, written the way a person would (flip <c>== true</c>, drop a double <c>!</c>).</summary>
        public static ExpressionSyntax Not(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } } equalsTrue:
                    return CompareWithTrue(equalsTrue.Left, negated: true);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } } notEqualsTrue:
                    return CompareWithTrue(notEqualsTrue.Left, negated: false);
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                    return not.Operand is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : not.Operand;
                case IsPatternExpressionSyntax isPattern when !DeclaresVariables(isPattern.Pattern):
                    return isPattern.Pattern is UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } notPattern
                        ? isPattern.WithPattern(notPattern.Pattern is ParenthesizedPatternSyntax inner ? inner.Pattern : notPattern.Pattern)
                        : isPattern.WithPattern(UnaryPattern(Token(TriviaList(), SyntaxKind.NotKeyword, TriviaList(Space)), PatternOperand(isPattern.Pattern)));
                default:
                    return PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Operand(expression, UnaryLevel));
            }
        }

        /// <summary>
        /// <c>e is pattern</c>. A lone constant that reads as a name (<c>ApiProvider.Bedrock</c>) is written as the
        /// parser reads it: a type on the right of a binary <c>is</c>, whose binder then treats it as the constant.
        /// </summary>
        public static ExpressionSyntax IsPattern(ExpressionSyntax expression, PatternSyntax pattern)
        {
            if (pattern is ConstantPatternSyntax constant && IsNameLike(constant.Expression))
            {
                return BinaryExpression(
                    SyntaxKind.IsExpression,
                    Operand(expression, ShiftLevel),
                    SpacedToken(SyntaxKind.IsKeyword),
                    ParseTypeName(constant.Expression.ToString()).WithTriviaFrom(constant));
            }

            return IsPatternExpression(Operand(expression, ShiftLevel), SpacedToken(SyntaxKind.IsKeyword), pattern);
        }

        private static bool IsNameLike(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax => true,
            AliasQualifiedNameSyntax => true,
            QualifiedNameSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => IsNameLike(access.Expression),
            _ => false,
        };

        public static PatternSyntax VarPattern(string name) =>
            SyntaxFactory.VarPattern(Token(TriviaList(), SyntaxKind.VarKeyword, TriviaList(Space)), SingleVariableDesignation(Identifier(name)));

        public static PatternSyntax TypePattern(TypeSyntax type, string name) =>
            DeclarationPattern(type.WithTrailingTrivia(Space), SingleVariableDesignation(Identifier(name)));

        public static PatternSyntax CombinePatterns(SyntaxKind kind, PatternSyntax left, PatternSyntax right) =>
            BinaryPattern(
                kind,
                left,
                SpacedToken(kind == SyntaxKind.OrPattern ? SyntaxKind.OrKeyword : SyntaxKind.AndKeyword),
                right);

        public static WhenClauseSyntax When(ExpressionSyntax condition) =>
            WhenClause(Token(TriviaList(Space), SyntaxKind.WhenKeyword, TriviaList(Space)), condition);

        /// <summary>Wraps <paramref name="replacement"/> in parentheses when it binds looser than the slot <paramref name="original"/> sat in.</summary>
        public static ExpressionSyntax FitInto(ExpressionSyntax original, ExpressionSyntax replacement)
        {
            var level = Precedence(replacement);
            if (level >= Precedence(original) || !NeedsParentheses(original, level))
            {
                return replacement;
            }

            return ParenthesizedExpression(replacement.WithoutTrivia()).WithTriviaFrom(replacement);
        }

        private static bool NeedsParentheses(ExpressionSyntax original, int level)
        {
            switch (original.Parent)
            {
                case ParenthesizedExpressionSyntax:
                case AssignmentExpressionSyntax assignment when assignment.Right == original:
                case LambdaExpressionSyntax:
                case ConditionalExpressionSyntax conditional when conditional.Condition != original:
                    return false;
                case ConditionalExpressionSyntax:
                    return level <= ConditionalLevel;
                case BinaryExpressionSyntax binary:
                    var parentLevel = Precedence(binary);
                    var isCoalesce = binary.IsKind(SyntaxKind.CoalesceExpression);
                    var required = binary.Left == original
                        ? parentLevel + (isCoalesce ? 1 : 0)
                        : parentLevel + (isCoalesce ? 0 : 1);
                    return level < required;
                case IsPatternExpressionSyntax:
                    return level < ShiftLevel;
                case ExpressionSyntax:
                    // Unknown expression slot (member access, unary, cast, switch governing expression…): parentheses are never wrong.
                    return true;
                default:
                    // Statements, arguments, initializers, when clauses, arm bodies: any expression fits.
                    return false;
            }
        }

        public static ExpressionSyntax Operand(ExpressionSyntax expression, int minimumLevel) =>
            Precedence(expression) < minimumLevel
                ? ParenthesizedExpression(expression.WithoutTrivia()).WithTriviaFrom(expression)
                : expression;

        private static ExpressionSyntax Receiver(ExpressionSyntax expression) =>
            expression is ConditionalAccessExpressionSyntax || Precedence(expression) < PrimaryLevel
                ? ParenthesizedExpression(expression.WithoutTrivia()).WithTriviaFrom(expression)
                : expression;

        private static PatternSyntax PatternOperand(PatternSyntax pattern) =>
            pattern is BinaryPatternSyntax ? ParenthesizedPattern(pattern) : pattern;

        public static bool DeclaresVariables(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SingleVariableDesignationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        public static int Precedence(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case PrefixUnaryExpressionSyntax:
                case CastExpressionSyntax:
                case AwaitExpressionSyntax:
                case RangeExpressionSyntax:
                case SwitchExpressionSyntax:
                    return UnaryLevel;
                case IsPatternExpressionSyntax:
                    return RelationalLevel;
                case BinaryExpressionSyntax binary:
                    switch (binary.Kind())
                    {
                        case SyntaxKind.MultiplyExpression:
                        case SyntaxKind.DivideExpression:
                        case SyntaxKind.ModuloExpression:
                            return 13;
                        case SyntaxKind.AddExpression:
                        case SyntaxKind.SubtractExpression:
                            return 12;
                        case SyntaxKind.LeftShiftExpression:
                        case SyntaxKind.RightShiftExpression:
                        case SyntaxKind.UnsignedRightShiftExpression:
                            return ShiftLevel;
                        case SyntaxKind.EqualsExpression:
                        case SyntaxKind.NotEqualsExpression:
                            return EqualityLevel;
                        case SyntaxKind.BitwiseAndExpression:
                            return 8;
                        case SyntaxKind.ExclusiveOrExpression:
                            return 7;
                        case SyntaxKind.BitwiseOrExpression:
                            return 6;
                        case SyntaxKind.LogicalAndExpression:
                            return LogicalAndLevel;
                        case SyntaxKind.LogicalOrExpression:
                            return LogicalOrLevel;
                        case SyntaxKind.CoalesceExpression:
                            return CoalesceLevel;
                        default:
                            // <, >, <=, >=, is, as
                            return RelationalLevel;
                    }

                case ConditionalExpressionSyntax:
                    return ConditionalLevel;
                case AssignmentExpressionSyntax:
                case LambdaExpressionSyntax:
                case AnonymousMethodExpressionSyntax:
                    return AssignmentLevel;
                default:
                    return PrimaryLevel;
            }
        }
    }
}
