using Microsoft.CodeAnalysis;
using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>.editorconfig: severity, extra provider enums, string provider names, and PA0002 for bad values.</summary>
public sealed class ConfigurationTests
{
    private const string OwnEnum = """
        namespace MyApp
        {
            public enum {|PA0003:Backend|} { Anthropic, Aws, Google }

            public static class Code
            {
                public static bool Check(Backend b) => {|PA0001:b == Backend.Anthropic|} || b == Backend.Aws;
            }
        }
        """;

    private static string Config(params string[] lines) => "root = true\n[*.cs]\n" + string.Join("\n", lines) + "\n";

    [Fact]
    public Task Severity_is_set_with_the_standard_diagnostic_key()
        => VerifyAsync(
            """
            using ProviderAudit.Runtime;
            public static class Code { public static bool Check(ApiProvider p) => {|#0:p == ApiProvider.FirstParty|}; }
            """,
            Config("dotnet_diagnostic.PA0001.severity = suggestion"),
            PA0001().WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments(
                "ApiProvider.FirstParty",
                "guards code that names neither model ids nor auth/endpoints, so its concern is unclear",
                "decide which one this check means and ask provider.ModelIdFormat().IsFirstParty or provider.AuthTransport().IsFirstParty"));

    [Fact]
    public Task Severity_none_turns_the_audit_off()
        => VerifyAsync(
            """
            using ProviderAudit.Runtime;
            public static class Code { public static bool Check(ApiProvider p) => p == ApiProvider.FirstParty; }
            """,
            Config("dotnet_diagnostic.PA0001.severity = none"));

    [Fact]
    public Task Additional_provider_type_is_flagged_on_its_configured_first_party_member()
        => VerifyAsync(OwnEnum, Config("provider_audit.additional_provider_types = MyApp.Backend", "provider_audit.first_party_member = Anthropic"));

    [Fact]
    public Task Additional_provider_type_is_not_flagged_without_configuration()
        => VerifyAsync(StripMarkup(OwnEnum));

    [Fact]
    public async Task Additional_provider_type_without_capability_methods_is_reported_without_capability_fix()
    {
        var run = await AuditRun.OfAsync(
            StripMarkup(OwnEnum),
            editorConfig: new Dictionary<string, string>
            {
                ["provider_audit.additional_provider_types"] = "MyApp.Backend",
                ["provider_audit.first_party_member"] = "Anthropic",
            });

        var diagnostic = run.Single();
        Assert.Equal("false", diagnostic.Properties[DiagnosticContract.HasCapabilityFixProperty]);
        Assert.Equal("MyApp.Backend", diagnostic.Properties[DiagnosticContract.ProviderTypeProperty]);
        Assert.Equal(DiagnosticContract.NoFixReasons.NoCapabilityMethods, diagnostic.Properties[DiagnosticContract.NoFixReasonProperty]);
        Assert.Contains("becomes fixable with PA0003's fix: once 'Add capability mapping' gives Backend ToApiProvider(), ModelIdFormat() and AuthTransport()", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Additional_provider_type_with_capability_methods_is_reported_with_capability_fix()
    {
        var run = await AuditRun.OfAsync(
            StripMarkup(OwnEnum) + """

            namespace MyApp
            {
                public static class BackendCapabilities
                {
                    public static ProviderAudit.Runtime.IModelIdFormat ModelIdFormat(this Backend b) => ProviderAudit.Runtime.ModelIdFormats.FirstParty;
                    public static ProviderAudit.Runtime.IAuthTransport AuthTransport(this Backend b) => ProviderAudit.Runtime.AuthTransports.FirstParty;
                }
            }
            """,
            editorConfig: new Dictionary<string, string>
            {
                ["provider_audit.additional_provider_types"] = "MyApp.Backend",
                ["provider_audit.first_party_member"] = "Anthropic",
            });

        Assert.Equal("true", run.Single().Properties[DiagnosticContract.HasCapabilityFixProperty]);
    }

    [Fact]
    public async Task ApiProvider_diagnostics_carry_the_capability_fix_and_type_properties()
    {
        var run = await AuditRun.OfAsync("""
            using ProviderAudit.Runtime;
            public static class Code { public static bool Check(ApiProvider p) => p == ApiProvider.FirstParty; }
            """);

        var diagnostic = run.Single();
        Assert.Equal("true", diagnostic.Properties[DiagnosticContract.HasCapabilityFixProperty]);
        Assert.Equal("false", diagnostic.Properties[DiagnosticContract.NoFixProperty]);
        Assert.Equal("ProviderAudit.Runtime.ApiProvider", diagnostic.Properties[DiagnosticContract.ProviderTypeProperty]);
    }

    private const string StringChecks = """
        public sealed class Settings
        {
            public string GetApiProvider() => "bedrock";
            public string Other() => "firstParty";

            public void Use()
            {
                if ({|PA0001:GetApiProvider() == "firstParty"|}) { }
                if ({|PA0001:"firstParty" != this?.GetApiProvider()|}) { }
                if ({|PA0001:string.Equals(GetApiProvider(), "firstParty", System.StringComparison.Ordinal)|}) { }
                if ({|PA0001:GetApiProvider().Equals("firstParty")|}) { }
                if (GetApiProvider() is {|PA0001:"firstParty"|} or "vertex") { }
                switch (GetApiProvider())
                {
                    {|PA0001:case "firstParty":|}
                        break;
                }
                var label = GetApiProvider() switch { {|PA0001:"firstParty"|} => 1, _ => 2 };
                if (Other() == "firstParty" || GetApiProvider() == "bedrock") { }
            }
        }
        """;

    [Fact]
    public Task String_comparisons_with_provider_names_from_configured_members_are_flagged()
        => VerifyAsync(StringChecks, Config("provider_audit.string_provider_members = GetApiProvider"));

    [Fact]
    public Task String_comparisons_are_not_flagged_until_provider_members_are_configured()
        => VerifyAsync(StripMarkup(StringChecks));

    [Fact]
    public Task Configured_provider_names_replace_the_default()
        => VerifyAsync(
            """
            public sealed class Settings
            {
                public string ProviderName { get; } = "first-party";
                public bool A => {|PA0001:ProviderName == "first-party"|};
                public bool B => {|PA0001:ProviderName == "ANTHROPIC"|};
                public bool C => ProviderName == "firstParty";
            }
            """,
            Config("provider_audit.string_provider_members = ProviderName", "provider_audit.string_provider_names = first-party, anthropic"));

    [Fact]
    public Task Provider_name_put_in_a_local_or_readonly_field_first_is_flagged()
        => VerifyAsync(
            """
            public sealed class Host
            {
                private readonly string provider = GetApiProvider();

                public static string GetApiProvider() => "bedrock";

                public void Use()
                {
                    var name = GetApiProvider();
                    string copy = name;
                    if ({|PA0001:name == "firstParty"|}) { }
                    if ({|PA0001:copy == "firstParty"|}) { }
                    if ({|PA0001:provider == "firstParty"|}) { }
                    if (name is {|PA0001:"firstParty"|}) { }
                    switch (name)
                    {
                        {|PA0001:case "firstParty":|}
                            break;
                    }
                }
            }
            """,
            Config("provider_audit.string_provider_members = GetApiProvider"));

    [Fact]
    public Task Local_that_is_reassigned_is_not_followed()
        => VerifyAsync(
            """
            public sealed class Host
            {
                public static string GetApiProvider() => "bedrock";
                public static string Other() => "firstParty";

                public void Use()
                {
                    var name = GetApiProvider();
                    name = Other();
                    var other = Other();
                    if (name == "firstParty" || other == "firstParty") { }
                }
            }
            """,
            Config("provider_audit.string_provider_members = GetApiProvider"));

    [Fact]
    public async Task String_comparisons_are_reported_with_the_id_parser_as_their_capability_fix()
    {
        var run = await AuditRun.OfAsync(
            StripMarkup(StringChecks),
            editorConfig: new Dictionary<string, string> { ["provider_audit.string_provider_members"] = "GetApiProvider" });

        Assert.All(run.Diagnostics, d => Assert.Equal("true", d.Properties[DiagnosticContract.HasCapabilityFixProperty]));
        Assert.All(run.Diagnostics, d => Assert.Equal("ApiProviderIds", d.Properties[DiagnosticContract.ProviderIdParserProperty]));
        Assert.All(run.Diagnostics, d => Assert.Equal("System.String", d.Properties[DiagnosticContract.ProviderTypeProperty]));
        Assert.Contains("provider name \"firstParty\"", run.Diagnostics[0].GetMessage());
    }

    [Fact]
    public async Task String_comparisons_without_the_runtime_are_reported_without_capability_fix()
    {
        var run = await AuditRun.OfAsync(
            StripMarkup(StringChecks),
            referenceRuntime: false,
            editorConfig: new Dictionary<string, string> { ["provider_audit.string_provider_members"] = "GetApiProvider" });

        Assert.All(run.Diagnostics, d => Assert.Equal("false", d.Properties[DiagnosticContract.HasCapabilityFixProperty]));
        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticContract.NoFixReasons.StringProviderName, d.Properties[DiagnosticContract.NoFixReasonProperty]));
        Assert.Contains("resolve the backend and ask its capability", run.Diagnostics[0].GetMessage());
    }

    private const string Clean = """
        using ProviderAudit.Runtime;
        public enum NotFirst { A, B }
        public sealed class NotAnEnum { }
        public static class Code { public static bool Check(ApiProvider p) => p.AuthTransport().IsFirstParty; }
        """;

    [Fact]
    public Task Empty_additional_provider_types_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.additional_provider_types = MyApp.Backend,,Other.Backend"),
            PA0002().WithArguments(
                "provider_audit.additional_provider_types",
                "MyApp.Backend,,Other.Backend",
                "empty entry in the list; list fully-qualified enum names separated by commas, e.g. MyApp.Backends.BackendKind, or remove the key"));

    [Fact]
    public Task Malformed_type_name_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.additional_provider_types = MyApp.Back end"),
            PA0002().WithArguments(
                "provider_audit.additional_provider_types",
                "MyApp.Back end",
                "'MyApp.Back end' is not a fully-qualified type name; write Namespace.TypeName (nested types as Namespace.Outer+Inner)"));

    [Fact]
    public Task Type_that_is_not_an_enum_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.additional_provider_types = NotAnEnum"),
            PA0002().WithArguments(
                "provider_audit.additional_provider_types",
                "NotAnEnum",
                "'NotAnEnum' is a class, not an enum; list only provider enums"));

    [Fact]
    public Task Enum_without_the_first_party_member_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.additional_provider_types = NotFirst"),
            PA0002().WithArguments(
                "provider_audit.first_party_member",
                "FirstParty",
                "enum 'NotFirst' has no member 'FirstParty'; set provider_audit.first_party_member to the member that means first party"));

    [Fact]
    public Task First_party_member_that_is_not_an_identifier_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.first_party_member = First-Party"),
            PA0002().WithArguments(
                "provider_audit.first_party_member",
                "First-Party",
                "not a C# identifier; name the enum member that means first party, e.g. FirstParty"));

    [Fact]
    public Task Empty_string_provider_names_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.string_provider_names = ,"),
            PA0002().WithArguments(
                "provider_audit.string_provider_names",
                ",",
                "empty entry in the list; list the provider ids that mean first party separated by commas, e.g. anthropic, first-party, or remove the key"));

    [Fact]
    public Task String_provider_member_that_is_not_a_name_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.string_provider_members = Settings.GetApiProvider()"),
            PA0002().WithArguments(
                "provider_audit.string_provider_members",
                "Settings.GetApiProvider()",
                "'Settings.GetApiProvider()' is not a member name; write the bare method/property name (GetApiProvider), or the member and the element of the tuple it returns (Split.provider, Split.Item1)"));

    [Theory]
    [InlineData("bedrock", "'bedrock' is the Bedrock backend's id in ApiProviderIds, so it cannot also mean first party; list only the ids your code uses for Anthropic's own API")]
    [InlineData("Claude-Platform-Aws", "'Claude-Platform-Aws' is the ClaudePlatformAws backend's id in ApiProviderIds, so it cannot also mean first party; list only the ids your code uses for Anthropic's own API")]
    [InlineData("anthropic api", "'anthropic api' is not a provider id: use ASCII letters, digits and - _ . : / @ +, e.g. anthropic")]
    [InlineData("\"anthropic\"", "'\"anthropic\"' is not a provider id: use ASCII letters, digits and - _ . : / @ +, e.g. anthropic")]
    public Task FirstParty_id_that_ApiProviderIds_cannot_take_is_invalid(string id, string problem)
        => VerifyAsync(
            Clean,
            Config("provider_audit.string_provider_names = anthropic, " + id),
            PA0002().WithArguments("provider_audit.string_provider_names", "anthropic, " + id, problem));

    [Fact]
    public Task Invalid_FirstParty_id_is_dropped_and_the_valid_ones_stay_in_force()
        => VerifyAsync(
            """
            public sealed class Settings
            {
                public string ProviderName { get; } = "anthropic";
                public bool A => {|PA0001:ProviderName == "anthropic"|};
                public bool B => ProviderName == "bedrock";
            }
            """,
            Config("provider_audit.string_provider_members = ProviderName", "provider_audit.string_provider_names = anthropic, bedrock"),
            PA0002().WithArguments(
                "provider_audit.string_provider_names",
                "anthropic, bedrock",
                "'bedrock' is the Bedrock backend's id in ApiProviderIds, so it cannot also mean first party; list only the ids your code uses for Anthropic's own API"));

    [Fact]
    public Task Runtimes_FirstParty_ids_are_the_default()
        => VerifyAsync(
            """
            public sealed class Settings
            {
                public string ProviderName { get; } = "first-party";
                public bool A => {|PA0001:ProviderName == "first-party"|};
                public bool B => {|PA0001:ProviderName == "firstParty"|};
                public bool C => ProviderName == "anthropic";
            }
            """,
            Config("provider_audit.string_provider_members = ProviderName"));

    [Fact]
    public async Task Configured_FirstParty_ids_the_runtime_does_not_know_are_reported_for_find()
    {
        var run = await AuditRun.OfAsync(
            "public sealed class S { public string ProviderName { get; } = \"\"; public bool A => ProviderName == \"Anthropic\"; }",
            editorConfig: new Dictionary<string, string>
            {
                ["provider_audit.string_provider_members"] = "ProviderName",
                ["provider_audit.string_provider_names"] = "first-party, claude-api, anthropic",
            });

        var finding = run.Single();
        Assert.Equal("anthropic,claude-api", finding.Properties[DiagnosticContract.FirstPartyIdsProperty]);
        Assert.Contains("ask ApiProviderIds.Find(id, \"anthropic\", \"claude-api\")?.", finding.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public Task Unknown_provider_audit_key_is_invalid()
        => VerifyAsync(
            Clean,
            Config("provider_audit.additional_provider_type = MyApp.Backend"),
            PA0002().WithArguments(
                "provider_audit.additional_provider_type",
                "MyApp.Backend",
                "unknown ProviderAudit key; the known keys are provider_audit.additional_provider_types, provider_audit.first_party_member, provider_audit.string_provider_names, provider_audit.string_provider_members"));

    [Fact]
    public Task Invalid_configuration_does_not_stop_the_audit()
        => VerifyAsync(
            """
            using ProviderAudit.Runtime;
            public static class Code { public static bool Check(ApiProvider p) => {|PA0001:p == ApiProvider.FirstParty|}; }
            """,
            Config("provider_audit.first_party_member = 42"),
            PA0002().WithArguments(
                "provider_audit.first_party_member",
                "42",
                "not a C# identifier; name the enum member that means first party, e.g. FirstParty"));

    [Fact]
    public Task Configured_type_missing_from_the_compilation_is_skipped_like_ApiProvider()
        => VerifyAsync(Clean, Config("provider_audit.additional_provider_types = Elsewhere.Backend"));

    private static string StripMarkup(string source) =>
        source.Replace("{|PA0001:", string.Empty).Replace("{|PA0003:", string.Empty).Replace("|}", string.Empty);
}
