using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// <c>new[] { X, A }.Contains(p)</c> written at the query: X leaves the set and the capability answers for it, so every
/// old provider gets the old answer. Each test also runs Fix All (document, project, solution) and the other capability.
/// </summary>
public class MembershipFixTests
{
    private static string Class(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using ProviderAudit.Runtime;

        class C
        {
            static ApiProvider Current() => ApiProvider.Bedrock;

        {{members}}
        }
        """;

    [Fact]
    public Task FirstParty_leaves_the_array_and_the_capability_is_asked_first() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty || new[] { ApiProvider.Vertex }.Contains(provider);"),
        Verify.ModelId);

    [Fact]
    public Task Last_element_leaves_the_array_with_its_spacing() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:new ApiProvider[] { ApiProvider.Vertex, ApiProvider.Bedrock, ApiProvider.FirstParty }.Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty || new ApiProvider[] { ApiProvider.Vertex, ApiProvider.Bedrock }.Contains(provider);"),
        Verify.AuthTransport);

    [Fact]
    public Task Set_of_FirstParty_alone_becomes_the_capability() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:new[] { ApiProvider.FirstParty }.Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Negated_membership_is_parenthesized() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => !{|PA0001:new[] { ApiProvider.FirstParty, ApiProvider.Foundry }.Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => !(provider.ModelIdFormat().IsFirstParty || new[] { ApiProvider.Foundry }.Contains(provider));"),
        Verify.ModelId);

    [Fact]
    public Task Operand_with_side_effects_is_evaluated_once() => Verify.FixAsync(
        Class("    bool M() => {|PA0001:new[] { ApiProvider.FirstParty, ApiProvider.Foundry }.Contains(Current())|};"),
        Class("    bool M() => Current() is var p && (p.ModelIdFormat().IsFirstParty || new[] { ApiProvider.Foundry }.Contains(p));"),
        Verify.ModelId);

    [Fact]
    public Task Memory_extensions_contains_over_a_span_keeps_its_binding() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:((ReadOnlySpan<ApiProvider>)new[] { ApiProvider.Vertex, ApiProvider.FirstParty }).Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty || ((ReadOnlySpan<ApiProvider>)new[] { ApiProvider.Vertex }).Contains(provider);"),
        Verify.ModelId);

    [Fact]
    public Task Hash_set_initializer_loses_FirstParty() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:new HashSet<ApiProvider> { ApiProvider.FirstParty, ApiProvider.Foundry }.Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty || new HashSet<ApiProvider> { ApiProvider.Foundry }.Contains(provider);"),
        Verify.ModelId);

    [Fact]
    public Task One_per_line_layout_is_kept() => Verify.FixAsync(
        Class("""
                bool M(ApiProvider provider)
                {
                    return {|PA0001:new[]
                    {
                        ApiProvider.FirstParty,
                        ApiProvider.Vertex,
                    }.Contains(provider)|};
                }
            """),
        Class("""
                bool M(ApiProvider provider)
                {
                    return provider.ModelIdFormat().IsFirstParty || new[]
                    {
                        ApiProvider.Vertex,
                    }.Contains(provider);
                }
            """),
        Verify.ModelId);

    [Fact]
    public Task Every_FirstParty_element_leaves_the_set() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:new[] { ApiProvider.FirstParty, ApiProvider.Vertex, (ApiProvider)0 }.Contains(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty || new[] { ApiProvider.Vertex }.Contains(provider);"),
        Verify.ModelId);

    [Fact]
    public async Task Named_set_is_reported_but_not_rewritten()
    {
        var document = FixRunner.CreateDocument(Class("""
                static readonly HashSet<ApiProvider> Direct = new() { ApiProvider.FirstParty, ApiProvider.Foundry };
                bool M(ApiProvider provider) => Direct.Contains(provider);
            """));
        var diagnostic = Assert.Single(await FixRunner.AnalyzeAsync(document));

        Assert.Empty(await FixRunner.ActionsAsync(document, diagnostic));
    }
}
