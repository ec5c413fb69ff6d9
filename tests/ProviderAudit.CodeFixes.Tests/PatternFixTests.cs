using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>`is` patterns: plain, negated, combined, property and positional.</summary>
public class PatternFixTests
{
    private static string Class(string members) => $$"""
        using ProviderAudit.Runtime;

        class Settings
        {
            public ApiProvider Provider { get; set; }
            public ApiProvider? Override { get; set; }
            public bool Enabled { get; set; }
        }

        class C
        {
            static ApiProvider Current() => ApiProvider.Bedrock;

        {{members}}
        }
        """;

    [Fact]
    public Task Is_pattern_becomes_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider is ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    /// <summary>Found by the mutation suite: in place it became `p is { } and var q && …`, which always matches (CS8794).</summary>
    [Fact]
    public Task And_pattern_whose_rest_matches_any_value_becomes_the_capability_alone() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is { } and {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    /// <summary>
    /// Found by the mutation suite (seed 20261130, index 2098 of 10,000): `p is { } x and X` became `p is { } x and var q &amp;&amp; …`,
    /// which always matches (CS8794). The names the rest declares stay declared, as `var` patterns.
    /// </summary>
    [Fact]
    public Task And_pattern_whose_rest_names_the_value_keeps_the_names() => Verify.FixAsync(
        Class("""
                bool M(ApiProvider provider) => provider is { } named and var again and {|PA0001:ApiProvider.FirstParty|} && named == again;
            """),
        Class("""
                bool M(ApiProvider provider) => provider is var named && named is var again && named.ModelIdFormat().IsFirstParty && named == again;
            """),
        Verify.ModelId);

    /// <summary>Found by the mutation suite (seed 20261130, index 4121 of 10,000): `not not { }` matches any value too.</summary>
    [Fact]
    public Task And_pattern_whose_rest_always_matches_through_not_not_becomes_the_capability_alone() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is not not { } and {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Is_not_pattern_becomes_negated_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is not {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Or_pattern_is_split_keeping_the_other_members() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is ApiProvider.Bedrock or {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider is ApiProvider.Bedrock || provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Or_pattern_keeps_runs_of_other_members_together() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is {|PA0001:ApiProvider.FirstParty|} or ApiProvider.Vertex or ApiProvider.Foundry;"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty || provider is ApiProvider.Vertex or ApiProvider.Foundry;"),
        Verify.AuthTransport);

    [Fact]
    public Task And_pattern_with_negations_is_split() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is not ApiProvider.Bedrock and not {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider provider) => provider is not ApiProvider.Bedrock && !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Negated_or_pattern_is_negated_as_a_whole() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => provider is not ({|PA0001:ApiProvider.FirstParty|} or ApiProvider.Vertex);"),
        Class("    bool M(ApiProvider provider) => !(provider.ModelIdFormat().IsFirstParty || provider is ApiProvider.Vertex);"),
        Verify.ModelId);

    [Fact]
    public Task Non_repeatable_operand_is_evaluated_once() => Verify.FixAsync(
        Class("    bool M() => Current() is ApiProvider.Bedrock or {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M() => Current() is var p && (p is ApiProvider.Bedrock || p.ModelIdFormat().IsFirstParty);"),
        Verify.ModelId);

    [Fact]
    public Task Property_pattern_gets_a_variable_and_a_test() => Verify.FixAsync(
        Class("    bool M(Settings settings) => settings is { Provider: {|PA0001:ApiProvider.FirstParty|}, Enabled: true };"),
        Class("    bool M(Settings settings) => settings is { Provider: var p, Enabled: true } && p.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Property_pattern_on_nullable_provider_uses_a_type_pattern() => Verify.FixAsync(
        Class("    bool M(Settings settings) => settings is { Override: {|PA0001:ApiProvider.FirstParty|} };"),
        Class("    bool M(Settings settings) => settings is { Override: ApiProvider p } && p.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Tuple_positional_pattern_gets_a_variable() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider, bool enabled) => (provider, enabled) is ({|PA0001:ApiProvider.FirstParty|}, true);"),
        Class("    bool M(ApiProvider provider, bool enabled) => (provider, enabled) is (var p, true) && p.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Nullable_is_pattern_keeps_null_false() => Verify.FixAsync(
        Class("    bool M(Settings? settings) => {|PA0001:settings?.Provider is ApiProvider.FirstParty|};"),
        Class("    bool M(Settings? settings) => settings?.Provider.ModelIdFormat().IsFirstParty == true;"),
        Verify.ModelId);

    [Fact]
    public Task Nullable_is_not_pattern_keeps_null_true() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => provider is not {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(ApiProvider? provider) => provider?.AuthTransport().IsFirstParty != true;"),
        Verify.AuthTransport);

    /// <summary>
    /// Found by the mutation suite's seeds: the constant sees the `ApiProvider` the `and` narrowed to, but the translated
    /// `&&` operand sees `object`, so the test must type-test (it used to call the capability on `object`: CS1929).
    /// </summary>
    [Fact]
    public Task Constant_narrowed_by_a_type_pattern_is_tested_on_the_unnarrowed_value() => Verify.FixAsync(
        Class("    bool M(object boxed) => boxed is ApiProvider and not {|PA0001:ApiProvider.FirstParty|};"),
        Class("    bool M(object boxed) => boxed is ApiProvider && !(boxed is ApiProvider p && p.ModelIdFormat().IsFirstParty);"),
        Verify.ModelId);

    [Fact]
    public Task Constant_narrowed_in_a_switch_arm_is_tested_on_the_arm_variable() => Verify.FixAsync(
        Class("""
                int M(object boxed) => boxed switch
                {
                    ApiProvider and not {|PA0001:ApiProvider.FirstParty|} => 1,
                    _ => 2,
                };
            """),
        Class("""
                int M(object boxed) => boxed switch
                {
                    var p when p is ApiProvider && !(p is ApiProvider provider && provider.ModelIdFormat().IsFirstParty) => 1,
                    _ => 2,
                };
            """),
        Verify.ModelId);
}
