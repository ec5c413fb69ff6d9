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
    public Task Instance_equals_on_provider() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:provider.Equals(ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Instance_equals_on_constant() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:ApiProvider.FirstParty.Equals(provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Static_object_equals() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:Equals(provider, ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Static_enum_equals() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:Enum.Equals(ApiProvider.FirstParty, provider)|};"),
        Class("    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Equality_comparer_default_equals() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => {|PA0001:EqualityComparer<ApiProvider>.Default.Equals(provider, ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => provider.AuthTransport().IsFirstParty;"),
        Verify.AuthTransport);

    [Fact]
    public Task Negated_equals_keeps_its_negation() => Verify.FixAsync(
        Class("    bool M(ApiProvider provider) => !{|PA0001:provider.Equals(ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider provider) => !provider.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);

    [Fact]
    public Task Nullable_equals_under_negation_is_parenthesised() => Verify.FixAsync(
        Class("    bool M(ApiProvider? provider) => !{|PA0001:provider.Equals(ApiProvider.FirstParty)|};"),
        Class("    bool M(ApiProvider? provider) => !(provider?.ModelIdFormat().IsFirstParty == true);"),
        Verify.ModelId);

    [Fact]
    public Task Boxed_provider_is_type_tested_first() => Verify.FixAsync(
        Class("    bool M(object value) => {|PA0001:Equals(value, ApiProvider.FirstParty)|};"),
        Class("    bool M(object value) => value is ApiProvider p && p.ModelIdFormat().IsFirstParty;"),
        Verify.ModelId);
}
