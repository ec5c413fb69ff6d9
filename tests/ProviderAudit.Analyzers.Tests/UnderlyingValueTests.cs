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
    public Task Cast_to_int_compared_with_zero_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:(int)p == 0|}) { }"));

    [Fact]
    public Task Zero_on_the_left_and_inequality_are_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:0 != (int)p|}) { }"));

    [Fact]
    public Task Narrower_and_wider_casts_are_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:(byte)p == 0|} || {|PA0001:(long)p == 0L|}) { }"));

    [Fact]
    public Task Number_of_the_first_party_member_itself_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:(int)p == (int)ApiProvider.FirstParty|}) { }"));

    [Fact]
    public Task Nullable_provider_cast_to_nullable_int_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:(int?)maybe == 0|}) { }"));

    [Fact]
    public Task Patterns_and_switches_over_the_number_are_flagged()
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
    public Task Equals_on_the_number_is_flagged()
        => VerifyAsync(InMethod("if ({|PA0001:((int)p).Equals(0)|} || {|PA0001:Equals(0, (int)p)|}) { }"));

    [Fact]
    public Task Number_of_another_member_is_not_flagged()
        => VerifyAsync(InMethod("if ((int)p == 1 || (int)p is 2) { }"));

    [Fact]
    public Task Plain_numbers_are_not_flagged()
        => VerifyAsync(InMethod("if (number == 0 || number is 0) { }"));

    [Fact]
    public async Task Underlying_value_comparison_is_reported_without_fix_and_says_why()
    {
        var run = await AuditRun.OfAsync(InMethod("if ((int)p == 0) { }"));

        var diagnostic = run.Single();
        Assert.Equal("true", diagnostic.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Equal(DiagnosticContract.NoFixReasons.UnderlyingValue, diagnostic.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.Contains("Comparison with the underlying value of ApiProvider.FirstParty", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("no automatic fix here: the check compares the enum's underlying number", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
