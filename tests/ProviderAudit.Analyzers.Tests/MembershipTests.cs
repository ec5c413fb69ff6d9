using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// <c>Contains</c> over a set of providers that includes FirstParty asks "is it first party, or one of these?": flagged on
/// the whole invocation, whether it binds to Enumerable.Contains, MemoryExtensions.Contains (what C# 14 picks for an
/// array receiver) or a collection's own Contains.
/// </summary>
public sealed class MembershipTests
{
    private static string InClass(string members) => $$"""
        using System;
        using System.Collections.Frozen;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;
        using ProviderAudit.Runtime;

        public static class Code
        {
        {{members}}
        }
        """;

    [Fact]
    public Task Array_literal_queried_through_enumerable_contains_is_flagged()
        => VerifyAsync(InClass("    public static bool M(ApiProvider p) => {|PA0001:new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p)|};"));

    /// <summary>
    /// Under C# 14 / net10.0, <c>new[] { … }.Contains(p)</c> binds to .NET 10's <c>MemoryExtensions.Contains(ReadOnlySpan&lt;T&gt;, T,
    /// IEqualityComparer&lt;T&gt;? = null)</c> (enums are not IEquatable, so the constrained span overloads drop out). The tests
    /// compile with C# 12, where the same overload is reached through an explicit span.
    /// </summary>
    [Fact]
    public Task Array_literal_queried_through_memory_extensions_contains_is_flagged()
        => VerifyAsync(InClass("""
                public static bool Span(ApiProvider p) => {|PA0001:((ReadOnlySpan<ApiProvider>)new[] { ApiProvider.Vertex, ApiProvider.FirstParty }).Contains(p)|};
                public static bool Explicit(ApiProvider p) => {|PA0001:MemoryExtensions.Contains<ApiProvider>(new[] { ApiProvider.FirstParty }, p)|};
                public static bool NullComparer(ApiProvider p) => {|PA0001:MemoryExtensions.Contains<ApiProvider>(new[] { ApiProvider.FirstParty }, p, null)|};
            """));

    [Fact]
    public Task Membership_with_a_comparer_of_its_own_is_not_flagged()
        => VerifyAsync(InClass("""
                public static bool M(ApiProvider p, IEqualityComparer<ApiProvider> comparer) =>
                    new[] { ApiProvider.FirstParty }.Contains(p, comparer) || MemoryExtensions.Contains<ApiProvider>(new[] { ApiProvider.FirstParty }, p, comparer);
            """));

    [Fact]
    public Task Static_enumerable_contains_call_is_flagged()
        => VerifyAsync(InClass("    public static bool M(ApiProvider p) => {|PA0001:Enumerable.Contains(new ApiProvider[] { ApiProvider.FirstParty, ApiProvider.Foundry }, p)|};"));

    [Fact]
    public Task Collection_initializers_queried_with_their_own_contains_are_flagged()
        => VerifyAsync(InClass("""
                public static bool Set(ApiProvider p) => {|PA0001:new HashSet<ApiProvider> { ApiProvider.FirstParty, ApiProvider.Foundry }.Contains(p)|};
                public static bool List(ApiProvider p) => {|PA0001:new List<ApiProvider> { ApiProvider.Foundry, ApiProvider.FirstParty }.Contains(p)|};
            """));

    [Fact]
    public Task Static_readonly_sets_of_every_kind_are_flagged()
        => VerifyAsync(InClass("""
                private static readonly HashSet<ApiProvider> Direct = new() { ApiProvider.FirstParty, ApiProvider.Foundry };
                private static readonly ImmutableArray<ApiProvider> Immutable = ImmutableArray.Create(ApiProvider.FirstParty, ApiProvider.Foundry);
                private static readonly ImmutableHashSet<ApiProvider> ImmutableSet = ImmutableHashSet.Create(ApiProvider.Vertex, ApiProvider.FirstParty);
                private static readonly FrozenSet<ApiProvider> Frozen = new[] { ApiProvider.FirstParty }.ToFrozenSet();
                private static readonly ApiProvider[] Expression = [ApiProvider.FirstParty, ApiProvider.Foundry];
                private static readonly ApiProvider[] Array = { ApiProvider.Foundry, ApiProvider.FirstParty };

                public static bool M(ApiProvider p) =>
                    {|PA0001:Direct.Contains(p)|} || {|PA0001:Immutable.Contains(p)|} || {|PA0001:ImmutableSet.Contains(p)|}
                    || {|PA0001:Frozen.Contains(p)|} || {|PA0001:Expression.Contains(p)|} || {|PA0001:((ReadOnlySpan<ApiProvider>)Array).Contains(p)|};
            """));

    [Fact]
    public Task Local_set_that_is_never_reassigned_is_flagged()
        => VerifyAsync(InClass("""
                public static bool M(ApiProvider p)
                {
                    var direct = new[] { ApiProvider.FirstParty, ApiProvider.Foundry };
                    return {|PA0001:direct.Contains(p)|};
                }
            """));

    [Fact]
    public Task Sets_without_FirstParty_are_not_flagged()
        => VerifyAsync(InClass("""
                private static readonly HashSet<ApiProvider> Cloud = new() { ApiProvider.Bedrock, ApiProvider.Vertex };
                public static bool M(ApiProvider p) => Cloud.Contains(p) || new[] { ApiProvider.Foundry }.Contains(p);
            """));

    [Fact]
    public Task Sets_whose_content_is_not_known_here_are_not_flagged()
        => VerifyAsync(InClass("""
                private static HashSet<ApiProvider> mutable = new() { ApiProvider.FirstParty };
                public static void Replace() => mutable = new();
                public static bool M(ApiProvider p, ApiProvider[] given, IEqualityComparer<ApiProvider> comparer)
                {
                    var reassigned = new[] { ApiProvider.FirstParty };
                    reassigned = given;
                    return given.Contains(p) || mutable.Contains(p) || reassigned.Contains(p)
                        || new HashSet<ApiProvider>(comparer) { ApiProvider.FirstParty }.Contains(p);
                }
            """));

    [Fact]
    public async Task Array_literal_of_constants_is_fixable_with_the_FirstParty_elements_named()
    {
        var run = await AuditRun.OfAsync(InClass("    public static bool M(ApiProvider p) => new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p);"));

        var diagnostic = run.Single();
        Assert.Equal("false", diagnostic.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Equal(DiagnosticContract.FixShapes.Membership, diagnostic.Properties[DiagnosticContract.FixShapeProperty]);
        Assert.Equal(
            ["new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p)", "p", "ApiProvider.FirstParty"],
            diagnostic.AdditionalLocations.Select(l => l.SourceTree!.GetText().ToString(l.SourceSpan)));
        Assert.Contains("Comparison with a set containing ApiProvider.FirstParty", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_set_is_reported_without_fix_and_says_why()
    {
        var run = await AuditRun.OfAsync(InClass("""
                private static readonly HashSet<ApiProvider> Direct = new() { ApiProvider.FirstParty, ApiProvider.Foundry };
                public static bool M(ApiProvider p) => Direct.Contains(p);
            """));

        var diagnostic = run.Single();
        Assert.Equal("true", diagnostic.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Equal(DiagnosticContract.NoFixReasons.NamedProviderSet, diagnostic.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.Contains("take the first-party member out of the set by hand", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new[] { ApiProvider.FirstParty, Pick() }.Contains(p)")]
    [InlineData("new ApiProvider[2] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p)")]
    [InlineData("ImmutableArray.Create(ApiProvider.FirstParty, ApiProvider.Vertex).Contains(p)")]
    public async Task Inline_set_that_cannot_be_edited_in_place_is_reported_without_fix(string query)
    {
        var run = await AuditRun.OfAsync(InClass($"    static ApiProvider Pick() => ApiProvider.Bedrock;\n    public static bool M(ApiProvider p) => {query};"));

        var diagnostic = run.Single();
        Assert.Equal(DiagnosticContract.NoFixReasons.UnsupportedShape, diagnostic.Properties[DiagnosticContract.NoFixReasonProperty]);
    }
}
