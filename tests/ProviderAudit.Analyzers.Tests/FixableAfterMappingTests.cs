namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// Before a host enum has its capability mapping, a finding on it has no fix — but says honestly whether it becomes fixable
/// once PA0003's fix writes the mapping: in its message, and in the <c>FixableAfter</c> property reports read.
/// </summary>
public sealed class FixableAfterMappingTests
{
    private static readonly Dictionary<string, string> Config = new()
    {
        ["provider_audit.additional_provider_types"] = "MyApp.Backend",
        ["provider_audit.first_party_member"] = "Anthropic",
    };

    private static string Code(string enumDeclaration, string check) => $$"""
        namespace MyApp
        {
            {{enumDeclaration}}

            public static class Code
            {
                {{check}}
            }
        }
        """;

    private const string Enum = "public enum Backend { Anthropic, Bedrock }";

    [Theory]
    [InlineData("public static string Model(Backend b) => b == Backend.Anthropic ? \"claude-sonnet-4-6\" : \"other\";", "this check's fix asks provider.ModelIdFormat().IsFirstParty")]
    [InlineData("public static string Header(Backend b) => b != Backend.Anthropic ? \"authorization\" : \"x-api-key\";", "this check's fix asks provider.AuthTransport().IsFirstParty")]
    [InlineData("public static bool Is(Backend b) => b is Backend.Anthropic;", "this check's fixes ask provider.ModelIdFormat().IsFirstParty (the default) or provider.AuthTransport().IsFirstParty")]
    [InlineData("public static int Case(Backend b) { switch (b) { case Backend.Anthropic: return 1; default: return 2; } }", "this check's fixes ask")]
    public async Task Finding_whose_shape_the_fixes_rewrite_becomes_fixable_with_the_mapping_fix(string check, string fix)
    {
        var finding = (await AuditRun.OfAsync(Code(Enum, check), editorConfig: Config)).Single();

        Assert.Equal("true", finding.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Equal(DiagnosticContract.NoFixReasons.NoCapabilityMethods, finding.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.Equal(DiagnosticContract.MissingProviderMappingId, finding.Properties[DiagnosticContract.FixableAfterProperty]);
        Assert.Contains("becomes fixable with PA0003's fix: once 'Add capability mapping' gives Backend ToApiProvider(), ModelIdFormat() and AuthTransport(), " + fix, finding.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_that_needs_a_hand_rewrite_even_after_the_mapping_is_not_promised_a_fix()
    {
        var finding = (await AuditRun.OfAsync(Code(Enum, "public static bool Never() => Equals(default, Backend.Anthropic);"), editorConfig: Config)).Single();

        Assert.False(finding.Properties.ContainsKey(DiagnosticContract.FixableAfterProperty));
        Assert.Contains("then rewrite this check by hand", finding.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_of_another_no_fix_reason_is_not_promised_a_fix()
    {
        var finding = (await AuditRun.OfAsync(Code(Enum, "public static bool Pair(Backend a, Backend b) => (a, b) == (Backend.Anthropic, Backend.Bedrock);"), editorConfig: Config)).Single();

        Assert.Equal(DiagnosticContract.NoFixReasons.TupleEquality, finding.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.False(finding.Properties.ContainsKey(DiagnosticContract.FixableAfterProperty));
    }

    [Fact]
    public async Task Enum_the_mapping_fix_cannot_extend_is_not_promised_a_fix()
    {
        var source = """
            namespace MyApp
            {
                public sealed class Holder<T>
                {
                    public enum Backend { Anthropic, Bedrock }

                    public static bool Check(Backend b) => b == Backend.Anthropic;
                }
            }
            """;
        var config = new Dictionary<string, string>(Config) { ["provider_audit.additional_provider_types"] = "MyApp.Holder`1+Backend" };

        var finding = (await AuditRun.OfAsync(source, editorConfig: config)).Single();

        Assert.False(finding.Properties.ContainsKey(DiagnosticContract.FixableAfterProperty));
        Assert.Contains("give Backend ModelIdFormat() and AuthTransport() extension methods by hand (PA0003's fix cannot write them here", finding.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_runtime_to_map_onto_no_fix_is_promised()
    {
        var finding = (await AuditRun.OfAsync(Code(Enum, "public static bool Is(Backend b) => b == Backend.Anthropic;"), referenceRuntime: false, editorConfig: Config))
            .Single();

        Assert.False(finding.Properties.ContainsKey(DiagnosticContract.FixableAfterProperty));
    }

    [Fact]
    public async Task Fixable_finding_carries_no_fixable_after_property()
    {
        var finding = (await AuditRun.OfAsync("""
            using ProviderAudit.Runtime;
            public static class Code { public static bool Check(ApiProvider p) => p == ApiProvider.FirstParty; }
            """)).Single();

        Assert.Equal("false", finding.Properties[DiagnosticContract.NoFixProperty]);
        Assert.False(finding.Properties.ContainsKey(DiagnosticContract.FixableAfterProperty));
    }
}
