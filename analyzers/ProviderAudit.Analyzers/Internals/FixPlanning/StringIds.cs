using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// Provider names held in strings (<c>GetApiProvider() == "anthropic"</c>, configured with
    /// <c>provider_audit.string_provider_members</c>): the rewrite reads the id with one runtime call — the host's first-party
    /// ids (<c>provider_audit.string_provider_names</c>) passed along — and asks the capability:
    /// <c>ApiProviderIds.Find(GetApiProvider(), "anthropic")?.ModelIdFormat().IsFirstParty == true</c>. <c>Find</c> is null
    /// for null and for ids no backend has (another vendor's <c>"openai"</c>), so the rewritten check answers as the old
    /// one did for every value but Claude Platform on AWS's. The fixer rewrites it like an enum check, with the id as the
    /// operand; patterns type-test it first (<c>id is string p &amp;&amp; …</c>), as the constant pattern did.
    /// </summary>
    internal sealed class StringIds : IComparedIds
    {
        public const string ParserMetadataName = "ProviderAudit.Runtime.ApiProviderIds";

        /// <summary>The name of <c>ApiProviderIds</c>' reader the rewrite calls.</summary>
        public const string FindMethod = "Find";

        private const string RuntimeNamespace = "ProviderAudit.Runtime";

        /// <summary>One key for every string check of a compilation: their names depend only on the scope.</summary>
        private static readonly object NamesKey = new object();

        private readonly SemanticModel _model;
        private readonly StringIdParser _parser;
        private readonly string _firstPartyIds;
        private readonly CancellationToken _cancellationToken;

        /// <param name="firstPartyIds">The host's first-party ids the runtime does not know, as <see cref="DiagnosticContract.FirstPartyIdsProperty"/> writes them.</param>
        public StringIds(SemanticModel model, StringIdParser parser, string firstPartyIds, CancellationToken cancellationToken)
        {
            _model = model;
            _parser = parser;
            _firstPartyIds = firstPartyIds;
            _cancellationToken = cancellationToken;
        }

        public object CacheKey => NamesKey;

        public bool TracksLocalConstants => false;

        /// <summary>
        /// The runtime's id reader when the compilation can use it: <c>ApiProviderIds</c> with a public static
        /// <c>Find(string, params string[])</c> returning <c>ApiProvider?</c>. Null otherwise (then no string check has a fix).
        /// </summary>
        public static StringIdParser? FindParser(Compilation compilation)
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
                    return new StringIdParser(parser, apiProvider);
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

        /// <summary>The detection already matched a first-party name; any constant here is it.</summary>
        public bool IsFirstPartyConstant(ExpressionSyntax expression) => _model.GetConstantValue(expression, _cancellationToken).HasValue;

        public bool IsSameCase(ExpressionSyntax candidate, ExpressionSyntax label)
            => _model.GetConstantValue(candidate, _cancellationToken) is { HasValue: true } jump
               && Equals(jump.Value, _model.GetConstantValue(label, _cancellationToken).Value);

        public bool TrySplit(ExpressionSyntax left, ExpressionSyntax right, out ExpressionSyntax operand, out ExpressionSyntax constant)
        {
            var leftConstant = IsFirstPartyConstant(left);
            var rightConstant = IsFirstPartyConstant(right);
            (operand, constant) = rightConstant ? (left, right) : (right, left);
            return leftConstant != rightConstant;
        }

        public string? ComparedShape(ref ExpressionSyntax operand)
        {
            while (operand is ParenthesizedExpressionSyntax parenthesized)
            {
                operand = parenthesized.Expression;
            }

            return NeverNull(operand) ? DiagnosticContract.Shapes.Value : DiagnosticContract.Shapes.Boxed;
        }

        /// <summary>Membership tests are only detected on provider enums.</summary>
        public bool IsProviderValue(ExpressionSyntax operand) => false;

        public string? PatternConstantShape(ConstantPatternSyntax constant) => DiagnosticContract.Shapes.Boxed;

        public (string Constant, string Operand) IsPatternShapes(ExpressionSyntax tested, bool nested, string constantShape)
        {
            // Tested directly (not through a property) on a value that is never null: parse it as it is.
            var direct = !nested && NeverNull(tested);
            return (direct ? DiagnosticContract.Shapes.Value : DiagnosticContract.Shapes.Boxed,
                nested ? DiagnosticContract.Shapes.Other : direct ? DiagnosticContract.Shapes.Value : DiagnosticContract.Shapes.Boxed);
        }

        public string? PatternGoverningShape(ExpressionSyntax governing) => null;

        /// <summary><c>case string p when …</c> never matches null, as <c>case "firstParty":</c> did not.</summary>
        public string? CaseGoverningShape(ExpressionSyntax governing) => DiagnosticContract.Shapes.Boxed;

        public string CatchAllFor(SwitchExpressionSyntax switchExpression) => DiagnosticContract.CatchAlls.None;

        /// <summary>The parser, the capability methods and how to spell them here.</summary>
        public ScopeNames NamesAt(int position)
        {
            var parserVisible = _model.LookupNamespacesAndTypes(position, name: _parser.Type.Name);
            var parserBinds = parserVisible.Length == 1 && SymbolEqualityComparer.Default.Equals(parserVisible[0], _parser.Type);
            var capabilitiesInScope = !_model.LookupSymbols(position, _parser.ApiProvider, CapabilityExtensionMethods.ModelIdFormat, includeReducedExtensionMethods: true).IsEmpty;
            var import = parserBinds && capabilitiesInScope ? string.Empty : RuntimeNamespace;

            // Bound now, or once the runtime namespace is imported; another visible ApiProviderIds keeps it qualified.
            return new ScopeNames(import, parserBinds || parserVisible.IsEmpty ? _parser.Type.Name : "global::" + ParserMetadataName);
        }

        public FixPlan WithNames(FixPlan plan, ScopeNames names)
            => plan.With(DiagnosticContract.ImportNamespaceProperty, names.Import)
                .With(DiagnosticContract.ProviderTypeSyntaxProperty, "string")
                .With(DiagnosticContract.ProviderIdParserProperty, names.TypeSyntax)
                .With(DiagnosticContract.FirstPartyIdsProperty, _firstPartyIds)
                .With(DiagnosticContract.NullableCapabilityProperty, false);

        /// <summary>The compiler's null-state analysis says the value is not null here (false where nullable analysis is off).</summary>
        private bool NeverNull(ExpressionSyntax expression) =>
            _model.GetTypeInfo(expression, _cancellationToken).Nullability.FlowState == NullableFlowState.NotNull;
    }

    /// <summary>The runtime's <c>ApiProviderIds</c> and the <c>ApiProvider</c> its <c>Find</c> returns.</summary>
    internal sealed class StringIdParser
    {
        public StringIdParser(INamedTypeSymbol type, INamedTypeSymbol apiProvider)
        {
            Type = type;
            ApiProvider = apiProvider;
        }

        public INamedTypeSymbol Type { get; }

        public INamedTypeSymbol ApiProvider { get; }
    }
}
