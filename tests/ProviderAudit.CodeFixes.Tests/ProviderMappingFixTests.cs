using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Mutation;
using ProviderAudit.Analyzers.Rules;
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

    /// <summary>The same, where nullable annotations are off: no <c>?</c> on the returned interfaces, and no directive to add one.</summary>
    private const string UnannotatedNullableCapabilities = """
                /// <summary>How the backend of <paramref name="backend"/> spells model ids; null when it maps to none.</summary>
                public static IModelIdFormat ModelIdFormat(this Backend backend) => backend.ToApiProvider()?.ModelIdFormat();

                /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go; null when it maps to none.</summary>
                public static IAuthTransport AuthTransport(this Backend backend) => backend.ToApiProvider()?.AuthTransport();
        """;

    private const string Undefined = """
                        default:
                            throw new System.ArgumentOutOfRangeException(nameof(backend), backend, "Not a defined Backend value.");
        """;

    private const string Unmapped = "                // Map it to the ApiProvider it talks to, or keep null: no Claude backend, its capabilities are null and its first-party checks stay false.";

    [Fact]
    public Task Members_are_mapped_by_name_and_the_first_party_member_to_FirstParty()
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
                    public static ApiProvider ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.Bedrock:
                                return ApiProvider.Bedrock;
                            case Backend.Vertex:
                                return ApiProvider.Vertex;
                            case Backend.Foundry:
                                return ApiProvider.Foundry;
                            case Backend.ClaudePlatformAws:
                                return ApiProvider.ClaudePlatformAws;
            {{Undefined}}
                        }
                    }

            {{Capabilities}}
                }

                internal static class Code
                {
                    public static bool Check(Backend b) => {|PA0001:b == Backend.Anthropic|};
                }
            }
            """);

    [Fact]
    public Task Extra_member_maps_to_nothing_and_is_called_out_for_the_team()
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
                    public static ApiProvider? ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.Bedrock:
                                return ApiProvider.Bedrock;
                            // TODO(PA0003): Backend.OpenAI matches no Claude backend by name.
            {{Unmapped}}
                            case Backend.OpenAI:
                                return null;
            {{Undefined}}
                        }
                    }

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task Members_are_matched_by_the_spellings_real_code_uses()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, AmazonBedrock, VertexAI, AzureFoundry, ClaudePlatformOnAws }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, AmazonBedrock, VertexAI, AzureFoundry, ClaudePlatformOnAws }

            {{Summary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.AmazonBedrock:
                                return ApiProvider.Bedrock;
                            case Backend.VertexAI:
                                return ApiProvider.Vertex;
                            case Backend.AzureFoundry:
                                return ApiProvider.Foundry;
                            case Backend.ClaudePlatformOnAws:
                                return ApiProvider.ClaudePlatformAws;
            {{Undefined}}
                        }
                    }

            {{Capabilities}}
                }
            }
            """);

    [Fact]
    public Task Names_that_could_mean_two_backends_are_never_guessed()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, Aws, Google, OpenAI }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, Aws, Google, OpenAI }

            {{NullableSummary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for; null for a value that maps to no Claude backend.</summary>
                    public static ApiProvider? ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            // TODO(PA0003): Backend.Aws could mean Amazon Bedrock or Claude Platform on AWS.
            {{Unmapped}}
                            case Backend.Aws:
                                return null;
                            // TODO(PA0003): Backend.Google could mean Vertex AI or Google's own models.
            {{Unmapped}}
                            case Backend.Google:
                                return null;
                            // TODO(PA0003): Backend.OpenAI matches no Claude backend by name.
            {{Unmapped}}
                            case Backend.OpenAI:
                                return null;
            {{Undefined}}
                        }
                    }

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task Member_named_FirstParty_is_not_FirstParty_when_another_member_is_configured()
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
                    public static ApiProvider? ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            // TODO(PA0003): Backend.FirstParty is named like Anthropic's own API, but the first-party member is Backend.Anthropic (provider_audit.first_party_member), which the old checks compared with.
            {{Unmapped}}
                            case Backend.FirstParty:
                                return null;
            {{Undefined}}
                        }
                    }

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task Names_match_ignoring_case_and_underscores_and_aliases_share_one_arm()
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
                    public static ApiProvider ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.BEDROCK:
                                return ApiProvider.Bedrock;
                            case Backend.Claude_Platform_Aws:
                                return ApiProvider.ClaudePlatformAws;
            {{Undefined}}
                        }
                    }

            {{Capabilities}}
                }
            }
            """);

    [Fact]
    public Task Flags_enum_maps_single_members_and_combinations_to_nothing()
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
                    public static ApiProvider? ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            // TODO(PA0003): Backend.None matches no Claude backend by name.
            {{Unmapped}}
                            case Backend.None:
                                return null;
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.Bedrock:
                                return ApiProvider.Bedrock;
                            case Backend.Vertex:
                                return ApiProvider.Vertex;
                            // TODO(PA0003): Backend.Cloud matches no Claude backend by name.
            {{Unmapped}}
                            case Backend.Cloud:
                                return null;
                            default:
                                // [Flags] combinations of members map to no backend.
                                return null;
                        }
                    }

            {{NullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task Nested_enum_gets_its_mapping_after_the_outermost_type()
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
                    public static ApiProvider ToApiProvider(this Settings.Backend backend)
                    {
                        switch (backend)
                        {
                            case Settings.Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Settings.Backend.Bedrock:
                                return ApiProvider.Bedrock;
            {{Undefined}}
                        }
                    }

                    /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                    public static IModelIdFormat ModelIdFormat(this Settings.Backend backend) => backend.ToApiProvider().ModelIdFormat();

                    /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                    public static IAuthTransport AuthTransport(this Settings.Backend backend) => backend.ToApiProvider().AuthTransport();
                }
            }
            """,
            types: "MyApp.Settings+Backend");

    [Fact]
    public Task Public_enum_gets_an_internal_mapping_that_keeps_the_public_API_as_it_is()
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
            internal static class BackendCapabilities
            {
                /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                public static ApiProvider ToApiProvider(this Backend backend)
                {
                    switch (backend)
                    {
                        case Backend.Anthropic:
                            return ApiProvider.FirstParty;
                        default:
                            throw new System.ArgumentOutOfRangeException(nameof(backend), backend, "Not a defined Backend value.");
                    }
                }

                /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                public static IModelIdFormat ModelIdFormat(this Backend backend) => backend.ToApiProvider().ModelIdFormat();

                /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                public static IAuthTransport AuthTransport(this Backend backend) => backend.ToApiProvider().AuthTransport();
            }
            """,
            documentationMode: true);

    [Fact]
    public Task Enum_from_a_referenced_assembly_gets_its_mapping_in_the_consuming_project()
    {
        var test = new MappingFixTest
        {
            TestCode = """
                namespace Consumer;

                internal static class Code
                {
                    public static bool Check(MyApp.Backend b) => b == MyApp.Backend.Anthropic;
                }
                """,
            FixedCode = $$"""
                using ProviderAudit.Runtime;

                namespace Consumer;

                internal static class Code
                {
                    public static bool Check(MyApp.Backend b) => b == MyApp.Backend.Anthropic;
                }

                {{Summary.Replace("\n    ", "\n").TrimStart()}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this MyApp.Backend backend)
                    {
                        switch (backend)
                        {
                            case MyApp.Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case MyApp.Backend.Bedrock:
                                return ApiProvider.Bedrock;
                            default:
                                throw new System.ArgumentOutOfRangeException(nameof(backend), backend, "Not a defined Backend value.");
                        }
                    }

                    /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                    public static IModelIdFormat ModelIdFormat(this MyApp.Backend backend) => backend.ToApiProvider().ModelIdFormat();

                    /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                    public static IAuthTransport AuthTransport(this MyApp.Backend backend) => backend.ToApiProvider().AuthTransport();
                }
                """,
            // PA0003 on a referenced enum sits on its first finding, known only when the compilation ends (non-local).
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.AdditionalReferences.Add(ReferencedLibrary("namespace MyApp { public enum Backend { Anthropic, Bedrock } }"));
        test.TestState.ExpectedDiagnostics.Add(At(ProviderAuditDescriptors.FirstPartyComparison, test.TestState.Sources[0].content.ToString(), "b == MyApp.Backend.Anthropic"));
        test.TestState.ExpectedDiagnostics.Add(At(ProviderAuditDescriptors.MissingProviderMappingAtFirstFinding, test.TestState.Sources[0].content.ToString(), "b == MyApp.Backend.Anthropic"));
        test.FixedState.ExpectedDiagnostics.Add(At(ProviderAuditDescriptors.FirstPartyComparison, test.FixedState.Sources[0].content.ToString(), "b == MyApp.Backend.Anthropic"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config("MyApp.Backend")));
        return test.RunAsync();
    }

    [Fact]
    public Task Partial_mapping_gets_only_the_missing_capability_in_its_own_class()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, Bedrock, Local }

                internal static class BackendMapping
                {
                    public static ProviderAudit.Runtime.ApiProvider? ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ProviderAudit.Runtime.ApiProvider.FirstParty,
                        Backend.Bedrock => ProviderAudit.Runtime.ApiProvider.Bedrock,
                        _ => null,
                    };

                    public static ProviderAudit.Runtime.IModelIdFormat? ModelIdFormat(this Backend backend) =>
                        backend.ToApiProvider() is { } provider ? ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(provider) : null;
                }
            }
            """,
            """
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, Bedrock, Local }

                internal static class BackendMapping
                {
                    public static ProviderAudit.Runtime.ApiProvider? ToApiProvider(this Backend backend) => backend switch
                    {
                        Backend.Anthropic => ProviderAudit.Runtime.ApiProvider.FirstParty,
                        Backend.Bedrock => ProviderAudit.Runtime.ApiProvider.Bedrock,
                        _ => null,
                    };

                    public static ProviderAudit.Runtime.IModelIdFormat? ModelIdFormat(this Backend backend) =>
                        backend.ToApiProvider() is { } provider ? ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(provider) : null;

                    /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go; null when it maps to none.</summary>
                    public static IAuthTransport? AuthTransport(this Backend backend) => backend.ToApiProvider()?.AuthTransport();
                }
            }
            """);

    [Fact]
    public Task Hand_written_capability_keeps_its_class_and_gets_the_translation_and_the_other_capability()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, Bedrock }

                internal static class BackendMapping
                {
                    public static ProviderAudit.Runtime.IModelIdFormat ModelIdFormat(this Backend backend) =>
                        ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(ProviderAudit.Runtime.ApiProvider.Bedrock);
                }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, Bedrock }

                internal static class BackendMapping
                {
                    public static ProviderAudit.Runtime.IModelIdFormat ModelIdFormat(this Backend backend) =>
                        ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(ProviderAudit.Runtime.ApiProvider.Bedrock);

                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.Bedrock:
                                return ApiProvider.Bedrock;
            {{Undefined}}
                        }
                    }

                    /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                    public static IAuthTransport AuthTransport(this Backend backend) => backend.ToApiProvider().AuthTransport();
                }
            }
            """);

    [Fact]
    public Task Translation_shipped_by_the_enums_library_is_reused_by_the_consumers_capabilities()
    {
        var test = new MappingFixTest
        {
            TestCode = """
                namespace Consumer
                {
                    internal static class Code
                    {
                        public static bool Check(MyApp.Backend b) => b == MyApp.Backend.Anthropic;
                    }
                }
                """,
            FixedCode = """
                using ProviderAudit.Runtime;

                namespace Consumer
                {
                    internal static class Code
                    {
                        public static bool Check(MyApp.Backend b) => b == MyApp.Backend.Anthropic;
                    }

                    /// <summary>
                    /// Maps <c>Backend</c> to the ProviderAudit runtime, so a check asks the capability it is about
                    /// (<c>backend.ModelIdFormat().IsFirstParty</c>, <c>backend.AuthTransport().IsFirstParty</c>).
                    /// Added by the PA0003 fix: members are matched to <c>ApiProvider</c> by name.
                    /// </summary>
                    internal static class BackendCapabilities
                    {
                        /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                        public static IModelIdFormat ModelIdFormat(this MyApp.Backend backend) => MyApp.BackendMapping.ToApiProvider(backend).ModelIdFormat();

                        /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                        public static IAuthTransport AuthTransport(this MyApp.Backend backend) => MyApp.BackendMapping.ToApiProvider(backend).AuthTransport();
                    }
                }
                """,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.AdditionalReferences.Add(ReferencedLibrary("""
            namespace MyApp
            {
                public enum Backend { Anthropic, Bedrock }

                public static class BackendMapping
                {
                    public static ProviderAudit.Runtime.ApiProvider ToApiProvider(this Backend backend) =>
                        backend is Backend.Anthropic ? ProviderAudit.Runtime.ApiProvider.FirstParty : ProviderAudit.Runtime.ApiProvider.Bedrock;
                }
            }
            """));
        test.TestState.ExpectedDiagnostics.Add(At(ProviderAuditDescriptors.FirstPartyComparison, test.TestState.Sources[0].content.ToString(), "b == MyApp.Backend.Anthropic"));
        test.TestState.ExpectedDiagnostics.Add(At(ProviderAuditDescriptors.MissingProviderMappingAtFirstFinding, test.TestState.Sources[0].content.ToString(), "b == MyApp.Backend.Anthropic"));
        test.FixedState.ExpectedDiagnostics.Add(At(ProviderAuditDescriptors.FirstPartyComparison, test.FixedState.Sources[0].content.ToString(), "b == MyApp.Backend.Anthropic"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config("MyApp.Backend")));
        return test.RunAsync();
    }

    [Fact]
    public Task File_without_nullable_annotations_gets_none_and_no_directive()
        => MappingTest(
            """
            #nullable disable
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic, OpenAI }
            }
            """,
            $$"""
            #nullable disable
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic, OpenAI }

            {{NullableSummary}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for; null for a value that maps to no Claude backend.</summary>
                    public static ApiProvider? ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            // TODO(PA0003): Backend.OpenAI matches no Claude backend by name.
            {{Unmapped}}
                            case Backend.OpenAI:
                                return null;
            {{Undefined}}
                        }
                    }

            {{UnannotatedNullableCapabilities}}
                }
            }
            """);

    [Fact]
    public Task Class_name_taken_elsewhere_gets_a_number()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:Backend|} { Anthropic }

                internal sealed class BackendCapabilities { }
            }
            """,
            $$"""
            using ProviderAudit.Runtime;

            namespace MyApp
            {
                internal enum Backend { Anthropic }

            {{Summary}}
                internal static class BackendCapabilities2
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
            {{Undefined}}
                        }
                    }

            {{Capabilities}}
                }

                internal sealed class BackendCapabilities { }
            }
            """);

    [Fact]
    public Task Host_enum_named_ApiProvider_keeps_the_runtime_qualified()
        => MappingTest(
            """
            namespace MyApp
            {
                internal enum {|PA0003:ApiProvider|} { Anthropic, Bedrock }
            }
            """,
            """
            namespace MyApp
            {
                internal enum ApiProvider { Anthropic, Bedrock }

                /// <summary>
                /// Maps <c>ApiProvider</c> to the ProviderAudit runtime, so a check asks the capability it is about
                /// (<c>apiProvider.ModelIdFormat().IsFirstParty</c>, <c>apiProvider.AuthTransport().IsFirstParty</c>) instead of
                /// comparing with <c>ApiProvider.Anthropic</c> (analyzer rule PA0001).
                /// Added by the PA0003 fix: members are matched to <c>ApiProvider</c> by name, <c>ApiProvider.Anthropic</c>
                /// (provider_audit.first_party_member) to <c>FirstParty</c>.
                /// </summary>
                internal static class ApiProviderCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="apiProvider"/> stands for.</summary>
                    public static ProviderAudit.Runtime.ApiProvider ToApiProvider(this ApiProvider apiProvider)
                    {
                        switch (apiProvider)
                        {
                            case ApiProvider.Anthropic:
                                return ProviderAudit.Runtime.ApiProvider.FirstParty;
                            case ApiProvider.Bedrock:
                                return ProviderAudit.Runtime.ApiProvider.Bedrock;
                            default:
                                throw new System.ArgumentOutOfRangeException(nameof(apiProvider), apiProvider, "Not a defined ApiProvider value.");
                        }
                    }

                    /// <summary>How the backend of <paramref name="apiProvider"/> spells model ids.</summary>
                    public static ProviderAudit.Runtime.IModelIdFormat ModelIdFormat(this ApiProvider apiProvider) => ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(apiProvider.ToApiProvider());

                    /// <summary>How the backend of <paramref name="apiProvider"/> authenticates and where its requests go.</summary>
                    public static ProviderAudit.Runtime.IAuthTransport AuthTransport(this ApiProvider apiProvider) => ProviderAudit.Runtime.ApiProviderCapabilities.AuthTransport(apiProvider.ToApiProvider());
                }
            }
            """,
            types: "MyApp.ApiProvider");

    [Fact]
    public Task Enum_after_top_level_statements_gets_its_mapping_in_the_global_namespace()
    {
        var test = new MappingFixTest
        {
            TestCode = """
                var backend = Backend.Bedrock;
                System.Console.WriteLine({|PA0001:backend == Backend.Anthropic|});

                enum {|PA0003:Backend|} { Anthropic, Bedrock }
                """,
            FixedCode = $$"""
                using ProviderAudit.Runtime;

                var backend = Backend.Bedrock;
                System.Console.WriteLine({|PA0001:backend == Backend.Anthropic|});

                enum Backend { Anthropic, Bedrock }

                {{Summary.Replace("\n    ", "\n").TrimStart()}}
                internal static class BackendCapabilities
                {
                    /// <summary>The <c>ApiProvider</c> that <paramref name="backend"/> stands for.</summary>
                    public static ApiProvider ToApiProvider(this Backend backend)
                    {
                        switch (backend)
                        {
                            case Backend.Anthropic:
                                return ApiProvider.FirstParty;
                            case Backend.Bedrock:
                                return ApiProvider.Bedrock;
                            default:
                                throw new System.ArgumentOutOfRangeException(nameof(backend), backend, "Not a defined Backend value.");
                        }
                    }

                    /// <summary>How the backend of <paramref name="backend"/> spells model ids.</summary>
                    public static IModelIdFormat ModelIdFormat(this Backend backend) => backend.ToApiProvider().ModelIdFormat();

                    /// <summary>How the backend of <paramref name="backend"/> authenticates and where its requests go.</summary>
                    public static IAuthTransport AuthTransport(this Backend backend) => backend.ToApiProvider().AuthTransport();
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config("Backend")));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("private enum {|PA0003:Backend|} { Anthropic }", "private nested enum: no top-level class can name it")]
    [InlineData("internal enum {|PA0003:Backend|} { Anthropic }\n    public static Backend ToApiProvider(this Backend b) => b;", "ToApiProvider exists and returns something else")]
    [InlineData("internal enum {|PA0003:Backend|} { Anthropic }\n    public static ProviderAudit.Runtime.ApiProvider ToApiProvider(this Backend b) => ProviderAudit.Runtime.ApiProvider.FirstParty;\n    public static ProviderAudit.Runtime.IModelIdFormat? ModelIdFormat(Backend b) => null;", "the class holding ToApiProvider has a plain ModelIdFormat(Backend): the added one would be CS0111")]
    public Task No_fix_where_no_mapping_can_be_written(string members, string why)
    {
        _ = why;
        var source = $$"""
            namespace MyApp
            {
                internal static class Settings
                {
                    {{members}}
                }
            }
            """;
        var test = new MappingFixTest { TestCode = source, FixedCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config("MyApp.Settings+Backend")));
        return test.RunAsync();
    }

    [Fact]
    public Task No_fix_for_an_enum_nested_in_a_generic_type()
    {
        const string source = """
            namespace MyApp
            {
                internal sealed class Holder<T>
                {
                    internal enum {|PA0003:Backend|} { Anthropic }
                }
            }
            """;
        var test = new MappingFixTest { TestCode = source, FixedCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config("MyApp.Holder`1+Backend")));
        return test.RunAsync();
    }

    /// <summary>The diagnostic on the first occurrence of <paramref name="text"/> (for a location markup cannot carry into the fixed state).</summary>
    private static DiagnosticResult At(DiagnosticDescriptor descriptor, string source, string text)
    {
        var start = source.IndexOf(text, StringComparison.Ordinal);
        var line = source[..start].Count(c => c == '\n') + 1;
        var column = start - (source.LastIndexOf('\n', Math.Max(0, start - 1)) + 1) + 1;
        return new DiagnosticResult(descriptor).WithSpan("/0/Test0.cs", line, column, line, column + text.Length).WithMessage(null)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    private static MetadataReference ReferencedLibrary(string source)
    {
        var compilation = CSharpCompilation.Create(
            "BackendLibrary" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.All,
            FixRunner.CompilationOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

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

        /// <summary>Every rule's analyzer, as a build runs them: PA0002 and PA0003 are expected next to PA0001.</summary>
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => MutationChecker.Analyzers;

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable).WithSpecificDiagnosticOptions(
                new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

        /// <summary>Documentation comments are checked (CS1591) only where a test asks for it, like a project with GenerateDocumentationFile.</summary>
        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithDocumentationMode(_documentationMode ? DocumentationMode.Diagnose : DocumentationMode.Parse);
    }
}
