using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.Configuration;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Turns patterns that contain the first-party constant (marked with <see cref="FirstPartyAnnotationKind"/>)
    /// into capability tests. Two strategies, both keeping every other sub-pattern as written:
    /// <list type="bullet">
    /// <item>in place: the constant becomes a variable (<c>{ Provider: var p }</c>) and the test moves into a
    /// <c>when</c> clause or an <c>&amp;&amp;</c> — possible when no <c>or</c>/<c>not</c> sits above the constant;</item>
    /// <item>translation: <c>or</c>/<c>and</c>/<c>not</c> become <c>||</c>/<c>&amp;&amp;</c>/<c>!</c> over
    /// <c>e is …</c> pieces and the capability test (<c>e is A or X</c> → <c>e is A || e.ModelIdFormat().IsFirstParty</c>).</item>
    /// </list>
    /// </summary>
    internal sealed class PatternTranslator
    {
        public const string FirstPartyAnnotationKind = "ProviderAudit.FirstPartyConstant";

        private readonly Capability _capability;
        private readonly VariableNames _names;

        private readonly string _providerType;
        private readonly bool _capabilityMayBeNull;
        private readonly string? _idParser;
        private readonly IReadOnlyList<string> _firstPartyIds;

        /// <param name="providerType">The provider type as the analyzer said to spell it here (simple or <c>global::</c> name).</param>
        /// <param name="capabilityMayBeNull">The capability methods return a nullable reference (a value may map to no backend).</param>
        /// <param name="idParser">For provider-name checks, how to spell <c>ApiProviderIds</c>: values are ids, read by its <c>Find</c> before the capability is asked.</param>
        /// <param name="firstPartyIds">For provider-name checks, the host's first-party ids passed to <c>Find</c>.</param>
        public PatternTranslator(
            Capability capability, VariableNames names, string providerType, bool capabilityMayBeNull = false, string? idParser = null, IReadOnlyList<string>? firstPartyIds = null)
        {
            _capability = capability;
            _names = names;
            _providerType = providerType;
            _capabilityMayBeNull = capabilityMayBeNull;
            _idParser = idParser;
            _firstPartyIds = firstPartyIds ?? new string[0];
        }

        public string NextName() => _names.Next();

        public static SyntaxAnnotation FirstPartyAnnotation(ProviderShape inputShape) =>
            new SyntaxAnnotation(FirstPartyAnnotationKind, inputShape.ToString());

        /// <summary>
        /// <c>ApiProvider</c> when that name binds to the provider enum here (once its namespace is imported);
        /// otherwise the global name, which code cleanup shortens where it can.
        /// </summary>
        public TypeSyntax ApiProviderType() =>
            _providerType.StartsWith("global::", System.StringComparison.Ordinal)
                ? ParseTypeName(_providerType).WithAdditionalAnnotations(Simplifier.Annotation)
                : ParseTypeName(_providerType);

        /// <summary>The capability test on <paramref name="value"/>, which has the given shape.</summary>
        public ExpressionSyntax Test(ExpressionSyntax value, ProviderShape shape, bool appendsToChain, bool negated)
        {
            if (_idParser != null)
            {
                // A provider id, whatever its static type: `ApiProviderIds.Find(id, …)?.ModelIdFormat().IsFirstParty == true`,
                // false for null and for ids no backend has, as the string comparison was.
                return ExpressionBuilder.CompareWithTrue(
                    ExpressionBuilder.ConditionalCapability(ExpressionBuilder.FindId(_idParser, value, _firstPartyIds), _capability),
                    negated);
            }

            switch (shape)
            {
                case ProviderShape.Value:
                {
                    var test = CapabilityTest(value);
                    return negated ? ExpressionBuilder.Not(test) : test;
                }

                case ProviderShape.Nullable:
                {
                    var nullableTest = appendsToChain && value is ConditionalAccessExpressionSyntax chain
                        ? ExpressionBuilder.AppendCapabilityToChain(chain, _capability, _capabilityMayBeNull)
                        : ExpressionBuilder.ConditionalCapability(value, _capability, _capabilityMayBeNull);
                    return ExpressionBuilder.CompareWithTrue(nullableTest, negated);
                }

                default:
                {
                    var name = _names.Next();
                    var test = ExpressionBuilder.And(
                        ExpressionBuilder.IsPattern(value, ExpressionBuilder.TypePattern(ApiProviderType(), name)),
                        CapabilityTest(IdentifierName(name)));
                    return negated ? ExpressionBuilder.Not(test) : test;
                }
            }
        }

        /// <summary><c>value.ModelIdFormat().IsFirstParty</c>, or <c>value.ModelIdFormat()?.IsFirstParty == true</c> when the capability may be null.</summary>
        private ExpressionSyntax CapabilityTest(ExpressionSyntax value)
        {
            return _capabilityMayBeNull
                ? ExpressionBuilder.CompareWithTrue(ExpressionBuilder.Capability(value, _capability, resultMayBeNull: true), negated: false)
                : ExpressionBuilder.Capability(value, _capability);
        }

        /// <summary>
        /// An expression true exactly when <paramref name="value"/> matches <paramref name="pattern"/>, with the constant swapped
        /// for the capability. A constant reached here is tested on <paramref name="value"/> itself, so the test takes the
        /// value's shape (<paramref name="valueShape"/>), not the constant's: in <c>boxed is ApiProvider and not X</c> the
        /// constant sees a narrowed ApiProvider, but the translated <c>&amp;&amp;</c> operand sees <c>object</c>.
        /// </summary>
        public ExpressionSyntax? Translate(PatternSyntax pattern, ExpressionSyntax value, ProviderShape valueShape, bool appendsToChain)
        {
            if (!ContainsFirstParty(pattern))
            {
                return ExpressionBuilder.IsPattern(value, pattern.WithoutTrivia());
            }

            switch (pattern)
            {
                case ConstantPatternSyntax constant when IsFirstParty(constant):
                    return Test(value, valueShape, appendsToChain, negated: false);
                case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                    var inner = Translate(not.Pattern, value, valueShape, appendsToChain);
                    return inner is null ? null : ExpressionBuilder.Not(inner);
                case ParenthesizedPatternSyntax parenthesized:
                    return Translate(parenthesized.Pattern, value, valueShape, appendsToChain);
                case BinaryPatternSyntax binary:
                    return TranslateCombination(binary, value, valueShape, appendsToChain);
                default:
                    return TryInPlace(pattern, out var rewritten, out var condition)
                        ? ExpressionBuilder.And(ExpressionBuilder.IsPattern(value, rewritten.WithoutTrivia()), condition)
                        : null;
            }
        }

        private ExpressionSyntax? TranslateCombination(BinaryPatternSyntax binary, ExpressionSyntax value, ProviderShape valueShape, bool appendsToChain)
        {
            var kind = binary.Kind();
            var operands = new List<PatternSyntax>();
            Flatten(binary, kind, operands);

            // Keep runs of sub-patterns without the constant together: `e is A or B || …` reads like the original.
            ExpressionSyntax? result = null;
            PatternSyntax? run = null;
            foreach (var operand in operands.Append(null))
            {
                ExpressionSyntax? piece = null;
                if (operand != null && !ContainsFirstParty(operand))
                {
                    var unwrapped = operand.WithoutTrivia();
                    run = run is null ? unwrapped : ExpressionBuilder.CombinePatterns(kind, run, unwrapped);
                    continue;
                }

                if (run != null)
                {
                    result = Combine(kind, result, ExpressionBuilder.IsPattern(value, run));
                    run = null;
                }

                if (operand is null)
                {
                    break;
                }

                piece = Translate(operand, value, valueShape, appendsToChain);
                if (piece is null)
                {
                    return null;
                }

                result = Combine(kind, result, piece);
            }

            return result;
        }

        private static ExpressionSyntax Combine(SyntaxKind kind, ExpressionSyntax? left, ExpressionSyntax right) =>
            left is null ? right
            : kind == SyntaxKind.OrPattern ? ExpressionBuilder.Or(left, right)
            : ExpressionBuilder.And(left, right);

        private static void Flatten(PatternSyntax pattern, SyntaxKind kind, List<PatternSyntax> operands)
        {
            if (pattern is BinaryPatternSyntax binary && binary.IsKind(kind))
            {
                Flatten(binary.Left, kind, operands);
                Flatten(binary.Right, kind, operands);
            }
            else
            {
                operands.Add(pattern);
            }
        }

        /// <summary>
        /// Replaces each first-party constant in <paramref name="pattern"/> with a fresh variable and returns the
        /// conjunction of their capability tests. Fails when an <c>or</c> or <c>not</c> sits between a constant and
        /// the top (C# forbids variables there, CS8780).
        /// </summary>
        public bool TryInPlace(PatternSyntax pattern, out PatternSyntax rewritten, out ExpressionSyntax condition)
        {
            rewritten = pattern;
            condition = null!;
            var constants = pattern.GetAnnotatedNodes(FirstPartyAnnotationKind).OfType<ConstantPatternSyntax>().ToList();
            if (constants.Count == 0)
            {
                return false;
            }

            foreach (var constant in constants)
            {
                for (var node = constant.Parent; node != null && constant != pattern; node = node.Parent)
                {
                    var allowed = node is SubpatternSyntax || node is PropertyPatternClauseSyntax || node is PositionalPatternClauseSyntax
                        || node is RecursivePatternSyntax || node is ParenthesizedPatternSyntax || node is ListPatternSyntax
                        || (node is BinaryPatternSyntax binary && binary.IsKind(SyntaxKind.AndPattern));
                    if (!allowed)
                    {
                        return false;
                    }

                    if (node == pattern)
                    {
                        break;
                    }
                }
            }

            var names = new Dictionary<ConstantPatternSyntax, string>();
            ExpressionSyntax? tests = null;
            foreach (var constant in constants)
            {
                var name = _names.Next();
                names[constant] = name;
                var test = Test(IdentifierName(name), ProviderShape.Value, appendsToChain: false, negated: false);
                tests = tests is null ? test : ExpressionBuilder.And(tests, test);
            }

            if (constants.Count == 1 && constants[0] == pattern)
            {
                rewritten = Designation(constants[0], names[constants[0]]);
            }
            else
            {
                rewritten = pattern.ReplaceNodes(constants, (original, _) => Designation(original, names[original]));
            }

            condition = tests!;
            return true;
        }

        private PatternSyntax Designation(ConstantPatternSyntax constant, string name)
        {
            var designation = ShapeOf(constant) == ProviderShape.Value
                ? ExpressionBuilder.VarPattern(name)
                : ExpressionBuilder.TypePattern(ApiProviderType(), name);
            return designation.WithTriviaFrom(constant);
        }

        /// <summary>
        /// An <c>and</c> chain of one first-party constant and patterns that match any non-null value — <c>{ }</c>, <c>_</c>,
        /// <c>var x</c>, <c>{ } x</c>, and any <c>not</c>/<c>and</c>/<c>or</c> combination that always matches
        /// (<c>not not { }</c>) — some perhaps naming the value: <c>{ } and X</c>, <c>{ } x and X</c>. The names declared are
        /// returned in <paramref name="designations"/>, in source order.
        /// </summary>
        public static bool IsFirstPartyAndAlwaysMatching(PatternSyntax pattern, out List<string> designations)
        {
            designations = new List<string>();
            var operands = new List<PatternSyntax>();
            FlattenAnd(pattern, operands);
            var constants = operands.Count(operand => Unparenthesized(operand) is ConstantPatternSyntax constant && IsFirstParty(constant));
            if (constants != 1 || operands.Count < 2)
            {
                return false;
            }

            foreach (var operand in operands)
            {
                if (!(Unparenthesized(operand) is ConstantPatternSyntax constant && IsFirstParty(constant)) && !AlwaysMatches(operand, designations))
                {
                    return false;
                }
            }

            return true;
        }

        private static void FlattenAnd(PatternSyntax pattern, List<PatternSyntax> operands)
        {
            switch (pattern)
            {
                case ParenthesizedPatternSyntax parenthesized:
                    FlattenAnd(parenthesized.Pattern, operands);
                    break;
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.AndPattern):
                    FlattenAnd(binary.Left, operands);
                    FlattenAnd(binary.Right, operands);
                    break;
                default:
                    operands.Add(pattern);
                    break;
            }
        }

        private static PatternSyntax Unparenthesized(PatternSyntax pattern)
        {
            while (pattern is ParenthesizedPatternSyntax parenthesized)
            {
                pattern = parenthesized.Pattern;
            }

            return pattern;
        }

        /// <summary>Matches every non-null value (of a provider that is never null), naming it in <paramref name="designations"/> where it does.</summary>
        private static bool AlwaysMatches(PatternSyntax pattern, List<string> designations)
        {
            switch (Unparenthesized(pattern))
            {
                case DiscardPatternSyntax _:
                    return true;
                case VarPatternSyntax { Designation: SingleVariableDesignationSyntax named }:
                    designations.Add(named.Identifier.ValueText);
                    return true;
                case VarPatternSyntax { Designation: DiscardDesignationSyntax }:
                    return true;
                case RecursivePatternSyntax { Type: null, PositionalPatternClause: null, PropertyPatternClause: { Subpatterns: { Count: 0 } } } recursive:
                    if (recursive.Designation is SingleVariableDesignationSyntax declared)
                    {
                        designations.Add(declared.Identifier.ValueText);
                        return true;
                    }

                    return recursive.Designation is null || recursive.Designation is DiscardDesignationSyntax;
                case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                    return NeverMatches(not.Pattern);
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.AndPattern):
                    return AlwaysMatches(binary.Left, designations) && AlwaysMatches(binary.Right, designations);
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                    // No names under `or` (CS8780): a throwaway list.
                    return AlwaysMatches(binary.Left, new List<string>()) || AlwaysMatches(binary.Right, new List<string>());
                default:
                    return false;
            }
        }

        private static bool NeverMatches(PatternSyntax pattern)
        {
            switch (Unparenthesized(pattern))
            {
                case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                    return AlwaysMatches(not.Pattern, new List<string>());
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.AndPattern):
                    return NeverMatches(binary.Left) || NeverMatches(binary.Right);
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                    return NeverMatches(binary.Left) && NeverMatches(binary.Right);
                default:
                    return false;
            }
        }

        public static bool IsFirstParty(SyntaxNode node) => node.HasAnnotations(FirstPartyAnnotationKind);

        public static bool ContainsFirstParty(SyntaxNode node) => node.GetAnnotatedNodes(FirstPartyAnnotationKind).Any();

        public static ProviderShape ShapeOf(SyntaxNode constant)
        {
            var data = constant.GetAnnotations(FirstPartyAnnotationKind).First().Data;
            return data == nameof(ProviderShape.Nullable) ? ProviderShape.Nullable
                : data == nameof(ProviderShape.Boxed) ? ProviderShape.Boxed
                : ProviderShape.Value;
        }

        /// <summary>Pattern with parentheses and one level of <c>not</c> removed, to spot <c>X</c> and <c>not X</c>.</summary>
        public static bool IsPlainFirstPartyTest(PatternSyntax pattern)
        {
            while (pattern is ParenthesizedPatternSyntax parenthesized)
            {
                pattern = parenthesized.Pattern;
            }

            if (pattern is UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not)
            {
                pattern = not.Pattern;
                while (pattern is ParenthesizedPatternSyntax parenthesized)
                {
                    pattern = parenthesized.Pattern;
                }
            }

            return pattern is ConstantPatternSyntax && IsFirstParty(pattern);
        }
    }
}
