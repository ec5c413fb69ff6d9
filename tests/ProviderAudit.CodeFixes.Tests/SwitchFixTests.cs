using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>Switch statements and switch expressions: every other case keeps its place and meaning.</summary>
public class SwitchFixTests
{
    private static string Class(string members) => $$"""
        using ProviderAudit.Runtime;

        class C
        {
        {{members}}
        }
        """;

    [Fact]
    public Task Case_label_becomes_guarded_var_pattern() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        {|PA0001:case ApiProvider.FirstParty:|}
                            return "first";
                        case ApiProvider.Bedrock:
                            return "bedrock";
                        default:
                            return "other";
                    }
                }
            """),
        Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        case var p when p.ModelIdFormat().IsFirstParty:
                            return "first";
                        case ApiProvider.Bedrock:
                            return "bedrock";
                        default:
                            return "other";
                    }
                }
            """),
        Verify.ModelId);

    [Fact]
    public Task Case_label_sharing_a_section_keeps_the_other_labels() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        case ApiProvider.Bedrock:
                        {|PA0001:case ApiProvider.FirstParty:|}
                        case ApiProvider.Vertex:
                            return "shared";
                        default:
                            return "other";
                    }
                }
            """),
        Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        case ApiProvider.Bedrock:
                        case var p when p.AuthTransport().IsFirstParty:
                        case ApiProvider.Vertex:
                            return "shared";
                        default:
                            return "other";
                    }
                }
            """),
        Verify.AuthTransport);

    [Fact]
    public Task Case_label_on_nullable_provider_uses_a_type_pattern() => Verify.FixAsync(
        Class("""
                string M(ApiProvider? provider)
                {
                    switch (provider)
                    {
                        {|PA0001:case ApiProvider.FirstParty:|}
                            return "first";
                        case null:
                            return "none";
                        default:
                            return "other";
                    }
                }
            """),
        Class("""
                string M(ApiProvider? provider)
                {
                    switch (provider)
                    {
                        case ApiProvider p when p.ModelIdFormat().IsFirstParty:
                            return "first";
                        case null:
                            return "none";
                        default:
                            return "other";
                    }
                }
            """),
        Verify.ModelId);

    [Fact]
    public Task Pattern_case_label_keeps_its_when_clause_after_the_test() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider, bool verbose, bool debug)
                {
                    switch (provider)
                    {
                        case {|PA0001:ApiProvider.FirstParty|} when verbose || debug:
                            return "first";
                        default:
                            return "other";
                    }
                }
            """),
        Class("""
                string M(ApiProvider provider, bool verbose, bool debug)
                {
                    switch (provider)
                    {
                        case var p when p.ModelIdFormat().IsFirstParty && (verbose || debug):
                            return "first";
                        default:
                            return "other";
                    }
                }
            """),
        Verify.ModelId);

    [Fact]
    public Task Or_pattern_case_label_moves_into_the_when_clause() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        case {|PA0001:ApiProvider.FirstParty|} or ApiProvider.Foundry:
                            return "direct";
                        default:
                            return "other";
                    }
                }
            """),
        Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        case var p when p.AuthTransport().IsFirstParty || p is ApiProvider.Foundry:
                            return "direct";
                        default:
                            return "other";
                    }
                }
            """),
        Verify.AuthTransport);

    [Fact]
    public Task Goto_case_target_gets_no_fix()
    {
        var source = Class("""
                string M(ApiProvider provider)
                {
                    switch (provider)
                    {
                        {|PA0001:case ApiProvider.FirstParty:|}
                            return "first";
                        case ApiProvider.Bedrock:
                            goto case ApiProvider.FirstParty;
                        default:
                            return "other";
                    }
                }
            """);
        return Verify.FixAsync(source, source, Verify.ModelId);
    }

    [Fact]
    public Task Switch_arm_becomes_guarded_var_pattern() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider) => provider switch
                {
                    {|PA0001:ApiProvider.FirstParty|} => "x-api-key",
                    ApiProvider.Bedrock => "sigv4",
                    _ => "other",
                };
            """),
        Class("""
                string M(ApiProvider provider) => provider switch
                {
                    var p when p.AuthTransport().IsFirstParty => "x-api-key",
                    ApiProvider.Bedrock => "sigv4",
                    _ => "other",
                };
            """),
        Verify.AuthTransport);

    [Fact]
    public Task Switch_arm_keeps_its_when_clause() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider, bool verbose) => provider switch
                {
                    {|PA0001:ApiProvider.FirstParty|} when verbose => "first",
                    _ => "other",
                };
            """),
        Class("""
                string M(ApiProvider provider, bool verbose) => provider switch
                {
                    var p when p.ModelIdFormat().IsFirstParty && verbose => "first",
                    _ => "other",
                };
            """),
        Verify.ModelId);

    [Fact]
    public Task Negated_switch_arm_becomes_negated_test() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider) => provider switch
                {
                    not {|PA0001:ApiProvider.FirstParty|} => "cloud",
                    _ => "direct",
                };
            """),
        Class("""
                string M(ApiProvider provider) => provider switch
                {
                    var p when !p.ModelIdFormat().IsFirstParty => "cloud",
                    _ => "direct",
                };
            """),
        Verify.ModelId);

    [Fact]
    public Task Nullable_switch_arm_uses_a_type_pattern() => Verify.FixAsync(
        Class("""
                string M(ApiProvider? provider) => provider switch
                {
                    {|PA0001:ApiProvider.FirstParty|} => "first",
                    null => "none",
                    _ => "other",
                };
            """),
        Class("""
                string M(ApiProvider? provider) => provider switch
                {
                    ApiProvider p when p.ModelIdFormat().IsFirstParty => "first",
                    null => "none",
                    _ => "other",
                };
            """),
        Verify.ModelId);

    [Fact]
    public Task Tuple_switch_arms_get_a_variable_each() => Verify.FixAsync(
        Class("""
                int M(ApiProvider provider, bool verbose) => (provider, verbose) switch
                {
                    ({|PA0001:ApiProvider.FirstParty|}, true) => 1,
                    ({|PA0001:ApiProvider.FirstParty|}, false) => 2,
                    _ => 3,
                };
            """),
        Class("""
                int M(ApiProvider provider, bool verbose) => (provider, verbose) switch
                {
                    (var p, true) when p.ModelIdFormat().IsFirstParty => 1,
                    (var p, false) when p.ModelIdFormat().IsFirstParty => 2,
                    _ => 3,
                };
            """),
        Verify.ModelId);

    [Fact]
    public Task Later_Claude_Platform_arm_stays_and_the_code_compiles() => Verify.FixAsync(
        Class("""
                string M(ApiProvider provider) => provider switch
                {
                    {|PA0001:ApiProvider.FirstParty|} => "claude-sonnet-4-6",
                    ApiProvider.ClaudePlatformAws => "cpa",
                    ApiProvider.Bedrock => "anthropic.claude-sonnet-4-6-v1:0",
                    _ => "other",
                };
            """),
        Class("""
                string M(ApiProvider provider) => provider switch
                {
                    var p when p.ModelIdFormat().IsFirstParty => "claude-sonnet-4-6",
                    ApiProvider.ClaudePlatformAws => "cpa",
                    ApiProvider.Bedrock => "anthropic.claude-sonnet-4-6-v1:0",
                    _ => "other",
                };
            """),
        Verify.ModelId);
    [Fact]
    public async Task Switch_covering_every_named_provider_gets_the_catch_all_the_compiler_generated_before()
    {
        // Before: CS8524 (unnamed enum values are not covered). A guarded arm no longer covers FirstParty, which would
        // turn that into CS8509; the fix appends the throwing arm the compiler used to generate, so neither remains.
        var test = new FixTest
        {
            CodeActionEquivalenceKey = Verify.ModelId,
            TestCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    int M(ApiProvider provider) => provider {|CS8524:switch|}
                    {
                        {|PA0001:ApiProvider.FirstParty|} => 1,
                        ApiProvider.Bedrock => 2,
                        ApiProvider.Vertex => 3,
                        ApiProvider.Foundry => 4,
                        ApiProvider.ClaudePlatformAws => 5
                    };
                }
                """,
            FixedCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    int M(ApiProvider provider) => provider switch
                    {
                        var p when p.ModelIdFormat().IsFirstParty => 1,
                        ApiProvider.Bedrock => 2,
                        ApiProvider.Vertex => 3,
                        ApiProvider.Foundry => 4,
                        ApiProvider.ClaudePlatformAws => 5,
                        var unmatched => throw new System.Runtime.CompilerServices.SwitchExpressionException(unmatched)
                    };
                }
                """,
        };
        await test.RunAsync();
    }
}
