using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// <c>(int)p == 0</c>: the provider cast to its underlying number and compared with FirstParty's number is the same
/// question in disguise. Flagged, never fixed (the number is not a provider; the code may rely on the numbering).
/// </summary>
public sealed class UnderlyingValueTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using ProviderAudit.Runtime;

        public static class Code
        {
            public static object Check(ApiProvider p, ApiProvider? maybe, int number)
            {
                {{body}}
                return 0;
            }
        }
        """;

    [Fact]
    public Task CastToIntComparedWithZeroIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:(int)p == 0|}) { }"));

    [Fact]
    public Task ZeroOnTheLeftAndInequalityAreFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:0 != (int)p|}) { }"));

    [Fact]
    public Task NarrowerAndWiderCastsAreFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:(byte)p == 0|} || {|PA0001:(long)p == 0L|}) { }"));

    [Fact]
    public Task NumberOfTheFirstPartyMemberItselfIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:(int)p == (int)ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task NullableProviderCastToNullableIntIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:(int?)maybe == 0|}) { }"));

    [Fact]
    public Task PatternsAndSwitchesOverTheNumberAreFlagged()
        => VerifyAsync(InMethod("""
            if ((int)p is {|PA0001:0|}) { }
            var label = (int)p switch { {|PA0001:0|} => "first", _ => "other" };
            switch ((int)p)
            {
                {|PA0001:case 0:|}
                    break;
            }
            """));

    [Fact]
    public Task EqualsOnTheNumberIsFlagged()
        => VerifyAsync(InMethod("if ({|PA0001:((int)p).Equals(0)|} || {|PA0001:Equals(0, (int)p)|}) { }"));

    [Fact]
    public Task NumberOfAnotherMemberIsNotFlagged()
        => VerifyAsync(InMethod("if ((int)p == 1 || (int)p is 2) { }"));

    [Fact]
    public Task PlainNumbersAreNotFlagged()
        => VerifyAsync(InMethod("if (number == 0 || number is 0) { }"));

    [Fact]
    public async Task UnderlyingValueComparisonIsReportedWithoutFixAndSaysWhy()
    {
        var run = await AuditRun.OfAsync(InMethod("if ((int)p == 0) { }"));

        var diagnostic = run.Single();
        Assert.Equal("true", diagnostic.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Equal(DiagnosticContract.NoFixReasons.UnderlyingValue, diagnostic.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.Contains("Comparison with the underlying value of ApiProvider.FirstParty", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("no automatic fix here: the check compares the enum's underlying number", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
