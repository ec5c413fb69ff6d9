using ProviderAudit.CodeFixes.Tests.Infrastructure;
using ProviderAudit.Runtime;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// The semantics rule: compile each snippet before and after applying the chosen fix at every site, run it for every provider, and require the
/// same result for FirstParty, Bedrock, Vertex and Foundry, while Claude Platform on AWS takes the chosen
/// capability's side (model-ID fix: like FirstParty did; transport fix: like it did before, a non-first-party provider).
/// </summary>
public class SemanticsRuleTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using ProviderAudit.Runtime;

        class Settings
        {
            public ApiProvider Provider { get; set; }
            public ApiProvider? Override { get; set; }
        }

        static class Subject
        {
            static int calls;
            static ApiProvider Observe(ApiProvider provider) { calls++; return provider; }

            public static string Run(ApiProvider provider)
            {
                calls = 0;
                var result = Body(provider);
                return result + "/calls=" + calls;
            }

        """;

    public static readonly TheoryData<string, string> Snippets = new()
    {
        { "equals-if", "static string Body(ApiProvider provider) { if (provider == ApiProvider.FirstParty) return \"first\"; return \"other\"; }" },
        { "not-equals-ternary", "static string Body(ApiProvider provider) => ApiProvider.FirstParty != provider ? \"cloud\" : \"direct\";" },
        { "nullable-equals", "static string Body(ApiProvider provider) { ApiProvider? maybe = provider; return (maybe == ApiProvider.FirstParty) + \",\" + (maybe != ApiProvider.FirstParty); }" },
        { "nullable-null", "static string Body(ApiProvider provider) { ApiProvider? none = null; return (none == ApiProvider.FirstParty) + \",\" + (none != ApiProvider.FirstParty) + \",\" + (none is not ApiProvider.FirstParty) + \",\" + (provider == ApiProvider.FirstParty); }" },
        { "conditional-access", "static string Body(ApiProvider provider) { Settings? s = new Settings { Provider = provider, Override = provider }; Settings? none = null; return (s?.Provider == ApiProvider.FirstParty) + \",\" + (s?.Override != ApiProvider.FirstParty) + \",\" + (none?.Provider == ApiProvider.FirstParty) + \",\" + (none?.Override != ApiProvider.FirstParty); }" },
        { "equals-invocations", "static string Body(ApiProvider provider) => provider.Equals(ApiProvider.FirstParty) + \",\" + Equals(ApiProvider.FirstParty, provider) + \",\" + EqualityComparer<ApiProvider>.Default.Equals(provider, ApiProvider.FirstParty) + \",\" + Equals((object)provider, ApiProvider.FirstParty);" },
        { "is-and-is-not", "static string Body(ApiProvider provider) => (provider is ApiProvider.FirstParty) + \",\" + (provider is not ApiProvider.FirstParty);" },
        { "or-and-patterns", "static string Body(ApiProvider provider) => (provider is ApiProvider.Bedrock or ApiProvider.FirstParty) + \",\" + (provider is not ApiProvider.Vertex and not ApiProvider.FirstParty) + \",\" + (provider is not (ApiProvider.FirstParty or ApiProvider.Foundry));" },
        { "once-evaluated-operand", "static string Body(ApiProvider provider) => (Observe(provider) is ApiProvider.Vertex or ApiProvider.FirstParty).ToString();" },
        { "property-pattern", "static string Body(ApiProvider provider) { var s = new Settings { Provider = provider, Override = provider }; return (s is { Provider: ApiProvider.FirstParty }) + \",\" + (s is { Override: ApiProvider.FirstParty }); }" },
        { "tuple-switch", "static string Body(ApiProvider provider) => ((provider, true) switch { (ApiProvider.FirstParty, true) => \"first-verbose\", (ApiProvider.FirstParty, false) => \"first\", (_, true) => \"other-verbose\", _ => \"other\" });" },
        { "switch-statement", """
            static string Body(ApiProvider provider)
            {
                switch (provider)
                {
                    case ApiProvider.Bedrock:
                        return "bedrock";
                    case ApiProvider.FirstParty:
                    case ApiProvider.Foundry:
                        return "direct";
                    case ApiProvider.ClaudePlatformAws:
                        return "cpa";
                    default:
                        return "other";
                }
            }
            """ },
        { "pattern-case-labels", """
            static string Body(ApiProvider provider)
            {
                var verbose = provider != ApiProvider.Vertex;
                switch (provider)
                {
                    case ApiProvider.FirstParty when verbose:
                        return "first-verbose";
                    case ApiProvider.FirstParty or ApiProvider.Vertex:
                        return "first-or-vertex";
                    default:
                        return "other";
                }
            }
            """ },
        { "switch-expression-with-later-cpa-arm", """
            static string Body(ApiProvider provider) => provider switch
            {
                ApiProvider.FirstParty => "claude-sonnet-4-6",
                ApiProvider.ClaudePlatformAws => "cpa",
                ApiProvider.Bedrock => "anthropic.claude-sonnet-4-6-v1:0",
                not ApiProvider.FirstParty when provider == ApiProvider.Vertex => "vertex",
                _ => "other",
            };
            """ },
        { "switch-covering-named-providers-only", """
            #pragma warning disable CS8524
            static string Body(ApiProvider provider) => provider switch
            {
                ApiProvider.FirstParty => "first",
                ApiProvider.Bedrock => "bedrock",
                ApiProvider.Vertex => "vertex",
                ApiProvider.Foundry => "foundry",
                ApiProvider.ClaudePlatformAws => "cpa"
            };
            """ },
        { "membership", "static string Body(ApiProvider provider) => new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(provider) + \",\" + new HashSet<ApiProvider> { ApiProvider.Foundry, ApiProvider.FirstParty }.Contains(provider) + \",\" + new[] { ApiProvider.FirstParty }.Contains(Observe(provider)) + \",\" + !new[] { ApiProvider.FirstParty, ApiProvider.Bedrock }.Contains(Observe(provider)) + \",\" + ((ReadOnlySpan<ApiProvider>)new[] { ApiProvider.FirstParty, ApiProvider.ClaudePlatformAws }).Contains(provider);" },
        { "lambda-and-query", "static string Body(ApiProvider provider) { var list = new List<ApiProvider> { provider, ApiProvider.Bedrock }; return list.Count(p => p == ApiProvider.FirstParty) + \",\" + (from p in list where p != ApiProvider.FirstParty select p).Count(); }" },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public Task Model_id_fix_keeps_old_providers_and_makes_Claude_Platform_behave_like_FirstParty(string name, string body) =>
        AssertRule(name, body, Verify.ModelId, claudePlatformBehavesLike: ApiProvider.FirstParty);

    [Theory]
    [MemberData(nameof(Snippets))]
    public Task Transport_fix_keeps_old_providers_and_Claude_Platform_stays_non_FirstParty(string name, string body) =>
        AssertRule(name, body, Verify.AuthTransport, claudePlatformBehavesLike: ApiProvider.ClaudePlatformAws);

    [Fact]
    public async Task Explicit_Claude_Platform_arm_before_the_rewritten_arm_keeps_its_own_behaviour()
    {
        var before = Source("""
            static string Body(ApiProvider provider) => provider switch
            {
                ApiProvider.ClaudePlatformAws => "cpa",
                ApiProvider.FirstParty => "first",
                _ => "other",
            };
            """);
        var after = await FixAndCheckAsync(before, Verify.ModelId);
        Assert.Equal("cpa/calls=0", InMemoryProgram.Compile(after).Run(ApiProvider.ClaudePlatformAws));
    }

    private static async Task AssertRule(string name, string body, string equivalenceKey, ApiProvider claudePlatformBehavesLike)
    {
        var before = Source(body);
        var after = await FixAndCheckAsync(before, equivalenceKey);
        var original = InMemoryProgram.Compile(before);
        var rewritten = InMemoryProgram.Compile(after);

        foreach (var provider in new[] { ApiProvider.FirstParty, ApiProvider.Bedrock, ApiProvider.Vertex, ApiProvider.Foundry })
        {
            Assert.True(original.Run(provider) == rewritten.Run(provider), $"{name}: {provider} changed from '{original.Run(provider)}' to '{rewritten.Run(provider)}'\n{after}");
        }

        var expected = original.Run(claudePlatformBehavesLike);
        var actual = rewritten.Run(ApiProvider.ClaudePlatformAws);
        Assert.True(expected == actual, $"{name}: ClaudePlatformAws gave '{actual}', expected '{expected}' (as {claudePlatformBehavesLike} before)\n{after}");
    }

    private static async Task<string> FixAndCheckAsync(string before, string equivalenceKey)
    {
        Assert.NotEmpty(await FixRunner.AnalyzeAsync(FixRunner.CreateDocument(before)));
        var after = await FixRunner.FixEachAsync(before, equivalenceKey);
        Assert.Empty(await FixRunner.AnalyzeAsync(FixRunner.CreateDocument(after)));
        return after;
    }

    private static string Source(string body) => Prelude + body + "\n}\n";
}
