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
    public Task Equals_operator_becomes_model_id_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Equals_operator_becomes_AuthTransport_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Not_equals_operator_becomes_negated_model_id_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider != ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Not_equals_operator_becomes_negated_AuthTransport_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider != ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Reversed_operands_use_the_provider_side() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty == provider|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Reversed_not_equals_operands_stay_negated() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty != provider|};"),
        Class("    bool M(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Cast_constant_is_recognised() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == (ApiProvider)0|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Conditional_access_joins_the_chain_and_null_stays_false() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Provider == ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => settings?.Provider.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task Conditional_access_not_equals_keeps_null_true() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Provider != ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => settings?.Provider.AuthTransport().IsFirstParty != true;"),
        Verify.AuthTransport);

    [Fact]
    public Task Conditional_access_to_nullable_provider_is_parenthesised() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Override == ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => (settings?.Override)?.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task Nullable_provider_uses_conditional_call() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => {|PA0001:provider == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider? provider) => provider?.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task Nullable_comparison_under_negation_is_parenthesised() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => !({|PA0001:provider == ApiProvider.FirstParty|});"),
        Class("    bool M(ApiProvider? provider) => !(provider?.ModelIdFormat().IsFirstParty == true);"),
        Verify.ModelId);

    [Fact]
    public Task Complex_provider_expression_is_parenthesised_as_receiver() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => {|PA0001:(provider ?? ApiProvider.Bedrock) == ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider? provider) => (provider ?? ApiProvider.Bedrock).ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Default_value_constant_is_recognised() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:default(ApiProvider) != provider|};"),
        Class("    bool M(ApiProvider provider) => !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Named_constant_equal_to_FirstParty_is_recognised() => Verify.FixAsync(
        Class("    const ApiProvider Default = ApiProvider.FirstParty;\n    bool M(ApiProvider provider) => {|PA0001:provider == Default|};"),
        Class("    const ApiProvider Default = ApiProvider.FirstParty;\n    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Comparison_inside_condition_keeps_the_rest_of_the_expression() => Verify.FixAsync(
        Class("    string M(ApiProvider provider, bool verbose) => verbose && {|PA0001:provider == ApiProvider.FirstParty|} ? \"claude-sonnet-4-6\" : \"other\";"),
        Class("    string M(ApiProvider provider, bool verbose) => verbose && provider.ModelIdFormat().IsFirstParty ? \"claude-sonnet-4-6\" : \"other\";"),
        Verify.ModelId);

    [Fact]
    public Task Comparison_in_lambda_is_rewritten() => Verify.FixAsync(
        Class("    int M(List<ApiProvider> providers) => providers.Count(p => {|PA0001:p == ApiProvider.FirstParty|});"),
        Class("    int M(List<ApiProvider> providers) => providers.Count(p => p.ModelIdFormat().IsFirstParty);"),
        Verify.ModelId);

    [Fact]
    public Task Comparison_in_linq_query_is_rewritten() => Verify.FixAsync(
        Class("    IEnumerable<ApiProvider> M(List<ApiProvider> providers) => from p in providers where {|PA0001:p != ApiProvider.FirstParty|} select p;"),
        Class("    IEnumerable<ApiProvider> M(List<ApiProvider> providers) => from p in providers where !p.AuthTransport().IsFirstParty select p;"),
        Verify.AuthTransport);

    [Fact]
    public Task Comparison_inside_expression_tree_gets_no_fix()
    {
        var source = Class("    System.Linq.Expressions.Expression<System.Func<ApiProvider, bool>> M() => p => {|PA0001:p == ApiProvider.FirstParty|};");
        return Verify.FixAsync(source, source, Verify.ModelId);
    }
    [Fact]
    public Task Default_literal_is_recognised() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == default|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Boxed_reference_equality_gets_no_fix()
    {
        // object == object compares references: always false for a fresh box, so a capability call would change behaviour.
        var source = Class("    bool M(object boxed) => {|PA0001:boxed == (object)ApiProvider.FirstParty|};");
        return Verify.FixAsync(source, source, Verify.ModelId);
    }

    [Fact]
    public Task Tuple_equality_gets_no_fix()
    {
        var source = Class("    bool M(ApiProvider provider, int port) => {|PA0001:(provider, port) == (ApiProvider.FirstParty, 443)|};");
        return Verify.FixAsync(source, source, Verify.ModelId);
    }

    /// <summary>Found by the mutation suite: the check was the constant's only reader, so the fix left an unused local (CS0219).</summary>
    [Fact]
    public Task Local_constant_read_only_by_the_rewritten_check_goes_with_it() => Verify.FixAsync(
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
    public Task Local_constant_read_by_every_rewritten_check_goes_once_none_is_left() => Verify.FixAsync(
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
    public Task Local_constant_still_read_elsewhere_stays() => Verify.FixAsync(
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
