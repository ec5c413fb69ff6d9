using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>`Equals` in its instance, static and comparer forms.</summary>
public class EqualsInvocationFixTests
{
    private static string Class(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using ProviderAudit.Runtime;

        class C
        {
        {{members}}
        }
        """;

    [Fact]
    public Task InstanceEqualsOnProvider() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider.Equals(ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task InstanceEqualsOnConstant() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty.Equals(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task StaticObjectEquals() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:Equals(provider, ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task StaticEnumEquals() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:Enum.Equals(ApiProvider.FirstParty, provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task EqualityComparerDefaultEquals() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:EqualityComparer<ApiProvider>.Default.Equals(provider, ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task NegatedEqualsKeepsItsNegation() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => !{|PA0001:provider.Equals(ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task NullableEqualsUnderNegationIsParenthesised() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => !{|PA0001:provider.Equals(ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider? provider) => !(provider?.ModelIdFormat().IsFirstParty == true);"),
        Verify.ModelId);

    [Fact]
    public Task BoxedProviderIsTypeTestedFirst() => Verify.FixAsync(
        Class("    bool M(object value) => {|PA0001:Equals(value, ApiProvider.FirstParty)|};"),
        Class("    bool M(object value) => value is ApiProvider p && p.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);
}
