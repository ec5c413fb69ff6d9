using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// String ids as real multi-provider code writes them: the host's own first-party id (<c>"anthropic"</c>, any case, however
/// the code compares it), a provider id held in a local a deconstruction declares
/// (<c>var (provider, model) = Split(id)</c>), and other vendors' ids next to Anthropic's. The fixes read the id through
/// <c>ApiProviderIds.Find</c> with the configured first-party ids and keep every existing provider's answer.
/// </summary>
public sealed class StringIdRealWorldTests
{
    internal const string Config = """
        root = true
        [*.cs]
        provider_audit.string_provider_members = GetProvider, Split.provider, Parse.Item1, Provider
        provider_audit.string_provider_names = anthropic
        """;

    internal const string Host = """
        using System;
        using System.Collections.Generic;

        internal sealed class Route
        {
            public string Provider { get; set; } = "anthropic";
            public string GetProvider() => Provider;

            private static (string provider, string model) Split(string id)
            {
                var slash = id.IndexOf('/');
                return (id.Substring(0, slash), id.Substring(slash + 1));
            }

            private static (string, string) Parse(string id) => (id.Substring(0, id.IndexOf(':')), id.Substring(id.IndexOf(':') + 1));

            private static (string Provider, int Weight) Weighted(string id) => (id, 1);

        """;

    private static Task FixAsync(string body, string fixedBody) =>
        Verify.FixAsync(
            Host + body + "\n}\n",
            Host.Replace("using System.Collections.Generic;", "using System.Collections.Generic;\nusing ProviderAudit.Runtime;", StringComparison.Ordinal) + fixedBody + "\n}\n",
            Verify.ModelId,
            editorConfig: Config);

    [Fact]
    public Task Hosts_own_FirstParty_id_in_any_case_is_passed_to_find()
        => FixAsync(
            """
                public bool A() => {|PA0001:GetProvider() == "anthropic"|};
                public bool B() => {|PA0001:GetProvider() != "Anthropic"|};
                public bool C() => {|PA0001:string.Equals(GetProvider(), "ANTHROPIC", StringComparison.OrdinalIgnoreCase)|};
                public bool D() => {|PA0001:StringComparer.OrdinalIgnoreCase.Equals(GetProvider(), "Anthropic")|};
                public bool E() => {|PA0001:GetProvider().ToLowerInvariant() == "anthropic"|};
                public bool F() => {|PA0001:Provider.Trim().Equals("anthropic", StringComparison.OrdinalIgnoreCase)|};
            """,
            """
                public bool A() => ApiProviderIds.Find(GetProvider(), "anthropic")?.ModelIdFormat().IsFirstParty == true;
                public bool B() => ApiProviderIds.Find(GetProvider(), "anthropic")?.ModelIdFormat().IsFirstParty != true;
                public bool C() => ApiProviderIds.Find(GetProvider(), "anthropic")?.ModelIdFormat().IsFirstParty == true;
                public bool D() => ApiProviderIds.Find(GetProvider(), "anthropic")?.ModelIdFormat().IsFirstParty == true;
                public bool E() => ApiProviderIds.Find(GetProvider().ToLowerInvariant(), "anthropic")?.ModelIdFormat().IsFirstParty == true;
                public bool F() => ApiProviderIds.Find(Provider.Trim(), "anthropic")?.ModelIdFormat().IsFirstParty == true;
            """);

    [Fact]
    public Task Deconstructed_tuple_element_is_followed_by_element_name_or_position()
        => FixAsync(
            """
                public bool A(string id)
                {
                    var (provider, model) = Split(id);
                    return {|PA0001:provider == "anthropic"|} && model.Length > 0;
                }

                public bool B(string id)
                {
                    (var vendor, var name) = Parse(id);
                    return {|PA0001:vendor == "anthropic"|} && name.Length > 0;
                }

                public bool C(string id)
                {
                    var (who, weight) = Weighted(id);
                    return {|PA0001:who == "anthropic"|} && weight > 0;
                }
            """,
            """
                public bool A(string id)
                {
                    var (provider, model) = Split(id);
                    return ApiProviderIds.Find(provider, "anthropic")?.ModelIdFormat().IsFirstParty == true && model.Length > 0;
                }

                public bool B(string id)
                {
                    (var vendor, var name) = Parse(id);
                    return ApiProviderIds.Find(vendor, "anthropic")?.ModelIdFormat().IsFirstParty == true && name.Length > 0;
                }

                public bool C(string id)
                {
                    var (who, weight) = Weighted(id);
                    return ApiProviderIds.Find(who, "anthropic")?.ModelIdFormat().IsFirstParty == true && weight > 0;
                }
            """);

    [Fact]
    public Task Configured_tuple_element_read_directly_is_a_provider_id()
        => FixAsync(
            """
                public bool A(string id) => {|PA0001:Split(id).provider == "anthropic"|};
                public bool B(string id) => {|PA0001:Parse(id).Item1 == "anthropic"|};
            """,
            """
                public bool A(string id) => ApiProviderIds.Find(Split(id).provider, "anthropic")?.ModelIdFormat().IsFirstParty == true;
                public bool B(string id) => ApiProviderIds.Find(Parse(id).Item1, "anthropic")?.ModelIdFormat().IsFirstParty == true;
            """);

    [Fact]
    public async Task Other_tuple_elements_and_rewritten_locals_are_not_provider_ids()
    {
        var project = new ConfiguredProject(Config, ("Route.cs", Host + """
                public bool Model(string id)
                {
                    var (provider, model) = Split(id);
                    return model == "anthropic" && provider.Length > 0;
                }

                public bool Second(string id) => Parse(id).Item2 == "anthropic";

                public bool Reassigned(string id)
                {
                    var (provider, model) = Split(id);
                    provider = model;
                    return provider == "anthropic";
                }
            }
            """));

        Assert.Empty(await project.AnalyzeAsync());
    }

    private const string MultiVendorHost = """
        public static class Subject
        {
            // What a multi-provider library carries: Anthropic's API, other vendors, and Claude on the clouds.
            private static readonly string[] Ids = { "anthropic", "openai", "gemini", "bedrock", "vertex", "claude-platform-aws", "Anthropic" };

            private static (string provider, string model) Split(string id) => (id, "claude-sonnet-4-6");

            public static string Run(int index)
            {
                var (provider, model) = Split(Ids[index]);
                var modelId = provider == "anthropic" ? model : "anthropic." + model + "-v1:0";
                var header = string.Equals(provider, "anthropic", System.StringComparison.OrdinalIgnoreCase) ? "x-api-key" : "authorization";
                return modelId + " | " + header;
            }
        }
        """;

    [Fact]
    public async Task Fixed_multi_vendor_host_answers_as_before_for_every_id_but_Claude_Platform_on_AWS()
    {
        var project = new ConfiguredProject(Config.Replace("GetProvider, ", string.Empty, StringComparison.Ordinal), ("Subject.cs", MultiVendorHost));
        var before = await project.CompileRunAsync();
        var answersBefore = Enumerable.Range(0, 6).ToDictionary(i => i, before);

        await project.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, equivalenceKey: null);

        Assert.Empty(await project.CompilerProblemsAsync());
        Assert.Contains("ApiProviderIds.Find(provider, \"anthropic\")", await project.TextAsync("Subject.cs"), StringComparison.Ordinal);
        var after = await project.CompileRunAsync();
        foreach (var index in new[] { 0, 1, 2, 3, 4 })
        {
            Assert.Equal(answersBefore[index], after(index));
        }

        Assert.Equal("anthropic.claude-sonnet-4-6-v1:0 | authorization", answersBefore[5]);
        Assert.Equal("claude-sonnet-4-6 | authorization", after(5));

        // ApiProviderIds reads ids in any case: "Anthropic", which `==` did not match but the case-insensitive check did,
        // now reads as first party in both (documented in docs/rules/PA0001.md).
        Assert.Equal("anthropic.claude-sonnet-4-6-v1:0 | x-api-key", before(6));
        Assert.Equal("claude-sonnet-4-6 | x-api-key", after(6));
    }
}
