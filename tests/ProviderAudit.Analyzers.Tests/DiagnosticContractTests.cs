using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// The properties and additional locations a PA0001 diagnostic carries (<see cref="DiagnosticContract"/>): everything the
/// code fixes, a CLI or another consumer needs, decided once by the analyzer.
/// </summary>
public sealed class DiagnosticContractTests
{
    private static string InClass(string members, string usings = "using ProviderAudit.Runtime;") => $$"""
        using System;
        {{usings}}

        public class Settings { public ApiProvider Provider { get; set; } public ApiProvider? Override { get; set; } }

        public static class Code
        {
        {{members}}
        }
        """;

    private static async Task<Diagnostic> SingleAsync(string source)
    {
        var run = await AuditRun.OfAsync(source);
        Assert.Empty(run.AnalyzerExceptions);
        return run.Single();
    }

    private static string Property(Diagnostic diagnostic, string key)
        => diagnostic.Properties.TryGetValue(key, out var value) ? value ?? "null" : "missing";

    private static string Text(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);

    [Fact]
    public async Task Comparison_carries_its_shape_operand_and_host_locations()
    {
        var diagnostic = await SingleAsync(InClass("    public static bool M(ApiProvider provider) => provider != ApiProvider.FirstParty;"));

        Assert.Equal("false", Property(diagnostic, DiagnosticContract.NoFixProperty));
        Assert.Equal(DiagnosticContract.FixShapes.Comparison, Property(diagnostic, DiagnosticContract.FixShapeProperty));
        Assert.Equal(DiagnosticContract.Shapes.Value, Property(diagnostic, DiagnosticContract.OperandShapeProperty));
        Assert.Equal("true", Property(diagnostic, DiagnosticContract.NegatedProperty));
        Assert.Equal(["provider != ApiProvider.FirstParty", "provider"], diagnostic.AdditionalLocations.Select(Text));
    }

    [Fact]
    public async Task Nullable_chain_operand_is_named_so_the_call_can_join_the_chain()
    {
        var diagnostic = await SingleAsync(InClass("    public static bool M(Settings? s) => s?.Provider == ApiProvider.FirstParty;"));

        Assert.Equal(DiagnosticContract.Shapes.NullableChain, Property(diagnostic, DiagnosticContract.OperandShapeProperty));
        Assert.Equal("s?.Provider", Text(diagnostic.AdditionalLocations[1]));
    }

    [Fact]
    public async Task Boxed_operand_is_the_value_inside_the_casts()
    {
        var diagnostic = await SingleAsync(InClass("    public static bool M(ApiProvider p) => Equals((object)p, ApiProvider.FirstParty);"));

        Assert.Equal(DiagnosticContract.Shapes.Value, Property(diagnostic, DiagnosticContract.OperandShapeProperty));
        Assert.Equal("p", Text(diagnostic.AdditionalLocations[1]));
    }

    [Fact]
    public async Task Pattern_carries_the_constants_input_shape_and_the_tested_expression()
    {
        var diagnostic = await SingleAsync(InClass("    public static bool M(Settings s) => s is { Override: ApiProvider.FirstParty };"));

        Assert.Equal(DiagnosticContract.FixShapes.IsPattern, Property(diagnostic, DiagnosticContract.FixShapeProperty));
        Assert.Equal(DiagnosticContract.Shapes.Nullable, Property(diagnostic, DiagnosticContract.ConstantShapeProperty));
        Assert.Equal(DiagnosticContract.Shapes.Other, Property(diagnostic, DiagnosticContract.OperandShapeProperty));
        Assert.Equal("true", Property(diagnostic, DiagnosticContract.RepeatableOperandProperty));
        Assert.Equal(["s is { Override: ApiProvider.FirstParty }", "s"], diagnostic.AdditionalLocations.Select(Text));
    }

    [Fact]
    public async Task Switch_arm_over_every_named_provider_asks_for_the_compilers_catch_all()
    {
        var diagnostic = await SingleAsync(InClass("""
                #pragma warning disable CS8524
                    public static int M(ApiProvider p) => p switch
                    {
                        ApiProvider.FirstParty => 1,
                        ApiProvider.Bedrock => 2,
                        ApiProvider.Vertex => 3,
                        ApiProvider.Foundry => 4,
                        ApiProvider.ClaudePlatformAws => 5,
                    };
                """));

        Assert.Equal(DiagnosticContract.FixShapes.SwitchArm, Property(diagnostic, DiagnosticContract.FixShapeProperty));
        Assert.Equal(DiagnosticContract.CatchAlls.SwitchExpressionException, Property(diagnostic, DiagnosticContract.CatchAllProperty));
    }

    [Fact]
    public async Task Constant_case_label_carries_the_governing_shape()
    {
        var diagnostic = await SingleAsync(InClass("""
                public static int M(ApiProvider? p)
                {
                    switch (p) { case ApiProvider.FirstParty: return 1; default: return 0; }
                }
            """));

        Assert.Equal(DiagnosticContract.FixShapes.ConstantCaseLabel, Property(diagnostic, DiagnosticContract.FixShapeProperty));
        Assert.Equal(DiagnosticContract.Shapes.Nullable, Property(diagnostic, DiagnosticContract.OperandShapeProperty));
        Assert.Equal("ApiProvider", Property(diagnostic, DiagnosticContract.ProviderTypeSyntaxProperty));
    }

    [Fact]
    public async Task Missing_using_is_named_and_the_type_spelled_so_it_binds_once_imported()
    {
        var diagnostic = await SingleAsync(InClass(
            "    public static bool M(object o) => Equals(o, ProviderAudit.Runtime.ApiProvider.FirstParty);",
            usings: "using Settings = System.Object; using ApiProvider = ProviderAudit.Runtime.ApiProvider;").Replace("public class Settings", "public class Unused"));

        Assert.Equal("ProviderAudit.Runtime", Property(diagnostic, DiagnosticContract.ImportNamespaceProperty));
        Assert.Equal(DiagnosticContract.Shapes.Boxed, Property(diagnostic, DiagnosticContract.OperandShapeProperty));
        Assert.Equal("ApiProvider", Property(diagnostic, DiagnosticContract.ProviderTypeSyntaxProperty));
    }

    [Fact]
    public async Task Type_name_taken_by_another_type_is_spelled_globally()
    {
        var diagnostic = await SingleAsync("""
            namespace Host
            {
                public enum ApiProvider { Mine }

                public static class Code
                {
                    public static bool M(object o) => Equals(o, ProviderAudit.Runtime.ApiProvider.FirstParty);
                }
            }
            """);

        Assert.Equal("ProviderAudit.Runtime", Property(diagnostic, DiagnosticContract.ImportNamespaceProperty));
        Assert.Equal("global::ProviderAudit.Runtime.ApiProvider", Property(diagnostic, DiagnosticContract.ProviderTypeSyntaxProperty));
    }

    [Fact]
    public async Task Extension_methods_in_scope_need_no_import()
    {
        var diagnostic = await SingleAsync(InClass("    public static bool M(ApiProvider p) => p == ApiProvider.FirstParty;"));

        Assert.Equal(string.Empty, Property(diagnostic, DiagnosticContract.ImportNamespaceProperty));
    }

    [Theory]
    [InlineData("    public static System.Linq.Expressions.Expression<Func<ApiProvider, bool>> M() => p => p == ApiProvider.FirstParty;", DiagnosticContract.NoFixReasons.ExpressionTree)]
    [InlineData("    public static bool M(ApiProvider p, int n) => (p, n) == (ApiProvider.FirstParty, 1);", DiagnosticContract.NoFixReasons.TupleEquality)]
    [InlineData("    public static bool M() => Equals(default, ApiProvider.FirstParty);", DiagnosticContract.NoFixReasons.DefaultOrNullOperand)]
    [InlineData("    public static void M(ApiProvider p) { switch (p) { case ApiProvider.FirstParty: break; case ApiProvider.Bedrock: goto case ApiProvider.FirstParty; } }", DiagnosticContract.NoFixReasons.GotoCaseTarget)]
    public async Task Unfixable_check_says_why_and_carries_no_fix_facts(string members, string reason)
    {
        var diagnostic = await SingleAsync(InClass(members));

        Assert.Equal("true", Property(diagnostic, DiagnosticContract.NoFixProperty));
        Assert.Equal(reason, Property(diagnostic, DiagnosticContract.NoFixReasonProperty));
        Assert.Equal("missing", Property(diagnostic, DiagnosticContract.FixShapeProperty));
        Assert.Empty(diagnostic.AdditionalLocations);
    }

    [Fact]
    public async Task String_provider_name_without_the_runtime_is_not_fixable_and_says_so()
    {
        var run = await AuditRun.OfAsync(
            "public static class Code { static string GetApiProvider() => \"x\"; public static bool M() => GetApiProvider() == \"firstParty\"; }",
            referenceRuntime: false,
            editorConfig: new Dictionary<string, string> { ["provider_audit.string_provider_members"] = "GetApiProvider" });

        var diagnostic = run.Single();
        Assert.Equal("true", Property(diagnostic, DiagnosticContract.NoFixProperty));
        Assert.Equal(DiagnosticContract.NoFixReasons.StringProviderName, Property(diagnostic, DiagnosticContract.NoFixReasonProperty));
    }

    [Fact]
    public async Task Configured_enum_without_capability_methods_is_not_fixable_and_says_so()
    {
        var run = await AuditRun.OfAsync(
            "namespace MyApp { public enum Backend { Anthropic, Aws } public static class Code { public static bool M(Backend b) => b == Backend.Anthropic; } }",
            editorConfig: new Dictionary<string, string>
            {
                ["provider_audit.additional_provider_types"] = "MyApp.Backend",
                ["provider_audit.first_party_member"] = "Anthropic",
            });

        var diagnostic = run.Single();
        Assert.Equal("true", Property(diagnostic, DiagnosticContract.NoFixProperty));
        Assert.Equal(DiagnosticContract.NoFixReasons.NoCapabilityMethods, Property(diagnostic, DiagnosticContract.NoFixReasonProperty));
        Assert.Equal("false", Property(diagnostic, DiagnosticContract.HasCapabilityFixProperty));
    }

    [Fact]
    public async Task Nested_configured_enum_is_named_as_it_is_looked_up()
    {
        var run = await AuditRun.OfAsync(
            "namespace MyApp { public static class Outer { public enum Backend { Anthropic, Aws } } public static class Code { public static bool M(Outer.Backend b) => b == Outer.Backend.Anthropic; } }",
            editorConfig: new Dictionary<string, string>
            {
                ["provider_audit.additional_provider_types"] = "MyApp.Outer+Backend",
                ["provider_audit.first_party_member"] = "Anthropic",
            });

        Assert.Equal("MyApp.Outer+Backend", Property(run.Single(), DiagnosticContract.ProviderTypeProperty));
    }

    [Fact]
    public async Task Check_with_broken_syntax_is_not_fixable_and_says_why()
    {
        var diagnostic = await SingleAsync(InClass("""
                public static int M(ApiProvider p) => p switch
                {
                    ApiProvider.FirstParty
                };
            """));

        Assert.Equal(DiagnosticContract.NoFixReasons.BrokenSyntax, Property(diagnostic, DiagnosticContract.NoFixReasonProperty));
    }

    [Fact]
    public async Task Local_constant_read_as_FirstParty_is_named_for_removal()
    {
        var diagnostic = await SingleAsync(InClass("""
                public static bool M(ApiProvider p)
                {
                    const ApiProvider Fp = ApiProvider.FirstParty;
                    return p == Fp;
                }
            """));

        var span = diagnostic.Properties[DiagnosticContract.LocalConstantProperty]!.Split(',').Select(int.Parse).ToArray();
        Assert.Equal("Fp = ApiProvider.FirstParty", diagnostic.Location.SourceTree!.GetText().ToString(new Microsoft.CodeAnalysis.Text.TextSpan(span[0], span[1])));
    }
}
