using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// <c>dotnet pack</c> at the repository root packs every packable project of ProviderAudit.sln: exactly the two packages
/// and the tool. Each package id differs from every other project's name (restore fails with "Ambiguous project name"
/// otherwise).
/// </summary>
public sealed partial class RootPackTests
{
    private static readonly Lazy<IReadOnlyList<PackInfo>> Projects = new(Evaluate);

    [Fact]
    public void The_packable_projects_are_the_two_packages_and_the_tool()
    {
        Assert.Equal(
            [
                ("abstractions/ProviderAudit.Abstractions/ProviderAudit.Abstractions.csproj", "ProviderAudit", false),
                ("analyzers/ProviderAudit.Cli/ProviderAudit.Cli.csproj", "ProviderAudit.Cli", true),
                ("runtime/ProviderAudit.Runtime/ProviderAudit.Runtime.csproj", "ProviderAudit.Runtime", false),
            ],
            Projects.Value.Where(p => p.IsPackable).Select(p => (p.Path, p.PackageId, p.PackAsTool)).OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_tests_pack_the_two_library_packages_from_the_projects_the_root_pack_packs()
    {
        Assert.Equal(
            Projects.Value.Where(p => p.IsPackable && !p.PackAsTool).Select(p => (p.Path, p.PackageId)).OrderBy(p => p.Path, StringComparer.Ordinal),
            PackedPackage.PackedProjects.OrderBy(p => p.Project, StringComparer.Ordinal));
    }

    [Fact]
    public void No_package_id_is_the_name_of_another_project()
    {
        var names = Projects.Value.Select(p => Path.GetFileNameWithoutExtension(p.Path)).ToArray();

        Assert.All(Projects.Value.Where(p => p.IsPackable), package =>
            Assert.DoesNotContain(names.Where(name => name != Path.GetFileNameWithoutExtension(package.Path)), name =>
                string.Equals(name, package.PackageId, StringComparison.OrdinalIgnoreCase)));
    }

    private sealed record PackInfo(string Path, bool IsPackable, string PackageId, bool PackAsTool);

    [GeneratedRegex(@"^Project\(""\{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC\}""\) = ""[^""]+"", ""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex CSharpProject();

    private static IReadOnlyList<PackInfo> Evaluate()
    {
        var solution = File.ReadAllText(RepositoryRoot.Combine("ProviderAudit.sln"));
        var paths = CSharpProject().Matches(solution).Select(m => m.Groups["path"].Value.Replace('\\', '/')).ToArray();
        Assert.NotEmpty(paths);
        var results = new PackInfo[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i =>
        {
            var evaluated = DotnetCli.Run(RepositoryRoot.Path, "msbuild", paths[i], "-getProperty:IsPackable", "-getProperty:PackageId", "-getProperty:PackAsTool");
            Assert.True(evaluated.Succeeded, evaluated.ToString());
            var properties = JsonDocument.Parse(evaluated.StandardOutput).RootElement.GetProperty("Properties");
            results[i] = new PackInfo(
                paths[i],
                properties.GetProperty("IsPackable").GetString() == "true",
                properties.GetProperty("PackageId").GetString() ?? "",
                properties.GetProperty("PackAsTool").GetString() == "true");
        });
        return results;
    }
}
