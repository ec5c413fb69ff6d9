namespace ProviderAudit.Analyzers.Tests;

/// <summary>The analyzer never throws (AD0001, an error under warnings-as-errors) on code being typed.</summary>
public sealed class RobustnessTests
{
    private static readonly Dictionary<string, string> StringChecksOn = new()
    {
        ["provider_audit.string_provider_members"] = "GetApiProvider, Name",
        ["provider_audit.additional_provider_types"] = "MyApp.Backend",
    };

    public static TheoryData<string, string> BrokenSnippets => new()
    {
        { "member access without a member", "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p == ApiProvider.; }" },
        { "unclosed condition", "using ProviderAudit.Runtime; class C { void M(ApiProvider p) { if (p == ApiProvider.FirstParty { } } }" },
        { "comparison without right operand", "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p == " },
        { "comparison without left operand", "using ProviderAudit.Runtime; class C { bool M() => == ApiProvider.FirstParty; }" },
        { "case label without colon", "using ProviderAudit.Runtime; class C { void M(ApiProvider p) { switch (p) { case ApiProvider.FirstParty } } }" },
        { "dangling or pattern", "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p is ApiProvider.FirstParty or; }" },
        { "switch arm without expression", "using ProviderAudit.Runtime; class C { int M(ApiProvider p) => p switch { ApiProvider.FirstParty => }; }" },
        { "empty when clause", "using ProviderAudit.Runtime; class C { void M(ApiProvider p) { switch (p) { case ApiProvider.FirstParty when : break; } } }" },
        { "ApiProvider is an error type", "class C { bool M(ApiProvider p) => p == ApiProvider.FirstParty || p is ApiProvider.FirstParty; }" },
        { "unknown member of ApiProvider", "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p == ApiProvider.Anthropic; }" },
        { "missing type on the other side", "using ProviderAudit.Runtime; class C { bool M() => Missing.Value == ApiProvider.FirstParty; }" },
        { "Equals with wrong arity", "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p.Equals() || p.Equals(ApiProvider.FirstParty, 1, 2); }" },
        { "Equals on an error receiver", "using ProviderAudit.Runtime; class C { bool M() => missing.Equals(ApiProvider.FirstParty); }" },
        { "both operands FirstParty", "using ProviderAudit.Runtime; class C { bool M() => ApiProvider.FirstParty == ApiProvider.FirstParty; }" },
        { "stray braces", "}}} {{ using ProviderAudit.Runtime; ApiProvider.FirstParty == ; case : is not" },
        { "expression tree with errors", "using System; using System.Linq.Expressions; using ProviderAudit.Runtime; class C { Expression<Func<ApiProvider, bool>> e = p => p == ApiProvider.FirstParty && ; }" },
        { "string provider member with errors", "class S { string GetApiProvider() => \"\"; bool M() => GetApiProvider() == \"firstParty\" && GetApiProvider(1) == ; void N() { switch (GetApiProvider()) { case \"firstParty\" } } }" },
        { "configured provider type is a broken enum", "namespace MyApp { enum Backend { FirstParty = , Other } class C { bool M(Backend b) => b == Backend.FirstParty; } }" },
        { "ambiguous ApiProvider defined in source too", "namespace ProviderAudit.Runtime { public enum ApiProvider { Other } } class C { bool M(ProviderAudit.Runtime.ApiProvider p) => p == ProviderAudit.Runtime.ApiProvider.Other; }" },
        { "if without condition in an orphan statement", "if (ProviderAudit.Runtime.ApiProvider.FirstParty == ) else { }" },
        { "recursive pattern with missing property", "using ProviderAudit.Runtime; class C { bool M(object o) => o is { Missing: ApiProvider.FirstParty, : }; }" },
    };

    [Theory]
    [MemberData(nameof(BrokenSnippets))]
    public async Task Broken_code_never_makes_the_analyzer_throw(string description, string source)
    {
        var run = await AuditRun.OfAsync(source, editorConfig: StringChecksOn);

        Assert.True(run.AnalyzerExceptions.IsEmpty, description + ": " + string.Join("; ", run.AnalyzerExceptions));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Check_still_flagged_next_to_broken_code()
    {
        var run = await AuditRun.OfAsync("""
            using ProviderAudit.Runtime;
            class C
            {
                bool Ok(ApiProvider p) => p == ApiProvider.FirstParty;
                bool Broken(ApiProvider p) => p == ApiProvider.;
            }
            """);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Single(run.Diagnostics, d => d.Id == DiagnosticContract.FirstPartyComparisonId);
    }
}
