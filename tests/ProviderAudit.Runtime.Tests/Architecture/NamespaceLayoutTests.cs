using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Runtime.Tests.Architecture;

/// <summary>
/// The runtime's namespaces follow its folders: a file in <c>Backends/Bedrock/</c> declares
/// <c>ProviderAudit.Runtime.Backends.Bedrock</c>, so a backend's types are found where its folder is, and a type moved
/// into another folder takes that folder's namespace with it.
/// </summary>
public class NamespaceLayoutTests
{
    private const string RuntimeFolder = "runtime/ProviderAudit.Runtime";

    [Fact]
    public void Every_runtime_file_declares_the_namespace_of_its_folder()
    {
        var root = Path.Combine(RepositorySources.Root, RuntimeFolder);
        var offenders = RepositorySources.CSharpFiles(RuntimeFolder)
            .Select(file => (Path: Path.GetRelativePath(root, file), Declared: DeclaredNamespaces(File.ReadAllText(file))))
            .SelectMany(f => f.Declared.Where(ns => ns != NamespaceOfFolder(f.Path)).Select(ns => $"{f.Path} declares {ns}, its folder is {NamespaceOfFolder(f.Path)}"))
            .ToArray();

        Assert.True(offenders.Length == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Each_backends_folder_declares_its_own_namespace()
    {
        // The rule above reads folders; this ties it to the registry's backends (one folder each under Backends/).
        var backendFolders = Directory.EnumerateDirectories(Path.Combine(RepositorySources.Root, RuntimeFolder, "Backends"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var backendNamespaces = RuntimeBackends.All
            .Select(b => b.Transport.GetType().Namespace!["ProviderAudit.Runtime.Backends.".Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(backendNamespaces, backendFolders);
    }

    [Theory]
    [InlineData("Backends/Bedrock/BedrockTransport.cs", "ProviderAudit.Runtime.Backends.Bedrock")]
    [InlineData("Launch/LaunchEnvironment.cs", "ProviderAudit.Runtime.Launch")]
    [InlineData("TypeForwards.cs", "ProviderAudit.Runtime")]
    public void A_folder_names_its_namespace(string path, string expected)
    {
        Assert.Equal(expected, NamespaceOfFolder(path));
    }

    [Fact]
    public void The_check_reads_file_scoped_and_block_namespaces()
    {
        Assert.Equal(["A.B", "C"], DeclaredNamespaces("namespace A.B; class X { }").Concat(DeclaredNamespaces("namespace C { class Y { } }")));
    }

    private static string NamespaceOfFolder(string relativePath)
    {
        var folder = Path.GetDirectoryName(relativePath)!.Replace(Path.DirectorySeparatorChar, '.').Replace(Path.AltDirectorySeparatorChar, '.');
        return folder.Length == 0 ? "ProviderAudit.Runtime" : "ProviderAudit.Runtime." + folder;
    }

    private static IReadOnlyList<string> DeclaredNamespaces(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()
            .Select(ns => ns.Name.ToString())
            .ToArray();
}
