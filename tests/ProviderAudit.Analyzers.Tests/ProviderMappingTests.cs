using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// PA0003: a configured provider enum without a capability mapping is reported once, on its declaration or (for an enum
/// from a referenced assembly) on its first finding; the mapping's own methods are not PA0001 findings.
/// </summary>
public sealed class ProviderMappingTests
{
    private const string Config = """
        root = true
        [*.cs]
        provider_audit.additional_provider_types = MyApp.Backend
        provider_audit.first_party_member = Anthropic
        """;

    private const string Mapping = """
        namespace MyApp
        {
            public static class BackendCapabilities
            {
                public static ProviderAudit.Runtime.ApiProvider? ToApiProvider(this Backend backend) => backend switch
                {
                    Backend.Anthropic => ProviderAudit.Runtime.ApiProvider.FirstParty,
                    Backend.Bedrock => ProviderAudit.Runtime.ApiProvider.Bedrock,
                    _ => null,
                };

                public static ProviderAudit.Runtime.IModelIdFormat? ModelIdFormat(this Backend backend) =>
                    ProviderAudit.Runtime.ApiProviderCapabilities.ModelIdFormat(backend.ToApiProvider() ?? default);

                public static ProviderAudit.Runtime.IAuthTransport? AuthTransport(this Backend backend) =>
                    ProviderAudit.Runtime.ApiProviderCapabilities.AuthTransport(backend.ToApiProvider() ?? default);
            }
        }
        """;

    [Fact]
    public Task Enum_declared_in_the_project_is_reported_on_its_name()
        => Run(
            """
            namespace MyApp
            {
                public enum {|#0:Backend|} { Anthropic, Bedrock }

                public static class Code
                {
                    public static bool A(Backend b) => {|PA0001:b == Backend.Anthropic|};
                    public static bool B(Backend b) => {|PA0001:b is Backend.Anthropic|};
                }
            }
            """,
            PA0003().WithLocation(0).WithArguments("MyApp.Backend", "ModelIdFormat(), AuthTransport()"));

    [Fact]
    public Task Enum_declared_in_the_project_is_reported_even_without_findings()
        => Run(
            """
            namespace MyApp { public enum {|PA0003:Backend|} { Anthropic, Bedrock } }
            """);

    [Fact]
    public Task Enum_with_both_capability_methods_is_not_reported()
        => Run(
            """
            namespace MyApp
            {
                public enum Backend { Anthropic, Bedrock }
                public static class Code { public static bool A(Backend b) => {|PA0001:b == Backend.Anthropic|}; }
            }
            """ + Mapping);

    [Fact]
    public Task Partial_mapping_is_reported_with_what_is_missing()
        => Run(
            """
            namespace MyApp
            {
                public enum {|#0:Backend|} { Anthropic, Bedrock }
                public static class BackendCapabilities
                {
                    public static ProviderAudit.Runtime.IModelIdFormat ModelIdFormat(this Backend backend) => ProviderAudit.Runtime.ModelIdFormats.FirstParty;
                }
            }
            """,
            PA0003().WithLocation(0).WithArguments("MyApp.Backend", "AuthTransport()"));

    [Fact]
    public Task Runtime_ApiProvider_is_never_reported()
        => Run(
            """
            using ProviderAudit.Runtime;
            namespace MyApp
            {
                public enum {|PA0003:Backend|} { Anthropic }
                public static class Code { public static bool A(ApiProvider p) => {|PA0001:p == ApiProvider.FirstParty|}; }
            }
            """);

    [Fact]
    public Task Referenced_enum_is_reported_on_its_first_finding_by_path_then_position()
    {
        var test = Test(referencesLibrary: true);
        test.TestState.Sources.Add(("/0/B.cs", """
            public static class B { public static bool Check(MyApp.Backend b) => {|PA0001:b == MyApp.Backend.Anthropic|}; }
            """));
        test.TestState.Sources.Add(("/0/A.cs", """
            public static class A
            {
                public static bool First(MyApp.Backend b) => {|#0:b == MyApp.Backend.Anthropic|};
                public static bool Second(MyApp.Backend b) => {|PA0001:b != MyApp.Backend.Anthropic|};
            }
            """));
        test.ExpectedDiagnostics.Add(PA0001().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));
        test.ExpectedDiagnostics.Add(PA0003AtFirstFinding().WithLocation(0).WithArguments("MyApp.Backend", "ModelIdFormat(), AuthTransport()"));
        return test.RunAsync();
    }

    [Fact]
    public Task Referenced_enum_without_findings_is_not_reported()
    {
        var test = Test(referencesLibrary: true);
        test.TestState.Sources.Add("public static class A { public static MyApp.Backend Default => MyApp.Backend.Anthropic; }");
        return test.RunAsync();
    }

    [Fact]
    public Task Mapping_of_a_referenced_enum_in_the_consuming_project_counts()
    {
        var test = Test(referencesLibrary: true);
        test.TestState.Sources.Add("public static class A { public static bool Check(MyApp.Backend b) => {|PA0001:b == MyApp.Backend.Anthropic|}; }");
        test.TestState.Sources.Add(Mapping);
        return test.RunAsync();
    }

    [Fact]
    public async Task Referenced_enum_with_mapping_in_the_consuming_project_gets_the_capability_fix()
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [
                CSharpSyntaxTree.ParseText("public static class A { public static bool Check(MyApp.Backend b) => b == MyApp.Backend.Anthropic; }"),
                CSharpSyntaxTree.ParseText(Mapping),
            ],
            [.. TestReferences.All, Library.Value],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var diagnostics = await Analyze(compilation);

        var finding = Assert.Single(diagnostics);
        Assert.Equal("true", finding.Properties[DiagnosticContract.HasCapabilityFixProperty]);
    }

    [Fact]
    public Task Internal_mapping_in_the_referenced_assembly_does_not_count_in_the_consumer()
    {
        var test = Test(referencesLibrary: false);
        test.TestState.AdditionalReferences.Add(Compile("LibWithInternalMapping", LibrarySource + Mapping.Replace("public static class", "internal static class")));
        test.TestState.Sources.Add("public static class A { public static bool Check(MyApp.Backend b) => {|#0:b == MyApp.Backend.Anthropic|}; }");
        test.ExpectedDiagnostics.Add(PA0001().WithLocation(0).WithMessage(null));
        test.ExpectedDiagnostics.Add(PA0003AtFirstFinding().WithLocation(0).WithArguments("MyApp.Backend", "ModelIdFormat(), AuthTransport()"));
        return test.RunAsync();
    }

    [Fact]
    public async Task Reported_once_however_many_findings()
    {
        var checks = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"public static bool C{i}(MyApp.Backend b) => b == MyApp.Backend.Anthropic;"));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("public static class A {\n" + checks + "\n}", path: "/0/A.cs")],
            [.. TestReferences.All, Library.Value],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await Analyze(compilation, includeMappingFinding: true);

        var mapping = Assert.Single(diagnostics, d => d.Id == DiagnosticContract.MissingProviderMappingId);
        Assert.Equal(diagnostics.Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId).Min(d => d.Location.SourceSpan.Start), mapping.Location.SourceSpan.Start);
        Assert.Equal("MyApp.Backend", mapping.Properties[DiagnosticContract.ProviderTypeProperty]);
        Assert.Equal("Anthropic", mapping.Properties[DiagnosticContract.FirstPartyMemberProperty]);
    }

    [Fact]
    public Task Mapping_methods_translate_and_are_not_flagged()
        => Run(
            """
            namespace MyApp
            {
                public enum Backend { Anthropic, Bedrock }

                public static class BackendCapabilities
                {
                    public static ProviderAudit.Runtime.ApiProvider? ToApiProvider(this Backend backend)
                    {
                        if (backend == Backend.Anthropic) return ProviderAudit.Runtime.ApiProvider.FirstParty;
                        System.Func<bool> viaLambda = () => backend is Backend.Anthropic;
                        bool ViaLocalFunction() => backend.Equals(Backend.Anthropic);
                        return viaLambda() && ViaLocalFunction() ? null : backend switch
                        {
                            Backend.Anthropic => ProviderAudit.Runtime.ApiProvider.FirstParty,
                            _ => null,
                        };
                    }

                    public static ProviderAudit.Runtime.IModelIdFormat ModelIdFormat(this Backend backend) =>
                        backend == Backend.Anthropic ? ProviderAudit.Runtime.ModelIdFormats.FirstParty : ProviderAudit.Runtime.ModelIdFormats.Bedrock;

                    public static ProviderAudit.Runtime.IAuthTransport AuthTransport(this Backend backend) =>
                        backend == Backend.Anthropic ? ProviderAudit.Runtime.AuthTransports.FirstParty : ProviderAudit.Runtime.AuthTransports.Bedrock;
                }
            }
            """);

    [Fact]
    public Task Methods_named_like_the_mapping_but_not_on_the_enum_are_flagged()
        => Run(
            """
            namespace MyApp
            {
                public enum Backend { Anthropic, Bedrock }
                public sealed class Settings { public Backend Backend { get; set; } }

                public static class Elsewhere
                {
                    public static bool ToApiProvider(this Settings s) => {|PA0001:s.Backend == Backend.Anthropic|};
                    public static bool ModelIdFormat(Backend b) => {|PA0001:b == Backend.Anthropic|};
                    public static bool AuthTransport(this Backend b, int unused) => {|PA0001:b == Backend.Anthropic|};
                }
            }
            """ + Mapping);

    private static DiagnosticResult PA0003AtFirstFinding() => new(ProviderAuditDescriptors.MissingProviderMappingAtFirstFinding);

    private static readonly Lazy<MetadataReference> Library = new(() => Compile("BackendLibrary", LibrarySource));

    private const string LibrarySource = "namespace MyApp { public enum Backend { Anthropic, Bedrock } }";

    private static MetadataReference Compile(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = Test(referencesLibrary: false);
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static AuditTest Test(bool referencesLibrary)
    {
        var test = new AuditTest
        {
            ReferenceAssemblies = TestReferences.None,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (referencesLibrary)
        {
            test.TestState.AdditionalReferences.Add(Library.Value);
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config));
        return test;
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, bool includeMappingFinding = false)
    {
        var options = new AnalyzerOptions([], new EditorConfigOptions(ImmutableDictionary<string, string>.Empty
            .Add("provider_audit.additional_provider_types", "MyApp.Backend")
            .Add("provider_audit.first_party_member", "Anthropic")));
        var diagnostics = await compilation.WithAnalyzers(ShippedAnalyzers.All, options).GetAnalyzerDiagnosticsAsync();
        return includeMappingFinding ? diagnostics : diagnostics.Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId).ToImmutableArray();
    }
}
