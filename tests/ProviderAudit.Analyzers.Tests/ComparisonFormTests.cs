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
    public Task EqualityWithFirstPartyOnTheRightIsFlaggedOnTheWholeBinaryExpression()
        => VerifyAsync(InMethod("if ({|PA0001:p == ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task EqualityWithFirstPartyOnTheLeftIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:ApiProvider.FirstParty == p|}) { }"));

    [Fact]
    public Task InequalityIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:p != ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task LiftedComparisonOfNullableProviderIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:maybe == ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task ComparisonThroughNullConditionalAccessIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:settings?.Provider == ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task ComparisonWithCastZeroIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:p == (ApiProvider)0|}) { }"));

    [Fact]
    public Task ComparisonWithConstantEqualToFirstPartyIsFlagged()
        => VerifyAsync(InMethod("const ApiProvider Fp = ApiProvider.FirstParty; if ({|PA0001:p == Fp|}) { }"));

    [Fact]
    public Task ComparisonWithDefaultProviderIsFlaggedBecauseDefaultIsFirstParty()
        => VerifyAsync(InMethod("if ({|PA0001:p == default(ApiProvider)|}) { }"));

    [Fact]
    public Task ComparisonThroughUsingStaticIsFlagged()
        => VerifyAsync("""
            using static ProviderAudit.Runtime.ApiProvider;
            public static class Code
            {
                public static bool Check(ProviderAudit.Runtime.ApiProvider p) => {|PA0001:p == FirstParty|};
            }
            """);

    [Fact]
    public Task ComparisonThroughTypeAliasIsFlagged()
        => VerifyAsync("""
            using Backend = ProviderAudit.Runtime.ApiProvider;
            public static class Code
            {
                public static bool Check(Backend p) => {|PA0001:p == Backend.FirstParty|};
            }
            """);

    [Fact]
    public Task ComparisonThroughBoxingCastIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:boxed == (object)ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task IsPatternWithoutOtherPatternsIsFlaggedOnTheWholeIsExpression()
        => VerifyAsync(InMethod("if ({|PA0001:p is ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task IsNotPatternIsFlaggedOnTheConstantPattern()
        => VerifyAsync(InMethod("if (p is not {|PA0001:ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task OrPatternIsFlaggedOnlyOnTheFirstPartyConstant()
        => VerifyAsync(InMethod("if (p is ApiProvider.Bedrock or {|PA0001:ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task AndPatternIsFlagged()
        => VerifyAsync(InMethod("if (boxed is ApiProvider and not {|PA0001:ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task PropertyPatternIsFlagged()
        => VerifyAsync(InMethod("if (settings is { Provider: {|PA0001:ApiProvider.FirstParty|} }) { }"));

    [Fact]
    public Task PositionalPatternIsFlagged()
        => VerifyAsync(InMethod("if (settings is ({|PA0001:ApiProvider.FirstParty|}, _)) { }"));

    [Fact]
    public Task TuplePatternIsFlagged()
        => VerifyAsync(InMethod("if ((p, maybe) is ({|PA0001:ApiProvider.FirstParty|}, null)) { }"));

    [Fact]
    public Task SwitchExpressionArmIsFlagged()
        => VerifyAsync(InMethod("""var label = p switch { {|PA0001:ApiProvider.FirstParty|} => "a", _ => "b" };"""));

    [Fact]
    public Task SwitchExpressionArmWithOrPatternIsFlagged()
        => VerifyAsync(InMethod("""var label = p switch { ApiProvider.Vertex or {|PA0001:ApiProvider.FirstParty|} => "a", _ => "b" };"""));

    [Fact]
    public Task ClassicCaseLabelIsFlaggedOnTheWholeLabel()
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
    public Task CaseLabelWithWhenClauseIsFlaggedOnTheConstantPattern()
        => VerifyAsync(InMethod("""
            switch (p)
            {
                case {|PA0001:ApiProvider.FirstParty|} when boxed is null:
                    break;
            }
            """));

    [Fact]
    public Task InstanceEqualsIsFlaggedOnTheWholeInvocation()
        => VerifyAsync(InMethod("if ({|PA0001:p.Equals(ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task EqualsCalledOnFirstPartyIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:ApiProvider.FirstParty.Equals(p)|}) { }"));

    [Fact]
    public Task EnumEqualsIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:Enum.Equals(p, ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task ObjectEqualsIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:object.Equals(p, ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task EqualityComparerDefaultEqualsIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:EqualityComparer<ApiProvider>.Default.Equals(p, ApiProvider.FirstParty)|}) { }"));

    [Fact]
    public Task TupleEqualityContainingFirstPartyIsFlaggedOnTheWholeExpression()
        => VerifyAsync(InMethod("if ({|PA0001:(p, boxed) == (ApiProvider.FirstParty, null)|}) { }"));

    [Fact]
    public async Task TupleEqualityIsReportedWithoutFix()
    {
        var run = await AuditRun.OfAsync(InMethod("if ((p, boxed) == (ApiProvider.FirstParty, null)) { }"));

        Assert.Equal("true", run.Single().Properties[DiagnosticContract.NoFixProperty]);
    }

    [Fact]
    public Task ComparisonInLambdaIsFlagged()
        => VerifyAsync(InMethod("Func<ApiProvider, bool> f = x => {|PA0001:x == ApiProvider.FirstParty|};"));

    [Fact]
    public Task ComparisonInLinqQueryIsFlagged()
        => VerifyAsync(InMethod("var q = from x in new[] { p } where {|PA0001:x == ApiProvider.FirstParty|} select x;"));

    [Fact]
    public Task ComparisonInLocalFunctionIsFlagged()
        => VerifyAsync(InMethod("bool Local(ApiProvider x) => {|PA0001:x == ApiProvider.FirstParty|};"));

    [Fact]
    public Task ComparisonInExpressionBodiedPropertyIsFlagged()
        => VerifyAsync("""
            using ProviderAudit.Runtime;
            public sealed class Code(ApiProvider provider)
            {
                public bool IsFirst => {|PA0001:provider == ApiProvider.FirstParty|};
            }
            """);

    [Fact]
    public Task ComparisonInFieldInitializerIsFlagged()
        => VerifyAsync("""
            using ProviderAudit.Runtime;
            public static class Code
            {
                private static readonly ApiProvider Current = ApiProvider.Bedrock;
                private static readonly bool IsFirst = {|PA0001:Current == ApiProvider.FirstParty|};
            }
            """);

    [Fact]
    public Task ComparisonInTopLevelStatementsIsFlagged()
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
