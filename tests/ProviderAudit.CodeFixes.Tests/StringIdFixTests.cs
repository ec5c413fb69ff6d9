using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.Configuration;
using ProviderAudit.CodeFixes.Tests.Infrastructure;
using ProviderAudit.Runtime;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// Provider ids compared as strings (<c>provider_audit.string_provider_members</c>) are rewritten through one runtime call
/// that parses the id and asks the capability. Each test applies both fixes and runs Fix All.
/// </summary>
public sealed class StringIdFixTests
{
    private const string Config = """
        root = true
        [*.cs]
        provider_audit.string_provider_members = GetApiProvider, Name, Configured
        """;

    private const string Settings = """
        internal sealed class Settings
        {
            public string Name { get; set; } = "firstParty";
            public string GetApiProvider() => Name;
            public string? Configured() => null;

        """;

    private static Task FixAsync(string body, string fixedBody, string? header = null) =>
        Verify.FixAsync(
            (header ?? string.Empty) + Settings + body + "\n}\n",
            (header is null ? "using ProviderAudit.Runtime;\n\n" : header.Replace("using System;", "using System;\nusing ProviderAudit.Runtime;", StringComparison.Ordinal)) + Settings + fixedBody + "\n}\n",
            Verify.ModelId,
            editorConfig: Config);

    [Fact]
    public Task Equality_asks_the_capability_of_the_id_find_reads()
        => FixAsync(
            """
                public bool A() => {|PA0001:GetApiProvider() == "firstParty"|};
                public bool B() => {|PA0001:"firstParty" != GetApiProvider()|};
            """,
            """
                public bool A() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty == true;
                public bool B() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty != true;
            """);

    [Fact]
    public Task Id_that_may_be_null_is_read_by_find_so_null_keeps_its_answer()
        => FixAsync(
            """
                public bool A() => {|PA0001:this?.GetApiProvider() == "firstParty"|};
                public bool B(Settings? s) => {|PA0001:s?.Name != "firstParty"|};
            """,
            """
                public bool A() => ApiProviderIds.Find(this?.GetApiProvider())?.ModelIdFormat().IsFirstParty == true;
                public bool B(Settings? s) => ApiProviderIds.Find(s?.Name)?.ModelIdFormat().IsFirstParty != true;
            """);

    [Fact]
    public Task Id_copied_into_a_local_is_parsed_from_the_local()
        => FixAsync(
            """
                public bool A()
                {
                    var id = GetApiProvider();
                    return {|PA0001:id == "firstParty"|};
                }
            """,
            """
                public bool A()
                {
                    var id = GetApiProvider();
                    return ApiProviderIds.Find(id)?.ModelIdFormat().IsFirstParty == true;
                }
            """);

    [Fact]
    public Task Equals_calls_parse_the_id_whatever_the_comparison()
        => FixAsync(
            """
                public bool A() => {|PA0001:string.Equals(GetApiProvider(), "firstParty", StringComparison.Ordinal)|};
                public bool B() => {|PA0001:GetApiProvider().Equals("FirstParty", StringComparison.OrdinalIgnoreCase)|};
                public bool C() => {|PA0001:"firstParty".Equals(Name)|};
                public bool D() => {|PA0001:Equals(GetApiProvider(), "firstParty")|};
            """,
            """
                public bool A() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty == true;
                public bool B() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty == true;
                public bool C() => ApiProviderIds.Find(Name)?.ModelIdFormat().IsFirstParty == true;
                public bool D() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty == true;
            """,
            header: "using System;\n\n");

    [Fact]
    public Task Patterns_keep_their_other_branches()
        => FixAsync(
            """
                public bool A() => GetApiProvider() is {|PA0001:"firstParty"|};
                public bool B() => GetApiProvider() is not {|PA0001:"firstParty"|};
                public bool C() => GetApiProvider() is "vertex" or {|PA0001:"firstParty"|};
                public bool D() => this is { Name: {|PA0001:"firstParty"|} };
            """,
            """
                public bool A() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty == true;
                public bool B() => ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty != true;
                public bool C() => GetApiProvider() is var p && (p is "vertex" || ApiProviderIds.Find(p)?.ModelIdFormat().IsFirstParty == true);
                public bool D() => this is { Name: string p } && ApiProviderIds.Find(p)?.ModelIdFormat().IsFirstParty == true;
            """);

    [Fact]
    public Task Switch_labels_and_arms_match_non_null_ids_only()
        => FixAsync(
            """
                public int A()
                {
                    switch (GetApiProvider())
                    {
                        {|PA0001:case "firstParty":|}
                            return 1;
                        case "bedrock":
                            return 2;
                        default:
                            return 3;
                    }
                }

                public int B() => Configured() switch
                {
                    {|PA0001:"firstParty"|} => 1,
                    null => 0,
                    _ => 2,
                };
            """,
            """
                public int A()
                {
                    switch (GetApiProvider())
                    {
                        case string p when ApiProviderIds.Find(p)?.ModelIdFormat().IsFirstParty == true:
                            return 1;
                        case "bedrock":
                            return 2;
                        default:
                            return 3;
                    }
                }

                public int B() => Configured() switch
                {
                    string p when ApiProviderIds.Find(p)?.ModelIdFormat().IsFirstParty == true => 1,
                    null => 0,
                    _ => 2,
                };
            """);

    private const string HostSubject = """
        using System.Collections.Generic;

        public static class Subject
        {
            // The ids the host's provider detection returns (the runtime's telemetry labels), null when nothing is configured.
            private static readonly string?[] Ids = { "firstParty", "bedrock", "vertex", "foundry", "claudePlatformAws", null, "openai" };
            private static string? current;

            private static string? GetApiProvider() => current;

            public static string Run(int index)
            {
                current = Ids[index];
                var modelId = GetApiProvider() == "firstParty" ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
                var headers = new List<string>();
                if (GetApiProvider() is "firstParty")
                {
                    headers.Add("x-api-key");
                }

                string route;
                switch (GetApiProvider())
                {
                    case "firstParty":
                        route = "direct";
                        break;
                    case "bedrock":
                        route = "bedrock";
                        break;
                    default:
                        route = "other";
                        break;
                }

                return modelId + " | " + string.Join(",", headers) + " | " + route;
            }
        }
        """;

    private static ConfiguredProject HostProject() =>
        new(Config.Replace("GetApiProvider, Name, Configured", "GetApiProvider", StringComparison.Ordinal), ("Subject.cs", HostSubject));

    [Fact]
    public async Task Fixed_host_answers_as_before_for_every_id_but_Claude_Platform_on_AWS()
    {
        var project = HostProject();
        var before = await project.CompileRunAsync();
        var answersBefore = Enumerable.Range(0, 6).ToDictionary(i => i, before);

        await project.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, equivalenceKey: null);

        Assert.Empty(await project.CompilerProblemsAsync());
        var after = await project.CompileRunAsync();
        foreach (var index in new[] { 0, 1, 2, 3, 5 })
        {
            Assert.Equal(answersBefore[index], after(index));
        }

        Assert.Equal("anthropic.claude-sonnet-4-6-v1:0 |  | other", answersBefore[4]);
        Assert.Equal("claude-sonnet-4-6 |  | direct", after(4));
    }

    [Fact]
    public async Task Fixed_host_answers_as_before_for_an_id_no_backend_has()
    {
        // "openai": another vendor the host also talks to. ApiProviderIds.Find reads it as no backend, so both capability
        // checks stay false, as the comparison with "firstParty" was.
        var project = HostProject();
        var before = (await project.CompileRunAsync())(6);
        await project.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, equivalenceKey: null);

        Assert.Equal(before, (await project.CompileRunAsync())(6));
    }

    [Fact]
    public void Analyzer_knows_exactly_the_ids_the_runtime_reads()
    {
        var runtimeFirstParty = ApiProviderIds.Accepted.Where(id => ApiProviderIds.Parse(id).ModelIdFormat().IsFirstParty && ApiProviderIds.Parse(id).AuthTransport().IsFirstParty);
        var runtimeOthers = ApiProviderIds.Accepted.Except(runtimeFirstParty).Select(id => (id, ApiProviderIds.Parse(id).ToString()));

        Assert.Equal(runtimeFirstParty.Order(), ProviderIds.FirstParty.Order());
        Assert.Equal(runtimeOthers.Order(), ProviderIds.OtherBackends.Order());
    }
}
