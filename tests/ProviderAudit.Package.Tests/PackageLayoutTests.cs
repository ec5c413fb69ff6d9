using System.Xml.Linq;

namespace ProviderAudit.Package.Tests;

[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void Analyzer_and_code_fix_assemblies_are_under_analyzers_dotnet_cs()
    {
        package.AssertPacked();

        Assert.Equal(
            ["analyzers/dotnet/cs/ProviderAudit.Analyzers.dll", "analyzers/dotnet/cs/ProviderAudit.CodeFixes.dll"],
            package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lib_holds_only_the_runtime_assembly_and_its_documentation()
    {
        package.AssertPacked();

        Assert.Equal(
            ["lib/net8.0/ProviderAudit.Runtime.dll", "lib/net8.0/ProviderAudit.Runtime.xml"],
            package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_assembly_outside_lib_and_analyzers()
    {
        package.AssertPacked();

        Assert.DoesNotContain(package.Entries, e =>
            e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            && !e.StartsWith("lib/", StringComparison.Ordinal)
            && !e.StartsWith("analyzers/", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependencies_are_exactly_the_runtime_projects_package_references()
    {
        package.AssertPacked();
        var runtimeProject = XDocument.Load(RepositoryRoot.Combine("runtime", "ProviderAudit.Runtime", "ProviderAudit.Runtime.csproj"));
        var runtimePackages = runtimeProject.Descendants("PackageReference")
            .Where(r => !string.Equals((string?)r.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase))
            .Select(r => (string)r.Attribute("Include")!)
            .Order(StringComparer.OrdinalIgnoreCase);

        var dependencies = package.NuspecMetadata("dependencies").Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (string)d.Attribute("id")!)
            .Order(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(runtimePackages, dependencies);
    }

    [Fact]
    public void Dependency_versions_are_the_central_package_versions()
    {
        package.AssertPacked();
        var central = XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(v => (string)v.Attribute("Include")!, v => (string)v.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

        foreach (var dependency in package.NuspecMetadata("dependencies").Descendants().Where(e => e.Name.LocalName == "dependency"))
        {
            var id = (string)dependency.Attribute("id")!;
            Assert.Equal(central[id], (string)dependency.Attribute("version")!);
        }
    }

    [Fact]
    public void Dependencies_target_the_runtimes_framework()
    {
        package.AssertPacked();

        var groups = package.NuspecMetadata("dependencies").Elements().Select(g => (string?)g.Attribute("targetFramework"));

        Assert.Equal(["net8.0"], groups);
    }

    [Fact]
    public void Version_is_the_one_in_Directory_Build_props()
    {
        package.AssertPacked();
        var version = (string)XDocument.Load(RepositoryRoot.Combine("Directory.Build.props")).Descendants("Version").Single();

        Assert.Equal(version, package.NuspecMetadata("version").Value);
        Assert.EndsWith($"ProviderAudit.{version}.nupkg", package.NupkgPath, StringComparison.Ordinal);
    }

    [Fact]
    public void License_is_an_SPDX_expression()
    {
        package.AssertPacked();

        var license = package.NuspecMetadata("license");

        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("Apache-2.0", license.Value);
    }

    [Fact]
    public void Readme_is_declared_and_shipped()
    {
        package.AssertPacked();

        var readme = package.NuspecMetadata("readme").Value;

        Assert.Contains(readme, package.Entries);
    }

    [Fact]
    public void Repository_metadata_points_at_the_git_repository()
    {
        package.AssertPacked();

        var repository = package.NuspecMetadata("repository");

        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_id_is_ProviderAudit()
    {
        package.AssertPacked();

        Assert.Equal("ProviderAudit", package.NuspecMetadata("id").Value);
    }
}
