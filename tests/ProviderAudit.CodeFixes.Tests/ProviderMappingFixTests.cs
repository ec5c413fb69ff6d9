using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// PA0003's fix writes the capability mapping of a host provider enum into an existing file. Each test also runs Fix All
/// (document, project, solution) and compiles the result with warnings checked.
/// </summary>
public sealed class ProviderMappingFixTests
{
    private const string Summary = """
            /// <summary>
            /// Maps <c>Backend</c> to the ProviderAudit runtime, so a check asks the capability it is about
            /// (<c>backend.ModelIdFormat().IsFirstParty</c>, <c>backend.AuthTransport().IsFirstParty</c>) instead of
            /// comparing with <c>Backend.Anthropic</c> (analyzer rule PA0001).
            /// Added by the PA0003 fix: members are matched to <c>ApiProvider</c> by name, <c>Backend.Anthropic</c>
            /// (provider_audit.first_party_member) to <c>FirstParty</c>.
            /// </summary>
        """;

    private const string NullableSummary = """
            /// <summary>
            /// Maps <c>Backend</c> to the ProviderAudit runtime, so a check asks the capability it is about
            /// (<c>backend.ModelIdFormat()?.IsFirstParty</c>, <c>backend.AuthTransport()?.IsFirstParty</c>) instead of
            /// comparing with <c>Backend.Anthropic</c> (analyzer rule PA0001).
            /// Added by the PA0003 fix: members are matched to <c>ApiProvider</c> by name, <c>Backend.Anthropic</c>
            /// (provider_audit.first_party_member) to <c>FirstParty</c>.
            /// </summary>
        """;

    private const string Capabilities = """
                /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                public static IModelIdFormat ModelIdFormat(this Backend backend) => backend.ToApiProvider().ModelIdFormat();

                /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                public static IAuthTransport AuthTransport(this Backend backend) => backend.ToApiProvider().AuthTransport();
        """;

    private const string NullableCapabilities = """
                /// <summary>How the backend of <paramref name="backend"/> spells model ids; null when it maps to none.</summary>
                public static IModelIdFormat? ModelIdFormat(this Backend backend) => backend.ToApiProvider()?.ModelIdFormat();

                /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go; null when it maps to none.</summary>
                public static IAuthTransport? AuthTransport(this Backend backend) => backend.ToApiProvider()?.AuthTransport();
        """;

    private const string Undefined = """
                    _ => throw new System.ArgumentOutOfRangeException(nameof(backend), backend, "Not a defined Backend value."),
        """;

    private const string Unmapped = "            // Map it to the ApiProvider it talks to, or keep null: no Claude backend, its capabilities are null and its first-party checks stay false.";

    [Fact]
    public Task MembersAreMappedByNameAndTheFirstPartyMemberToFirstParty()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, Bedrock, Vertex, Foundry, ClaudePlatformAws }

                internal static class Code
                {
                    public static bool Check(Backend b) => {|PA0001:b == Backend.Anthropic|};
                }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, Bedrock, Vertex, Foundry, ClaudePlatformAws }

            {{Summary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ApiProvider.FirstParty,
                        Backend.Bedrock => ApiProvider.Bedrock,
                        Backend.Vertex => ApiProvider.Vertex,
                        Backend.Foundry => ApiProvider.Foundry,
                        Backend.ClaudePlatformAws => ApiProvider.ClaudePlatformAws,
            {{Undefined}}
                    };

            {{Capabilities}}
                }

                internal static class Code
                {
                    public static bool Check(Backend b) => {|PA0001:b == Backend.Anthropic|};
                }
            }
            """);

    [Fact]
    public Task ExtraMemberMapsToNothingAndIsCalledOutForTheTeam()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, Bedrock, OpenAI }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, Bedrock, OpenAI }

            {{NullableSummary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for; null for a value that maps to no Claude backend.</summary>
                    public static ApiProvider? ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ApiProvider.FirstParty,
                        Backend.Bedrock => ApiProvider.Bedrock,
                        // TODO(PA0003): Backend.OpenAI matches no ApiProvider member by name.
            {{Unmapped}}
                        Backend.OpenAI => null,
            {{Undefined}}
                    };

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task RenamedMembersAreNeverGuessed()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, AmazonBedrock, GoogleVertex }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, AmazonBedrock, GoogleVertex }

            {{NullableSummary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for; null for a value that maps to no Claude backend.</summary>
                    public static ApiProvider? ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ApiProvider.FirstParty,
                        // TODO(PA0003): Backend.AmazonBedrock matches no ApiProvider member by name.
            {{Unmapped}}
                        Backend.AmazonBedrock => null,
                        // TODO(PA0003): Backend.GoogleVertex matches no ApiProvider member by name.
            {{Unmapped}}
                        Backend.GoogleVertex => null,
            {{Undefined}}
                    };

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task MemberNamedFirstPartyIsNotFirstPartyWhenAnotherMemberIsConfigured()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, FirstParty }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, FirstParty }

            {{NullableSummary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for; null for a value that maps to no Claude backend.</summary>
                    public static ApiProvider? ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ApiProvider.FirstParty,
                        // TODO(PA0003): Backend.FirstParty is named like ApiProvider.FirstParty, but the first-party member is Backend.Anthropic (provider_audit.first_party_member), which the old checks compared with.
            {{Unmapped}}
                        Backend.FirstParty => null,
            {{Undefined}}
                    };

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task NamesMatchIgnoringCaseAndUnderscoresAndAliasesShareOneArm()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic = 0, Claude = 0, BEDROCK = 1, Claude_Platform_Aws = 2, Cpa = 2 }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic = 0, Claude = 0, BEDROCK = 1, Claude_Platform_Aws = 2, Cpa = 2 }

            {{Summary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ApiProvider.FirstParty,
                        Backend.BEDROCK => ApiProvider.Bedrock,
                        Backend.Claude_Platform_Aws => ApiProvider.ClaudePlatformAws,
            {{Undefined}}
                    };

            {{Capabilities}}
                }
            }
            """);

    [Fact]
    public Task FlagsEnumMapsSingleMembersAndCombinationsToNothing()
        => MappingTest(
            """
            namespace MyApp
            {
                [System.Flags]
                internal enum {|PA0003:Backend|} { None = 0, Anthropic = 1, Bedrock = 2, Vertex = 4, Cloud = Bedrock | Vertex }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                [System.Flags]
                internal enum Backend { None = 0, Anthropic = 1, Bedrock = 2, Vertex = 4, Cloud = Bedrock | Vertex }

            {{NullableSummary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for; null for a value that maps to no Claude backend.</summary>
                    public static ApiProvider? ToApiProvider(this Backend backend) => backend switch
                    {
                        // TODO(PA0003): Backend.None matches no ApiProvider member by name.
            {{Unmapped}}
                        Backend.None => null,
                        Backend.Anthropic => ApiProvider.FirstParty,
                        Backend.Bedrock => ApiProvider.Bedrock,
                        Backend.Vertex => ApiProvider.Vertex,
                        // TODO(PA0003): Backend.Cloud matches no ApiProvider member by name.
            {{Unmapped}}
                        Backend.Cloud => null,
                        // [Flags] combinations of members map to no backend.
                        _ => null,
                    };

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task NestedEnumGetsItsMappingAfterTheOutermostType()
        => MappingTest(
            """
            namespace MyApp
            {
                internal static class Settings
                {
                    internal enum {|PA0003:Backend|} { Anthropic, Bedrock }
                }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal static class Settings
                {
                    internal enum Backend { Anthropic, Bedrock }
                }

            {{Summary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Settings.Backend backend) => backend switch
                    {
                        Settings.Backend.Anthropic => ApiProvider.FirstParty,
                        Settings.Backend.Bedrock => ApiProvider.Bedrock,
            {{Undefined}}
                    };

                    /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                    public static IModelIdFormat ModelIdFormat(this Settings.Backend backend) => backend.ToApiProvider().ModelIdFormat();

                    /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                    public static IAuthTransport AuthTransport(this Settings.Backend backend) => backend.ToApiProvider().AuthTransport();
                }
            }
            """,
            types: "MyApp.Settings+Backend");

    [Fact]
    public Task PublicEnumGetsAPublicDocumentedMapping()
        => MappingTest(
            """
            namespace MyApp;

            /// <summary>Where requests go.</summary>
            public enum {|PA0003:Backend|}
            {
                /// <summary>Anthropic's API.</summary>
                Anthropic,
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp;

            /// <summary>Where requests go.</summary>
            public enum Backend
            {
                /// <summary>Anthropic's API.</summary>
                Anthropic,
            }

            {{Summary.Replace("\n    ", "\n").TrimStart()}}
            public static class BackendCapabilities
            {
                /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                public static ApiProvider ToApiProvider(this Backend backend) => backend switch
                {
                    Backend.Anthropic => ApiProvider.FirstParty,
                    _ => throw new System.ArgumentOutOfRangeException(nameof(backend), backend, "Not a defined Backend value."),
                };

                /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                public static IModelIdFormat ModelIdFormat(this Backend backend) => backend.ToApiProvider().ModelIdFormat();

                /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                public static IAuthTransport AuthTransport(this Backend backend) => backend.ToApiProvider().AuthTransport();
            }
            """,
            documentationMode: true);

    private static Task MappingTest(string source, string fixedSource, string types = "MyApp.Backend", bool documentationMode = false)
    {
        var test = new MappingFixTest(documentationMode) { TestCode = source, FixedCode = fixedSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config(types)));
        return test.RunAsync();
    }

    private static string Config(string types) => $"""
        root = true
        [*.cs]
        provider_audit.additional_provider_types = {types}
        provider_audit.first_party_member = Anthropic
        """;

    private sealed class MappingFixTest : CSharpCodeFixTest<FirstPartyComparisonAnalyzer, ProviderMappingCodeFixProvider, DefaultVerifier>
    {
        private readonly bool _documentationMode;

        public MappingFixTest(bool documentationMode = false)
        {
            _documentationMode = documentationMode;
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            // PA0003 has two descriptors (declaration / first finding); {|PA0003:…|} markup means the declaration one.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable).WithSpecificDiagnosticOptions(
                new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

        /// <summary>Documentation comments are checked (CS1591) only where a test asks for it, like a project with GenerateDocumentationFile.</summary>
        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithDocumentationMode(_documentationMode ? DocumentationMode.Diagnose : DocumentationMode.Parse);
    }
}
