using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// A host's own enum, adopted the way an IDE or <c>dotnet format</c> does it: PA0003's fix adds the mapping (an edit of the
/// enum's file, no new document), then every PA0001 on the enum is fixable and Fix All rewrites them; the program answers
/// as before for every member, the one that maps to no backend included.
/// </summary>
public sealed class ProviderMappingEndToEndTests
{
    private const string Config = """
        root = true
        [*.cs]
        provider_audit.additional_provider_types = Host.Backend
        provider_audit.first_party_member = Anthropic
        """;

    private const string BackendFile = """
        namespace Host
        {
            public enum Backend { Anthropic, Bedrock, Vertex, ClaudePlatformAws, OpenAI }
        }
        """;

    private const string SubjectFile = """
        using System.Collections.Generic;

        namespace Host
        {
            public static class Subject
            {
                public static string Run(int value)
                {
                    var backend = (Backend)value;
                    var modelId = backend == Backend.Anthropic ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
                    var headers = new List<string>();
                    if (backend != Backend.Anthropic)
                    {
                        headers.Add("authorization: sigv4");
                    }
                    else
                    {
                        headers.Add("x-api-key");
                    }

                    Backend? configured = value == 1 ? null : backend;
                    var catalogAlias = configured == Backend.Anthropic ? "model alias" : "model id";
                    object boxed = backend;
                    var loginOffered = boxed.Equals(Backend.Anthropic) ? "Connect Anthropic" : "none";
                    var label = backend switch
                    {
                        Backend.Anthropic => "direct",
                        _ => "cloud",
                    };
                    return string.Join(" | ", modelId, string.Join(",", headers), catalogAlias, loginOffered, label);
                }
            }
        }
        """;

    private static readonly int[] EveryMember = [0, 1, 2, 3, 4];

    [Fact]
    public async Task Mapping_fix_edits_the_enums_file_and_adds_no_document()
    {
        var project = new ConfiguredProject(Config, ("Backend.cs", BackendFile), ("Subject.cs", SubjectFile));
        var documentsBefore = project.Project.DocumentIds.ToList();

        var mappingDiagnostic = Assert.Single(await project.AnalyzeAsync(), d => d.Id == DiagnosticContract.MissingProviderMappingId);
        var action = Assert.Single(await project.ActionsAsync(new ProviderMappingCodeFixProvider(), mappingDiagnostic));
        Assert.Equal(DiagnosticContract.AddProviderMappingEquivalenceKey, action.EquivalenceKey);
        await project.ApplyAsync(action);

        Assert.Equal(documentsBefore, project.Project.DocumentIds.ToList());
        Assert.Contains("internal static class BackendCapabilities", await project.TextAsync("Backend.cs"), StringComparison.Ordinal);
        Assert.Empty(await project.CompilerProblemsAsync());
    }

    [Fact]
    public async Task Once_mapped_every_check_on_the_enum_offers_both_capability_fixes()
    {
        var project = new ConfiguredProject(Config, ("Backend.cs", BackendFile), ("Subject.cs", SubjectFile));
        await project.FixAllAsync(new ProviderMappingCodeFixProvider(), DiagnosticContract.MissingProviderMappingId, equivalenceKey: null);

        var diagnostics = await project.AnalyzeAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticContract.MissingProviderMappingId);
        var findings = diagnostics.Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId).ToList();
        Assert.Equal(5, findings.Count);
        foreach (var finding in findings)
        {
            Assert.Equal("true", finding.Properties[DiagnosticContract.NullableCapabilityProperty]);
            var keys = (await project.ActionsAsync(new FirstPartyComparisonCodeFixProvider(), finding)).Select(a => a.EquivalenceKey).OrderBy(k => k);
            Assert.Equal([DiagnosticContract.UseAuthTransportEquivalenceKey, DiagnosticContract.UseModelIdFormatEquivalenceKey], keys);
        }
    }

    [Fact]
    public async Task Mapping_then_fix_all_keeps_every_members_answer_and_moves_only_Claude_Platform_on_AWS()
    {
        var project = new ConfiguredProject(Config, ("Backend.cs", BackendFile), ("Subject.cs", SubjectFile));
        var before = await project.CompileRunAsync();
        var answersBefore = EveryMember.ToDictionary(v => v, before);

        // The order README gives: the mapping first, then the checks (dotnet format starts Fix All without a key).
        await project.FixAllAsync(new ProviderMappingCodeFixProvider(), DiagnosticContract.MissingProviderMappingId, equivalenceKey: null);
        await project.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, equivalenceKey: null);

        Assert.Empty(await project.CompilerProblemsAsync());
        var subject = await project.TextAsync("Subject.cs");
        Assert.Contains("backend.ModelIdFormat()?.IsFirstParty == true ? \"claude-sonnet-4-6\"", subject, StringComparison.Ordinal);
        Assert.Contains("if (backend.AuthTransport()?.IsFirstParty != true)", subject, StringComparison.Ordinal);
        var after = await project.CompileRunAsync();
        foreach (var member in new[] { 0, 1, 2, 4 })
        {
            Assert.Equal(answersBefore[member], after(member));
        }

        // Claude Platform on AWS: first-party model ids, AWS auth; the ambiguous label follows the model-ID format.
        Assert.Equal("anthropic.claude-sonnet-4-6-v1:0 | authorization: sigv4 | model id | none | cloud", answersBefore[3]);
        Assert.Equal("claude-sonnet-4-6 | authorization: sigv4 | model alias | none | direct", after(3));
    }
}

/// <summary>
/// The same path in a C# 7.3 library with nullable off (netstandard2.0/net462 defaults): the mapping PA0003 writes and every
/// fix on the enum compile there, and the program answers as before for every member but Claude Platform on AWS.
/// </summary>
public sealed class CSharp73AdoptionTests
{
    internal const string Config = """
        root = true
        [*.cs]
        provider_audit.additional_provider_types = Host.Backend
        provider_audit.first_party_member = Anthropic
        """;

    internal const string BackendFile = """
        namespace Host
        {
            public enum Backend { Anthropic, AmazonBedrock, VertexAI, ClaudePlatformAws, OpenAI }
        }
        """;

    internal const string SubjectFile = """
        using System.Collections.Generic;
        using System.Linq;

        namespace Host
        {
            public sealed class Settings
            {
                public Backend Backend { get; set; }
            }

            public static class Subject
            {
                public static string Run(int value)
                {
                    var backend = (Backend)value;
                    var settings = value == 2 ? null : new Settings { Backend = backend };
                    var modelId = backend == Backend.Anthropic ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
                    var headers = new List<string>();
                    if (backend != Backend.Anthropic)
                    {
                        headers.Add("authorization: sigv4");
                    }
                    else
                    {
                        headers.Add("x-api-key");
                    }

                    Backend? configured = value == 1 ? (Backend?)null : backend;
                    var catalogAlias = configured == Backend.Anthropic ? "model alias" : "model id";
                    object boxed = backend;
                    var loginOffered = boxed.Equals(Backend.Anthropic) ? "Connect Anthropic" : "none";
                    var tokenHeader = settings?.Backend == Backend.Anthropic ? "x-api-key" : "authorization";
                    var catalog = new[] { Backend.Anthropic, Backend.VertexAI }.Contains(backend) ? "model catalog a" : "model catalog b";
                    string label;
                    switch (backend)
                    {
                        case Backend.Anthropic:
                            label = "direct";
                            break;
                        default:
                            label = "cloud";
                            break;
                    }

                    return string.Join(" | ", modelId, string.Join(",", headers), catalogAlias, loginOffered, tokenHeader, catalog, label);
                }
            }
        }
        """;

    private static ConfiguredProject CSharp73Project(params (string Name, string Source)[] sources) =>
        new(Config, OutputKind.DynamicallyLinkedLibrary, TestReferences.All, LanguageVersion.CSharp7_3, NullableContextOptions.Disable, sources);

    [Fact]
    public async Task Mapping_and_every_check_fix_compile_at_CSharp_7_3_and_keep_every_members_answer()
    {
        var project = CSharp73Project(("Backend.cs", BackendFile), ("Subject.cs", SubjectFile));
        Assert.Empty(await project.CompilerProblemsAsync());
        var before = await project.CompileRunAsync();
        var answersBefore = Enumerable.Range(0, 5).ToDictionary(v => v, before);

        await project.FixAllAsync(new ProviderMappingCodeFixProvider(), DiagnosticContract.MissingProviderMappingId, equivalenceKey: null);
        var mapping = await project.TextAsync("Backend.cs");
        Assert.Empty(await project.CompilerProblemsAsync());
        Assert.Contains("internal static class BackendCapabilities", mapping, StringComparison.Ordinal);
        Assert.Contains("public static IModelIdFormat ModelIdFormat(this Backend backend) => backend.ToApiProvider()?.ModelIdFormat();", mapping, StringComparison.Ordinal);
        Assert.DoesNotContain("#nullable", mapping, StringComparison.Ordinal);

        // Unannotated capabilities of a mapping with an unmapped value are still asked through `?.`.
        var findings = (await project.AnalyzeAsync()).Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId).ToList();
        Assert.Equal(7, findings.Count);
        Assert.All(findings, f => Assert.Equal("true", f.Properties[DiagnosticContract.NullableCapabilityProperty]));

        await project.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, equivalenceKey: null);
        Assert.Empty(await project.CompilerProblemsAsync());
        var after = await project.CompileRunAsync();
        foreach (var member in new[] { 0, 1, 2, 4 })
        {
            Assert.Equal(answersBefore[member], after(member));
        }

        Assert.NotEqual(answersBefore[3], after(3));
    }

    [Theory]
    [InlineData("namespace Host { public enum Backend { Anthropic, Bedrock, Aws } }", "Host.Backend")]
    [InlineData("namespace Host { [System.Flags] public enum Backend { None = 0, Anthropic = 1, Bedrock = 2 } }", "Host.Backend")]
    [InlineData("namespace Host { public enum ApiProvider { Anthropic, Bedrock, OpenAI } }", "Host.ApiProvider")]
    [InlineData("namespace Host { public enum ApiProvider { Anthropic, Bedrock } }", "Host.ApiProvider")]
    [InlineData("namespace Host { public static class Outer { public enum Backend { Anthropic, VertexAI } } }", "Host.Outer+Backend")]
    public async Task Every_mapping_shape_compiles_at_CSharp_7_3_with_nullable_off(string enumFile, string type)
    {
        var config = Config.Replace("Host.Backend", type, StringComparison.Ordinal);
        var project = new ConfiguredProject(config, OutputKind.DynamicallyLinkedLibrary, TestReferences.All, LanguageVersion.CSharp7_3, NullableContextOptions.Disable, ("Backend.cs", enumFile));
        await project.FixAllAsync(new ProviderMappingCodeFixProvider(), DiagnosticContract.MissingProviderMappingId, equivalenceKey: null);

        var mapping = await project.TextAsync("Backend.cs");
        Assert.Contains("internal static class", mapping, StringComparison.Ordinal);
        Assert.True((await project.CompilerProblemsAsync()).Count == 0, string.Join("\n", await project.CompilerProblemsAsync()) + "\n" + mapping);
        Assert.DoesNotContain(await project.AnalyzeAsync(), d => d.Id == DiagnosticContract.MissingProviderMappingId);
    }

    [Fact]
    public async Task Every_fix_on_the_mapped_enum_compiles_at_CSharp_7_3()
    {
        var project = CSharp73Project(("Backend.cs", BackendFile), ("Subject.cs", SubjectFile));
        await project.FixAllAsync(new ProviderMappingCodeFixProvider(), DiagnosticContract.MissingProviderMappingId, equivalenceKey: null);

        await LanguageVersionFixTests.AssertEveryFixCompilesAsync(
            Config, LanguageVersion.CSharp7_3, NullableContextOptions.Disable, 7,
            ("Backend.cs", await project.TextAsync("Backend.cs")), ("Subject.cs", SubjectFile));
    }
}

/// <summary>PA0001's rewrites on an enum whose mapping returns nullable capabilities (some value maps to no backend).</summary>
public sealed class NullableCapabilityFixTests
{
    private const string Mapping = """
        namespace Host
        {
            internal enum Backend { Anthropic, Bedrock, OpenAI }

            internal static class BackendCapabilities
            {
                public static ProviderAudit.Runtime.ApiProvider? ToApiProvider(this Backend backend) => backend switch
                {
                    Backend.Anthropic => ProviderAudit.Runtime.ApiProvider.FirstParty,
                    Backend.Bedrock => ProviderAudit.Runtime.ApiProvider.Bedrock,
                    _ => null,
                };

                public static ProviderAudit.Runtime.IModelIdFormat? ModelIdFormat(this Backend backend) =>
                    backend.ToApiProvider() is { } provider ? ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(provider) : null;

                public static ProviderAudit.Runtime.IAuthTransport? AuthTransport(this Backend backend) =>
                    backend.ToApiProvider() is { } provider ? ProviderAudit.Runtime.ApiProviderCapabilities.AuthTransport(provider) : null;
            }
        }
        """;

    [Fact]
    public async Task Checks_ask_the_capability_through_null_conditional_access_so_unmapped_values_keep_their_answer()
    {
        var test = new FixTest { CodeActionEquivalenceKey = Verify.ModelId };
        test.TestState.Sources.Add(("/0/Mapping.cs", Mapping));
        test.TestState.Sources.Add(("/0/Use.cs", """
            namespace Host
            {
                internal static class Use
                {
                    public static bool Is(Backend b) => {|PA0001:b == Backend.Anthropic|};
                    public static bool IsNot(Backend b) => {|PA0001:b != Backend.Anthropic|};
                    public static bool Maybe(Backend? b) => {|PA0001:b == Backend.Anthropic|};
                    public static bool Boxed(object o) => {|PA0001:Equals(o, Backend.Anthropic)|};
                    public static string Arm(Backend b) => b switch
                    {
                        {|PA0001:Backend.Anthropic|} => "direct",
                        _ => "cloud",
                    };
                }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true
            [*.cs]
            provider_audit.additional_provider_types = Host.Backend
            provider_audit.first_party_member = Anthropic
            """));
        test.FixedState.Sources.Add(("/0/Mapping.cs", Mapping));
        test.FixedState.Sources.Add(("/0/Use.cs", """
            namespace Host
            {
                internal static class Use
                {
                    public static bool Is(Backend b) => b.ModelIdFormat()?.IsFirstParty == true;
                    public static bool IsNot(Backend b) => b.ModelIdFormat()?.IsFirstParty != true;
                    public static bool Maybe(Backend? b) => b?.ModelIdFormat()?.IsFirstParty == true;
                    public static bool Boxed(object o) => o is Backend p && p.ModelIdFormat()?.IsFirstParty == true;
                    public static string Arm(Backend b) => b switch
                    {
                        var p when p.ModelIdFormat()?.IsFirstParty == true => "direct",
                        _ => "cloud",
                    };
                }
            }
            """));
        await test.RunAsync();
    }
}
