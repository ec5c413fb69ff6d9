using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Runtime.Tests.Architecture;

/// <summary>
/// Code outside a backend's folder never decides by which backend it has: it asks the backend (<c>IBackendTransport</c>,
/// <see cref="RuntimeBackend"/>) instead. That rules out, in the runtime's shared folders (everything but
/// <c>Backends/&lt;Backend&gt;/</c>) and in ProviderHost, a <c>switch</c> over a backend kind (<see cref="ApiProvider"/>,
/// <see cref="AuthTransportKind"/>, <see cref="ModelIdFormatKind"/>) and any comparison (<c>==</c>, <c>!=</c>,
/// <c>is</c>, a <c>case</c>, <c>Equals</c>) with one particular backend — a kind's member, or a named backend or
/// capability value (<c>RuntimeBackends.Bedrock</c>, <c>AuthTransports.ClaudePlatformAws</c>).
/// The sources are compiled with the runtime's references, so spellings (<c>using static</c>, aliases) do not matter.
/// </summary>
public class NoBackendSwitchTests
{
    private static readonly string[] BackendKinds = ["ApiProvider", "AuthTransportKind", "ModelIdFormatKind"];

    // The static classes that name one backend (or one backend's capability value) per member.
    private static readonly string[] BackendNamers = ["RuntimeBackends", "AuthTransports", "ModelIdFormats"];

    private const string RuntimeFolder = "runtime/ProviderAudit.Runtime";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CSharpCompilation>> CompiledFolders = new(StringComparer.Ordinal);

    private static readonly CSharpParseOptions Parsing = new(LanguageVersion.Preview);

    // The SDK's implicit usings, which the runtime and ProviderHost build with.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
        Parsing);

    // The platform's assemblies, then those beside this test (the runtime, its SDKs, ProviderHost), by file name.
    private static readonly IReadOnlyList<(string Name, MetadataReference Reference)> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => (Path.GetFileNameWithoutExtension(path), (MetadataReference)MetadataReference.CreateFromFile(path)))
            .ToArray();

    public static TheoryData<string> SharedCode => new() { RuntimeFolder, "samples/ProviderHost" };

    [Theory]
    [MemberData(nameof(SharedCode))]
    public void Shared_code_never_switches_on_a_backend(string folder)
    {
        var offenders = BackendDecisions(Compiled(folder), IsShared).ToArray();

        Assert.True(offenders.Length == 0,
            $"Shared code decides by backend; make the decision a member of IBackendTransport, answered in each backend's folder:{Environment.NewLine}" +
            string.Join(Environment.NewLine, offenders));
    }

    [Theory]
    [MemberData(nameof(SharedCode))]
    public void The_check_binds_every_name_in_the_sources_it_reads(string folder)
    {
        // A name the check cannot bind has no type, and a switch over it would pass unseen. Only the [GeneratedRegex]
        // methods are missing (their bodies come from a source generator the check does not run).
        var unbound = Compiled(folder).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795")
            .Select(d => d.ToString())
            .ToArray();

        Assert.True(unbound.Length == 0, string.Join(Environment.NewLine, unbound));
    }

    [Theory]
    [InlineData("switch (backend.AuthTransport.Kind) { case AuthTransportKind.Bedrock: return 1; default: return 0; }")]
    [InlineData("return backend.Provider switch { _ => 0 };")]
    [InlineData("return backend.AuthTransport.Kind == AuthTransportKind.ClaudePlatformAws ? 1 : 0;")]
    [InlineData("return ModelIdFormatKind.Vertex != backend.ModelIdFormat.Kind ? 1 : 0;")]
    [InlineData("return backend.Provider is ApiProvider.Foundry or ApiProvider.Vertex ? 1 : 0;")]
    [InlineData("return backend.Provider.Equals(ApiProvider.Bedrock) ? 1 : 0;")]
    [InlineData("return backend == RuntimeBackends.ClaudePlatformAws ? 1 : 0;")]
    [InlineData("return ReferenceEquals(backend.AuthTransport, AuthTransports.Vertex) ? 1 : 0;")]
    [InlineData("return backend.Provider is Bedrock ? 1 : 0;")]
    public void The_check_sees_a_decision_by_backend(string body)
    {
        var source = $$"""
            using ProviderAudit.Runtime;
            using ProviderAudit.Runtime.Backends;
            using static ProviderAudit.Runtime.ApiProvider;

            static class Probe
            {
                static int Decide(RuntimeBackend backend) { {{body}} }
            }
            """;

        Assert.NotEmpty(BackendDecisions(Compile([CSharpSyntaxTree.ParseText(source, Parsing, path: "Probe.cs")], "Probe")));
    }

    [Theory]
    [InlineData("return backend.AuthTransport.IsFirstParty ? 1 : 0;")]
    [InlineData("return RuntimeBackends.All.Count(other => other != backend);")]
    [InlineData("return backend.AuthTransport.Kind == backend.AuthTransport.Kind ? 1 : 0;")]
    [InlineData("return RuntimeBackends.For(ApiProvider.Bedrock).Id.Length;")]
    public void The_check_lets_shared_code_ask_the_backend(string body)
    {
        var source = $$"""
            using System.Linq;
            using ProviderAudit.Runtime;
            using ProviderAudit.Runtime.Backends;

            static class Probe
            {
                static int Decide(RuntimeBackend backend) { {{body}} }
            }
            """;

        Assert.Empty(BackendDecisions(Compile([CSharpSyntaxTree.ParseText(source, Parsing, path: "Probe.cs")], "Probe")));
    }

    [Fact]
    public void The_runtimes_shared_sources_are_what_the_check_reads()
    {
        // Guards the folder split the rule depends on: the resolver is shared, a backend's transport is not.
        var shared = Compiled(RuntimeFolder).SyntaxTrees.Where(IsShared).Select(t => Path.GetFileName(t.FilePath)).ToArray();

        Assert.Contains("BackendResolver.cs", shared);
        Assert.Contains("LaunchEnvironment.cs", shared);
        Assert.DoesNotContain("BedrockTransport.cs", shared);
        Assert.DoesNotContain("ClaudePlatformAwsTransport.cs", shared);
    }

    [Theory]
    [InlineData("Catalog")]
    [InlineData("Requests")]
    [InlineData("Status")]
    public void Every_source_of_a_shared_folder_is_read_by_the_check(string folder)
    {
        // The live catalog, its pin checks and the capability gate decide per backend too: they must be read as shared code.
        var shared = Compiled(RuntimeFolder).SyntaxTrees.Where(IsShared).Select(t => t.FilePath).ToHashSet(StringComparer.Ordinal);
        var sources = RepositorySources.CSharpFiles($"{RuntimeFolder}/{folder}")
            .Select(file => Path.GetRelativePath(RepositorySources.Root, file).Replace('\\', '/'))
            .ToArray();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.Contains(source, shared));
    }

    /// <summary>
    /// Every C# file of <paramref name="folder"/> (paths relative to the repository), compiled as the project the folder
    /// holds; once per folder, the tests share it.
    /// </summary>
    private static CSharpCompilation Compiled(string folder) =>
        CompiledFolders.GetOrAdd(folder, f => new Lazy<CSharpCompilation>(() => Compile(
            RepositorySources.CSharpFiles(f)
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), Parsing, path: Path.GetRelativePath(RepositorySources.Root, file).Replace('\\', '/')))
                .ToArray(),
            Path.GetFileName(f)))).Value;

    /// <summary>Whether <paramref name="tree"/> is shared code: anything but a file in <c>runtime/…/Backends/&lt;Backend&gt;/</c>.</summary>
    private static bool IsShared(SyntaxTree tree)
    {
        var backends = RuntimeFolder + "/Backends/";
        return !(tree.FilePath.StartsWith(backends, StringComparison.Ordinal) && tree.FilePath[backends.Length..].Contains('/', StringComparison.Ordinal));
    }

    /// <summary>
    /// Each place in <paramref name="compilation"/>'s trees (those <paramref name="scanned"/> accepts) that decides by
    /// backend, as <c>file:line: code</c>.
    /// </summary>
    private static IEnumerable<string> BackendDecisions(CSharpCompilation compilation, Func<SyntaxTree, bool>? scanned = null)
    {
        foreach (var tree in compilation.SyntaxTrees.Where(t => t != ImplicitUsings && (scanned ?? (_ => true))(t)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                SyntaxNode? decision = node switch
                {
                    SwitchStatementSyntax s when IsBackendKind(model.GetTypeInfo(s.Expression).Type) => s.Expression,
                    SwitchExpressionSyntax s when IsBackendKind(model.GetTypeInfo(s.GoverningExpression).Type) => s.GoverningExpression,
                    BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression) =>
                        NamesOneBackend(model, b.Left) || NamesOneBackend(model, b.Right) ? b : null,
                    // `x is Bedrock` under `using static`: parsed as a type, bound as the constant.
                    BinaryExpressionSyntax b when b.IsKind(SyntaxKind.IsExpression) && NamesOneBackend(model, (ExpressionSyntax)b.Right) => b,
                    ConstantPatternSyntax p when NamesOneBackend(model, p.Expression) => p,
                    CaseSwitchLabelSyntax c when NamesOneBackend(model, c.Value) => c,
                    InvocationExpressionSyntax i when IsEquality(model, i) && i.ArgumentList.Arguments.Any(a => NamesOneBackend(model, a.Expression)) => i,
                    _ => null,
                };

                if (decision is not null)
                {
                    var line = decision.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    yield return $"{tree.FilePath}:{line}: {node.ToString().Split('\n')[0].Trim()}";
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="trees"/> compiled as assembly <paramref name="assemblyName"/> against the assemblies beside this
    /// test, that assembly's own build left out.
    /// </summary>
    private static CSharpCompilation Compile(IReadOnlyList<SyntaxTree> trees, string assemblyName) =>
        CSharpCompilation.Create(
            assemblyName,
            [.. trees, ImplicitUsings],
            References.Where(r => !string.Equals(r.Name, assemblyName, StringComparison.OrdinalIgnoreCase)).Select(r => r.Reference),
            new CSharpCompilationOptions(
                trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any()) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

    private static bool IsBackendKind(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Enum } && IsRuntimeType(type, BackendKinds);

    /// <summary>Whether <paramref name="expression"/> is one backend: a kind's member, or a named backend or capability value.</summary>
    private static bool NamesOneBackend(SemanticModel model, ExpressionSyntax expression) =>
        model.GetSymbolInfo(expression).Symbol switch
        {
            IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum } kind } => IsRuntimeType(kind, BackendKinds),
            IPropertySymbol { IsStatic: true, Type: not IArrayTypeSymbol } property =>
                IsRuntimeType(property.ContainingType, BackendNamers) && !IsCollection(property.Type),
            IFieldSymbol { IsStatic: true } field => IsRuntimeType(field.ContainingType, BackendNamers) && !IsCollection(field.Type),
            _ => false,
        };

    private static bool IsCollection(ITypeSymbol type) =>
        type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    private static bool IsEquality(SemanticModel model, InvocationExpressionSyntax invocation) =>
        model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "Equals" or "ReferenceEquals" };

    private static bool IsRuntimeType(ITypeSymbol type, IReadOnlyCollection<string> names) =>
        names.Contains(type.Name) && type.ContainingNamespace.ToDisplayString().StartsWith("ProviderAudit.Runtime", StringComparison.Ordinal);
}
