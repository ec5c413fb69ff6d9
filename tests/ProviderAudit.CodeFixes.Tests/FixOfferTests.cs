using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>Which fixes are offered, in which order, with which titles and keys.</summary>
public class FixOfferTests
{
    private static string Class(string members) => $$"""
        using System;
        using System.Linq.Expressions;
        using ProviderAudit.Runtime;

        class C
        {
        {{members}}
        }
        """;

    private static async Task<(Diagnostic Diagnostic, List<Microsoft.CodeAnalysis.CodeActions.CodeAction> Actions)> OfferAsync(string source)
    {
        var document = FixRunner.CreateDocument(source);
        var diagnostic = Assert.Single(await FixRunner.AnalyzeAsync(document));
        return (diagnostic, await FixRunner.ActionsAsync(document, diagnostic));
    }

    [Fact]
    public async Task Model_id_concern_offers_the_model_id_fix_first()
    {
        var (diagnostic, actions) = await OfferAsync(Class(
            "    string ModelId(ApiProvider provider) => provider == ApiProvider.FirstParty ? \"claude-sonnet-4-6\" : \"anthropic.claude-sonnet-4-6-v1:0\";"));

        Assert.Equal(DiagnosticContract.Concerns.ModelIdFormat, diagnostic.Properties[DiagnosticContract.ConcernProperty]);
        Assert.Equal([Verify.ModelId, Verify.AuthTransport], actions.Select(a => a.EquivalenceKey));
        Assert.Equal(["Use model-ID format capability", "Use auth-transport capability"], actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Transport_concern_offers_the_transport_fix_first()
    {
        var (diagnostic, actions) = await OfferAsync(Class(
            "    string HeaderName(ApiProvider provider) => provider == ApiProvider.FirstParty ? \"x-api-key\" : \"authorization\";"));

        Assert.Equal(DiagnosticContract.Concerns.AuthTransport, diagnostic.Properties[DiagnosticContract.ConcernProperty]);
        Assert.Equal([Verify.AuthTransport, Verify.ModelId], actions.Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task Ambiguous_concern_offers_model_id_first()
    {
        var (diagnostic, actions) = await OfferAsync(Class("    bool M(ApiProvider provider) => provider == ApiProvider.FirstParty;"));

        Assert.Equal(DiagnosticContract.Concerns.Ambiguous, diagnostic.Properties[DiagnosticContract.ConcernProperty]);
        Assert.Equal([Verify.ModelId, Verify.AuthTransport], actions.Select(a => a.EquivalenceKey));
    }

    [Fact]
    public Task Inferred_transport_fix_is_the_first_action_and_rewrites_the_check() => Verify.FixAsync(
        Class("    string HeaderName(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|} ? \"x-api-key\" : \"authorization\";"),
        Class("    string HeaderName(ApiProvider provider) => provider.AuthTransport().IsFirstParty ? \"x-api-key\" : \"authorization\";"),
        Verify.AuthTransport,
        codeActionIndex: 0);

    [Fact]
    public async Task Expression_tree_diagnostic_offers_nothing()
    {
        var (diagnostic, actions) = await OfferAsync(Class(
            "    Expression<Func<ApiProvider, bool>> M() => provider => provider == ApiProvider.FirstParty;"));

        Assert.Equal("true", diagnostic.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Empty(actions);
    }

    [Theory]
    [InlineData(DiagnosticContract.NoFixProperty, "true")]
    [InlineData(DiagnosticContract.HasCapabilityFixProperty, "false")]
    public async Task Diagnostic_marked_unfixable_offers_nothing(string property, string value)
    {
        var document = FixRunner.CreateDocument(Class("    bool M(ApiProvider provider) => provider == ApiProvider.FirstParty;"));
        var real = Assert.Single(await FixRunner.AnalyzeAsync(document));
        var marked = Diagnostic.Create(real.Descriptor, real.Location, real.Properties.SetItem(property, value));

        Assert.Empty(await FixRunner.ActionsAsync(document, marked));
    }

    [Fact]
    public async Task Each_fix_has_its_own_EquivalenceKey_so_fix_all_stays_available()
    {
        var (_, actions) = await OfferAsync(Class("    bool M(ApiProvider provider) => provider is ApiProvider.Bedrock or ApiProvider.FirstParty;"));

        Assert.Equal(2, actions.Select(a => a.EquivalenceKey).Distinct().Count());
        Assert.NotNull(new FirstPartyComparisonCodeFixProvider().GetFixAllProvider());
    }

    [Fact]
    public async Task Offering_fixes_reads_only_the_diagnostic_and_computes_no_rewrite()
    {
        var source = Class("    bool M(ApiProvider provider) => provider == ApiProvider.FirstParty;");
        var diagnostic = Assert.Single(await FixRunner.AnalyzeAsync(FixRunner.CreateDocument(source)));
        var document = FixRunner.CreateDocument(source);
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();

        // The document is not parsed yet and the token is cancelled, so reading its tree or semantic model would throw:
        // registering must touch neither.
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(
            document, diagnostic, (action, _) => actions.Add(action), new CancellationToken(canceled: true));
        await new FirstPartyComparisonCodeFixProvider().RegisterCodeFixesAsync(context);

        Assert.Equal([Verify.ModelId, Verify.AuthTransport], actions.Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task Rewrite_follows_the_analyzers_decision_rather_than_re_deriving_it()
    {
        var source = Class("    bool M(ApiProvider provider) => provider == ApiProvider.FirstParty;");
        var document = FixRunner.CreateDocument(source);
        var real = Assert.Single(await FixRunner.AnalyzeAsync(document));

        // Told the operand is nullable and a namespace is missing, the fixer writes exactly that: it re-resolves nothing.
        var told = Diagnostic.Create(
            real.Descriptor,
            real.Location,
            real.AdditionalLocations,
            real.Properties
                .SetItem(DiagnosticContract.OperandShapeProperty, DiagnosticContract.Shapes.Nullable)
                .SetItem(DiagnosticContract.ImportNamespaceProperty, "Told.ByTheAnalyzer"));
        var fixedSource = await FixRunner.ApplyAsync(document, (await FixRunner.ActionsAsync(document, told))[0]);

        Assert.Contains("provider?.ModelIdFormat().IsFirstParty == true", fixedSource, StringComparison.Ordinal);
        Assert.Contains("using Told.ByTheAnalyzer;", fixedSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostic_without_fix_facts_offers_nothing()
    {
        var document = FixRunner.CreateDocument(Class("    bool M(ApiProvider provider) => provider == ApiProvider.FirstParty;"));
        var real = Assert.Single(await FixRunner.AnalyzeAsync(document));
        var bare = Diagnostic.Create(real.Descriptor, real.Location, real.Properties.Remove(DiagnosticContract.FixShapeProperty));

        Assert.Empty(await FixRunner.ActionsAsync(document, bare));
    }

    /// <summary>
    /// Found by mutating programs: rewritten, these became `default is ApiProvider p && …` (CS8716) and a pattern that never
    /// matches (CS8519). The check has a constant answer; it is reported, and left for a person to delete.
    /// </summary>
    [Theory]
    [InlineData("Equals(default, ApiProvider.FirstParty)")]
    [InlineData("ApiProvider.FirstParty.Equals(default)")]
    [InlineData("Equals(null, ApiProvider.FirstParty)")]
    [InlineData("ApiProvider.FirstParty.Equals(null)")]
    [InlineData("Equals((object?)null, ApiProvider.FirstParty)")]
    public async Task Default_or_null_operand_is_reported_without_fix(string check)
    {
        var (diagnostic, actions) = await OfferAsync(Class($"    bool M() => {check};"));

        Assert.Equal(DiagnosticContract.NoFixReasons.DefaultOrNullOperand, diagnostic.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.Empty(actions);
    }

    [Fact]
    public Task Default_as_the_FirstParty_constant_is_still_fixed() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider == default|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);
}
