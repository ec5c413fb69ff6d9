using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// The analyzer answers "is the capability namespace imported here?" and "how is the provider type spelled here?" once
/// per name scope (namespace, type, generic method or local function) and reuses the answer for every other check in
/// that scope: checks in different scopes of one file must still each get their own answer.
/// </summary>
public sealed class NameScopeTests
{
    private static async Task<IReadOnlyList<(string Method, string Import, string TypeSyntax)>> NamesBySiteAsync(string source)
    {
        var run = await AuditRun.OfAsync(source);
        Assert.Empty(run.AnalyzerExceptions);
        return run.Diagnostics
            .Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (
                MethodOf(d),
                d.Properties[DiagnosticContract.ImportNamespaceProperty] ?? "null",
                d.Properties[DiagnosticContract.ProviderTypeSyntaxProperty] ?? "null"))
            .ToList();
    }

    private static string MethodOf(Diagnostic diagnostic)
    {
        var node = diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        return node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First().Identifier.Text;
    }

    [Fact]
    public async Task A_nested_type_with_the_provider_name_changes_the_spelling_only_inside_its_class()
    {
        var sites = await NamesBySiteAsync("""
            using ProviderAudit.Runtime;

            public static class Before
            {
                public static bool A(object o) => Equals(o, ApiProvider.FirstParty);
            }

            public static class Shadowing
            {
                public enum ApiProvider { Mine }

                public static bool B(object o) => Equals(o, ProviderAudit.Runtime.ApiProvider.FirstParty);
            }

            public static class After
            {
                public static bool C(object o) => Equals(o, ApiProvider.FirstParty);
            }
            """);

        Assert.Equal(
            [("A", "", "ApiProvider"), ("B", "", "global::ProviderAudit.Runtime.ApiProvider"), ("C", "", "ApiProvider")],
            sites);
    }

    [Fact]
    public async Task A_type_parameter_with_the_provider_name_changes_the_spelling_only_inside_its_method()
    {
        var sites = await NamesBySiteAsync("""
            using ProviderAudit.Runtime;

            public static class Code
            {
                public static bool A(object o) => Equals(o, ApiProvider.FirstParty);

                public static bool B<ApiProvider>(object o) => Equals(o, global::ProviderAudit.Runtime.ApiProvider.FirstParty);

                public static bool C(object o)
                {
                    bool Local<ApiProvider>() => Equals(o, global::ProviderAudit.Runtime.ApiProvider.FirstParty);
                    return Local<int>() || Equals(o, ApiProvider.FirstParty);
                }
            }
            """);

        Assert.Equal(
            [
                ("A", "", "ApiProvider"),
                ("B", "", "global::ProviderAudit.Runtime.ApiProvider"),
                ("C", "", "global::ProviderAudit.Runtime.ApiProvider"),
                ("C", "", "ApiProvider"),
            ],
            sites);
    }

    [Fact]
    public async Task Each_namespace_block_gets_the_import_its_own_usings_call_for()
    {
        var sites = await NamesBySiteAsync("""
            namespace WithUsing
            {
                using ProviderAudit.Runtime;

                public static class Code
                {
                    public static bool A(object o) => Equals(o, ApiProvider.FirstParty);
                }
            }

            namespace WithoutUsing
            {
                public static class Code
                {
                    public static bool B(object o) => Equals(o, ProviderAudit.Runtime.ApiProvider.FirstParty);
                }
            }

            namespace WithUsingAgain
            {
                using ProviderAudit.Runtime;

                public static class Code
                {
                    public static bool C(object o) => Equals(o, ApiProvider.FirstParty);
                }
            }
            """);

        Assert.Equal(
            [("A", "", "ApiProvider"), ("B", "ProviderAudit.Runtime", "ApiProvider"), ("C", "", "ApiProvider")],
            sites);
    }
}
