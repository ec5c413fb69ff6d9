using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>PA0001 flags every form of "is this provider FirstParty?", each located where the contract says.</summary>
public sealed class ComparisonFormTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using ProviderAudit.Runtime;

        public record Settings(ApiProvider Provider, string Model);

        public static class Code
        {
            public static object Check(ApiProvider p, ApiProvider? maybe, Settings? settings, object boxed)
            {
                {{body}}
                return 0;
            }
        }
        """;

    [Fact]
    public Task Equality_with_FirstParty_on_the_right_is_flagged_on_the_whole_binary_expression()
        => VerifyAsync(InMethod("if ({|PA0001:p == ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Equality_with_FirstParty_on_the_left_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:ApiProvider.FirstParty == p|}) { }"));

    [Fact]
    public Task Inequality_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:p != ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Lifted_comparison_of_nullable_provider_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:maybe == ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Comparison_through_null_conditional_access_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:settings?.Provider == ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Comparison_with_cast_zero_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:p == (ApiProvider)0|}) { }"));

    [Fact]
    public Task Comparison_with_constant_equal_to_FirstParty_is_flagged()
        => VerifyAsync(InMethod("const ApiProvider Fp = ApiProvider.FirstParty; if ({|PA0001:p == Fp|}) { }"));

    [Fact]
    public Task Comparison_with_default_provider_is_flagged_because_default_is_FirstParty()
        => VerifyAsync(InMethod("if ({|PA0001:p == default(ApiProvider)|}) { }"));

    [Fact]
    public Task Comparison_through_using_static_is_flagged()
        => VerifyAsync("""
            using static ProviderAudit.Runtime.ApiProvider;
            public static class Code
            {
                public static bool Check(ProviderAudit.Runtime.ApiProvider p) => {|PA0001:p == FirstParty|};
            }
            """);

    [Fact]
    public Task Comparison_through_type_alias_is_flagged()
        => VerifyAsync("""
            using Backend = ProviderAudit.Runtime.ApiProvider;
            public static class Code
            {
                public static bool Check(Backend p) => {|PA0001:p == Backend.FirstParty|};
            }
            """);

    [Fact]
    public Task Comparison_through_boxing_cast_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:boxed == (object)ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Is_pattern_without_other_patterns_is_flagged_on_the_whole_is_expression()
        => VerifyAsync(InMethod("if ({|PA0001:p is ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Is_not_pattern_is_flagged_on_the_constant_pattern()
        => VerifyAsync(InMethod("if (p is not {|PA0001:ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Or_pattern_is_flagged_only_on_the_FirstParty_constant()
        => VerifyAsync(InMethod("if (p is ApiProvider.Bedrock or {|PA0001:ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task And_pattern_is_flagged()
        => VerifyAsync(InMethod("if (boxed is ApiProvider and not {|PA0001:ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Property_pattern_is_flagged()
        => VerifyAsync(InMethod("if (settings is { Provider: {|PA0001:ApiProvider.FirstParty|} }) { }"));

    [Fact]
    public Task Positional_pattern_is_flagged()
        => VerifyAsync(InMethod("if (settings is ({|PA0001:ApiProvider.FirstParty|}, _)) { }"));

    [Fact]
    public Task Tuple_pattern_is_flagged()
        => VerifyAsync(InMethod("if ((p, maybe) is ({|PA0001:ApiProvider.FirstParty|}, null)) { }"));

    [Fact]
    public Task Switch_expression_arm_is_flagged()
        => VerifyAsync(InMethod("""var label = p switch { {|PA0001:ApiProvider.FirstParty|} => "a", _ => "b" };"""));

    [Fact]
    public Task Switch_expression_arm_with_or_pattern_is_flagged()
        => VerifyAsync(InMethod("""var label = p switch { ApiProvider.Vertex or {|PA0001:ApiProvider.FirstParty|} => "a", _ => "b" };"""));

    [Fact]
    public Task Classic_case_label_is_flagged_on_the_whole_label()
        => VerifyAsync(InMethod("""
            switch (p)
            {
                {|PA0001:case ApiProvider.FirstParty:|}
                    break;
                case ApiProvider.Bedrock:
                    break;
            }
            """));

    [Fact]
    public Task Case_label_with_when_clause_is_flagged_on_the_constant_pattern()
        => VerifyAsync(InMethod("""
            switch (p)
            {
                case {|PA0001:ApiProvider.FirstParty|} when boxed is null:
                    break;
            }
            """));

    [Fact]
    public Task Instance_equals_is_flagged_on_the_whole_invocation()
        => VerifyAsync(InMethod("if ({|PA0001:p.Equals(ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task Equals_called_on_FirstParty_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:ApiProvider.FirstParty.Equals(p)|}) { }"));

    [Fact]
    public Task Enum_equals_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:Enum.Equals(p, ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task Object_equals_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:object.Equals(p, ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task Equality_comparer_default_equals_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:EqualityComparer<ApiProvider>.Default.Equals(p, ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task Tuple_equality_containing_FirstParty_is_flagged_on_the_whole_expression()
        => VerifyAsync(InMethod("if ({|PA0001:(p, boxed) == (ApiProvider.FirstParty, null)|}) { }"));

    [Fact]
    public async Task Tuple_equality_is_reported_without_fix()
    {
        var run = await AuditRun.OfAsync(InMethod("if ((p, boxed) == (ApiProvider.FirstParty, null)) { }"));

        Assert.Equal("true", run.Single().Properties[DiagnosticContract.NoFixProperty]);
    }

    [Fact]
    public Task Comparison_in_lambda_is_flagged()
        => VerifyAsync(InMethod("Func<ApiProvider, bool> f = x => {|PA0001:x == ApiProvider.FirstParty|};"));

    [Fact]
    public Task Comparison_in_linq_query_is_flagged()
        => VerifyAsync(InMethod("var q = from x in new[] { p } where {|PA0001:x == ApiProvider.FirstParty|} select x;"));

    [Fact]
    public Task Comparison_in_local_function_is_flagged()
        => VerifyAsync(InMethod("bool Local(ApiProvider x) => {|PA0001:x == ApiProvider.FirstParty|};"));

    [Fact]
    public Task Comparison_in_expression_bodied_property_is_flagged()
        => VerifyAsync("""
            using ProviderAudit.Runtime;
            public sealed class Code(ApiProvider provider)
            {
                public bool IsFirst => {|PA0001:provider == ApiProvider.FirstParty|};
            }
            """);

    [Fact]
    public Task Comparison_in_field_initializer_is_flagged()
        => VerifyAsync("""
            using ProviderAudit.Runtime;
            public static class Code
            {
                private static readonly ApiProvider Current = ApiProvider.Bedrock;
                private static readonly bool IsFirst = {|PA0001:Current == ApiProvider.FirstParty|};
            }
            """);

    [Fact]
    public Task Comparison_in_top_level_statements_is_flagged()
    {
        var test = new AuditTest
        {
            TestCode = """
                using ProviderAudit.Runtime;
                var p = ApiProvider.Bedrock;
                if ({|PA0001:p == ApiProvider.FirstParty|}) { System.Console.WriteLine(); }
                """,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }
}
