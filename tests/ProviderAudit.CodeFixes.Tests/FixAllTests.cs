using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// Fix All over files with every kind of site. The framework applies the fix one diagnostic at a time and also
/// runs Fix All in document, project and solution scope, comparing each with the expected code.
/// </summary>
public class FixAllTests
{
    private const string Mixed = """
        using System.Linq;
        using ProviderAudit.Runtime;

        class Settings
        {
            public ApiProvider Provider { get; set; }
        }

        class Mixed
        {
            bool A(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};
            bool B(ApiProvider? provider) => {|PA0001:provider != ApiProvider.FirstParty|};
            bool C(ApiProvider provider) => provider is ApiProvider.Bedrock or {|PA0001:ApiProvider.FirstParty|};
            bool D(Settings settings) => settings is { Provider: {|PA0001:ApiProvider.FirstParty|} };
            bool E(ApiProvider provider) => {|PA0001:provider.Equals(ApiProvider.FirstParty)|};
            int F(ApiProvider[] providers) => providers.Count(p => {|PA0001:p == ApiProvider.FirstParty|});

            string G(ApiProvider provider) => provider switch
            {
                {|PA0001:ApiProvider.FirstParty|} => "first",
                ApiProvider.Bedrock => "bedrock",
                _ => "other",
            };

            string H(ApiProvider provider)
            {
                switch (provider)
                {
                    {|PA0001:case ApiProvider.FirstParty:|}
                    case ApiProvider.Foundry:
                        return "direct";
                    default:
                        return "other";
                }
            }
        }
        """;

    private const string MixedFixed = """
        using System.Linq;
        using ProviderAudit.Runtime;

        class Settings
        {
            public ApiProvider Provider { get; set; }
        }

        class Mixed
        {
            bool A(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
            bool B(ApiProvider? provider) => provider?.ModelIdFormat().IsFirstParty != true;
            bool C(ApiProvider provider) => provider is ApiProvider.Bedrock || provider.ModelIdFormat().IsFirstParty;
            bool D(Settings settings) => settings is { Provider: var p } && p.ModelIdFormat().IsFirstParty;
            bool E(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
            int F(ApiProvider[] providers) => providers.Count(p => p.ModelIdFormat().IsFirstParty);

            string G(ApiProvider provider) => provider switch
            {
                var p when p.ModelIdFormat().IsFirstParty => "first",
                ApiProvider.Bedrock => "bedrock",
                _ => "other",
            };

            string H(ApiProvider provider)
            {
                switch (provider)
                {
                    case var p when p.ModelIdFormat().IsFirstParty:
                    case ApiProvider.Foundry:
                        return "direct";
                    default:
                        return "other";
                }
            }
        }
        """;

    [Fact]
    public Task Fix_all_rewrites_every_site_in_a_document() => Verify.FixAsync(Mixed, MixedFixed, Verify.ModelId);

    [Fact]
    public async Task Fix_all_rewrites_every_site_in_a_project()
    {
        var second = """
            using ProviderAudit.Runtime;

            class Other
            {
                bool IsDirect(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty == provider|};
            }
            """;
        var secondFixed = """
            using ProviderAudit.Runtime;

            class Other
            {
                bool IsDirect(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
            }
            """;
        var test = new FixTest { CodeActionEquivalenceKey = Verify.ModelId };
        test.TestState.Sources.Add(("Mixed.cs", Mixed));
        test.TestState.Sources.Add(("Other.cs", second));
        test.FixedState.Sources.Add(("Mixed.cs", MixedFixed));
        test.FixedState.Sources.Add(("Other.cs", secondFixed));
        await test.RunAsync();
    }

    [Fact]
    public async Task Two_constants_in_one_arm_are_rewritten_together_by_fix_all()
    {
        var test = new FixTest
        {
            CodeActionEquivalenceKey = Verify.AuthTransport,
            TestCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    int M(ApiProvider provider, ApiProvider fallback) => (provider, fallback) switch
                    {
                        ({|PA0001:ApiProvider.FirstParty|}, {|PA0001:ApiProvider.FirstParty|}) => 1,
                        _ => 2,
                    };
                }
                """,
            // One fix at a time: the second fix extends the when clause the first one wrote.
            FixedCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    int M(ApiProvider provider, ApiProvider fallback) => (provider, fallback) switch
                    {
                        (var p, var apiProvider) when apiProvider.AuthTransport().IsFirstParty && p.AuthTransport().IsFirstParty => 1,
                        _ => 2,
                    };
                }
                """,
            // Fix All: both constants in one pass, in source order (a batch of text edits would have conflicted here), each
            // with its documented fix: ambiguous, so the model-ID format.
            BatchFixedCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    int M(ApiProvider provider, ApiProvider fallback) => (provider, fallback) switch
                    {
                        (var p, var apiProvider) when p.ModelIdFormat().IsFirstParty && apiProvider.ModelIdFormat().IsFirstParty => 1,
                        _ => 2,
                    };
                }
                """,
        };
        await test.RunAsync();
    }
    [Fact]
    public async Task Fix_all_gives_every_site_its_documented_capability_whatever_fix_it_starts_from()
    {
        var test = new FixTest
        {
            CodeActionEquivalenceKey = Verify.AuthTransport,
            TestCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    string ModelId(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|} ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
                    string HeaderName(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|} ? "x-api-key" : "authorization";
                    bool IsDirect(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};
                }
                """,
            // One fix at a time, each with the fix the test asked for.
            FixedCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    string ModelId(ApiProvider provider) => provider.AuthTransport().IsFirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
                    string HeaderName(ApiProvider provider) => provider.AuthTransport().IsFirstParty ? "x-api-key" : "authorization";
                    bool IsDirect(ApiProvider provider) => provider.AuthTransport().IsFirstParty;
                }
                """,
            // Fix All (and dotnet format), though started from the auth-transport fix: each site its inferred capability,
            // the ambiguous one the model-ID format.
            BatchFixedCode = """
                using ProviderAudit.Runtime;

                class C
                {
                    string ModelId(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
                    string HeaderName(ApiProvider provider) => provider.AuthTransport().IsFirstParty ? "x-api-key" : "authorization";
                    bool IsDirect(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
                }
                """,
        };
        await test.RunAsync();
    }
    [Fact]
    public Task Nested_sites_in_one_arm_are_both_rewritten() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            int M(ApiProvider provider, ApiProvider fallback) => provider switch
            {
                {|PA0001:ApiProvider.FirstParty|} when {|PA0001:fallback != ApiProvider.FirstParty|} => 1,
                _ => 2,
            };
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            int M(ApiProvider provider, ApiProvider fallback) => provider switch
            {
                var p when p.ModelIdFormat().IsFirstParty && !fallback.ModelIdFormat().IsFirstParty => 1,
                _ => 2,
            };
        }
        """,
        Verify.ModelId);

    [Fact]
    public async Task Fix_all_names_an_if_condition_pattern_variable_apart_from_a_case_variable_of_the_same_block()
    {
        // The `is` pattern's variable is scoped to the whole block, which encloses the switch section's `case var`.
        var test = new FixTest
        {
            CodeActionEquivalenceKey = Verify.AuthTransport,
            TestCode = """
                using ProviderAudit.Runtime;

                class Session
                {
                    public ApiProvider Provider { get; set; }
                    public bool HasToken { get; set; }
                }

                class C
                {
                    string M(Session session)
                    {
                        var result = "";
                        switch (session.Provider)
                        {
                            {|PA0001:case ApiProvider.FirstParty:|}
                                result = "Connect Anthropic";
                                break;
                            default:
                                result = "Check credentials";
                                break;
                        }

                        if (session is { Provider: {|PA0001:ApiProvider.FirstParty|}, HasToken: false })
                        {
                            result += " and log in";
                        }

                        return result;
                    }
                }
                """,
            FixedCode = """
                using ProviderAudit.Runtime;

                class Session
                {
                    public ApiProvider Provider { get; set; }
                    public bool HasToken { get; set; }
                }

                class C
                {
                    string M(Session session)
                    {
                        var result = "";
                        switch (session.Provider)
                        {
                            case var p when p.AuthTransport().IsFirstParty:
                                result = "Connect Anthropic";
                                break;
                            default:
                                result = "Check credentials";
                                break;
                        }

                        if (session is { Provider: var provider, HasToken: false } && provider.AuthTransport().IsFirstParty)
                        {
                            result += " and log in";
                        }

                        return result;
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    private const string MixedConcerns = """
        using System;
        using System.Linq.Expressions;
        using ProviderAudit.Runtime;

        class C
        {
            Expression<Func<ApiProvider, bool>> Query() => provider => provider == ApiProvider.FirstParty;
            string ModelId(ApiProvider provider) => provider == ApiProvider.FirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
            string HeaderName(ApiProvider provider) => provider == ApiProvider.FirstParty ? "x-api-key" : "authorization";
            bool IsDirect(ApiProvider provider) => provider == ApiProvider.FirstParty;
        }
        """;

    [Fact]
    public async Task Fix_all_started_without_an_EquivalenceKey_fixes_every_fixable_site()
    {
        // `dotnet format analyzers --diagnostics PA0001` may start from the expression-tree diagnostic, which offers no fix,
        // and then passes no equivalence key: every fixable site is still rewritten, ambiguous ones to the model-ID format.
        var fixedSource = await FixRunner.FixAllAsync(MixedConcerns, equivalenceKey: null);

        Assert.Equal(
            MixedConcerns
                .Replace("provider == ApiProvider.FirstParty ? \"claude", "provider.ModelIdFormat().IsFirstParty ? \"claude", StringComparison.Ordinal)
                .Replace("provider == ApiProvider.FirstParty ? \"x-api-key", "provider.AuthTransport().IsFirstParty ? \"x-api-key", StringComparison.Ordinal)
                .Replace("=> provider == ApiProvider.FirstParty;\n}", "=> provider.ModelIdFormat().IsFirstParty;\n}", StringComparison.Ordinal),
            fixedSource.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Fix_all_started_from_an_unknown_EquivalenceKey_treats_it_as_no_key()
    {
        Assert.Equal(await FixRunner.FixAllAsync(MixedConcerns, equivalenceKey: null), await FixRunner.FixAllAsync(MixedConcerns, "SomeOtherFixer.Key"));
    }
}
