using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>`==` and `!=` in every operand order and provider shape.</summary>
public class ComparisonFixTests
{
    private static string Class(string members) => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using ProviderAudit.Runtime;

        class Settings
        {
            public ApiProvider Provider { get; set; }
            public ApiProvider? Override { get; set; }
        }

        class C
        {
        {{members}}
        }
        """;

    [Fact]
    public Task EqualsOperatorBecomesModelIdCapability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task EqualsOperatorBecomesAuthTransportCapability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task NotEqualsOperatorBecomesNegatedModelIdCapability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider != ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task NotEqualsOperatorBecomesNegatedAuthTransportCapability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider != ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task ReversedOperandsUseTheProviderSide() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty == provider|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task ReversedNotEqualsOperandsStayNegated() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty != provider|};"),
        Class("    bool M(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task CastConstantIsRecognised() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == (ApiProvider)0|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task ConditionalAccessJoinsTheChainAndNullStaysFalse() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Provider == ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => settings?.Provider.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task ConditionalAccessNotEqualsKeepsNullTrue() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Provider != ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => settings?.Provider.AuthTransport().IsFirstParty != true;"),
        Verify.AuthTransport);

    [Fact]
    public Task ConditionalAccessToNullableProviderIsParenthesised() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Override == ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => (settings?.Override)?.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task NullableProviderUsesConditionalCall() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => {|PA0001:provider == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider? provider) => provider?.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task NullableComparisonUnderNegationIsParenthesised() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => !({|PA0001:provider == ApiProvider.FirstParty|});"),
        Class("    bool M(ApiProvider? provider) => !(provider?.ModelIdFormat().IsFirstParty == true);"),
        Verify.ModelId);

    [Fact]
    public Task ComplexProviderExpressionIsParenthesisedAsReceiver() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => {|PA0001:(provider ?? ApiProvider.Bedrock) == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider? provider) => (provider ?? ApiProvider.Bedrock).ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task DefaultValueConstantIsRecognised() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:default(ApiProvider) != provider|};"),
        Class("    bool M(ApiProvider provider) => !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task NamedConstantEqualToFirstPartyIsRecognised() => Verify.FixAsync(
        Class("    const ApiProvider Default = ApiProvider.FirstParty;\n    bool M(ApiProvider provider) => {|PA0001:provider == Default|};"),
        Class("    const ApiProvider Default = ApiProvider.FirstParty;\n    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task ComparisonInsideConditionKeepsTheRestOfTheExpression() => Verify.FixAsync(
        Class("    string M(ApiProvider provider, bool verbose) => verbose && {|PA0001:provider == ApiProvider.FirstParty|} ? \"claude-sonnet-4-6\" : \"other\";"),
        Class("    string M(ApiProvider provider, bool verbose) => verbose && provider.ModelIdFormat().IsFirstParty ? \"claude-sonnet-4-6\" : \"other\";"),
        Verify.ModelId);

    [Fact]
    public Task ComparisonInLambdaIsRewritten() => Verify.FixAsync(
        Class("    int M(List<ApiProvider> providers) => providers.Count(p => {|PA0001:p == ApiProvider.FirstParty|});"),
        Class("    int M(List<ApiProvider> providers) => providers.Count(p => p.ModelIdFormat().IsFirstParty);"),
        Verify.ModelId);

    [Fact]
    public Task ComparisonInLinqQueryIsRewritten() => Verify.FixAsync(
        Class("    IEnumerable<ApiProvider> M(List<ApiProvider> providers) => from p in providers where {|PA0001:p != ApiProvider.FirstParty|} select p;"),
        Class("    IEnumerable<ApiProvider> M(List<ApiProvider> providers) => from p in providers where !p.AuthTransport().IsFirstParty select p;"),
        Verify.AuthTransport);

    [Fact]
    public Task ComparisonInsideExpressionTreeGetsNoFix()
    {
        var source = Class("    System.Linq.Expressions.Expression<System.Func<ApiProvider, bool>> M() => p => {|PA0001:p == ApiProvider.FirstParty|};");
        return Verify.FixAsync(source, source, Verify.ModelId);
    }
    [Fact]
    public Task DefaultLiteralIsRecognised() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == default|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task BoxedReferenceEqualityGetsNoFix()
    {
        // object == object compares references: always false for a fresh box, so a capability call would change behaviour.
        var source = Class("    bool M(object boxed) => {|PA0001:boxed == (object)ApiProvider.FirstParty|};");
        return Verify.FixAsync(source, source, Verify.ModelId);
    }

    [Fact]
    public Task TupleEqualityGetsNoFix()
    {
        var source = Class("    bool M(ApiProvider provider, int port) => {|PA0001:(provider, port) == (ApiProvider.FirstParty, 443)|};");
        return Verify.FixAsync(source, source, Verify.ModelId);
    }

    /// <summary>Found by the mutation suite: the check was the constant's only reader, so the fix left an unused local (CS0219).</summary>
    [Fact]
    public Task LocalConstantReadOnlyByTheRewrittenCheckGoesWithIt() => Verify.FixAsync(
        Class("""
                bool M(ApiProvider provider)
                {
                    // The legacy alias.
                    const ApiProvider Fp = ApiProvider.FirstParty;
                    return {|PA0001:provider == Fp|};
                }
            """),
        Class("""
                bool M(ApiProvider provider)
                {
                    // The legacy alias.
                    return provider.ModelIdFormat().IsFirstParty;
                }
            """),
        Verify.ModelId);

    [Fact]
    public Task LocalConstantReadByEveryRewrittenCheckGoesOnceNoneIsLeft() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider)
                {
                    const ApiProvider Fp = ApiProvider.FirstParty;
                    var first = {|PA0001:provider == Fp|};
                    return first + "," + ({|PA0001:provider is Fp|});
                }
            """),
        Class("""
                string M(ApiProvider provider)
                {
                    var first = provider.ModelIdFormat().IsFirstParty;
                    return first + "," + (provider.ModelIdFormat().IsFirstParty);
                }
            """),
        Verify.ModelId);

    [Fact]
    public Task LocalConstantStillReadElsewhereStays() => Verify.FixAsync(
        Class("""
                ApiProvider M(ApiProvider provider)
                {
                    const ApiProvider Fp = ApiProvider.FirstParty;
                    return {|PA0001:provider == Fp|} ? provider : Fp;
                }
            """),
        Class("""
                ApiProvider M(ApiProvider provider)
                {
                    const ApiProvider Fp = ApiProvider.FirstParty;
                    return provider.ModelIdFormat().IsFirstParty ? provider : Fp;
                }
            """),
        Verify.ModelId);
}
