using System.Xml.Linq;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// The <c>ProviderAudit.Runtime</c> package: the runtime for net8.0, depending on <c>ProviderAudit</c> (with its analyzers,
/// so a runtime user is audited) and on the official SDK packages the runtime project references.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class RuntimePackageTests(PackedPackage package)
{
    private PackedNupkg Runtime
    {
        get
        {
            package.AssertPacked();
            return package.Runtime;
        }
    }

    private IReadOnlyList<XElement> Dependencies => Assert.Single(Runtime.DependencyGroups).Dependencies;

    [Fact]
    public void Package_id_is_ProviderAudit_Runtime()
    {
        Assert.Equal("ProviderAudit.Runtime", Runtime.Metadata("id").Value);
    }

    [Fact]
    public void Lib_holds_only_the_net8_0_runtime_assembly_and_its_documentation()
    {
        Assert.Equal(
            ["lib/net8.0/ProviderAudit.Runtime.dll", "lib/net8.0/ProviderAudit.Runtime.xml"],
            Runtime.EntriesUnder("lib/"));
    }

    [Fact]
    public void It_ships_no_analyzer_of_its_own()
    {
        Assert.Empty(Runtime.EntriesUnder("analyzers/"));
        Assert.DoesNotContain(Runtime.Entries, e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependencies_target_the_runtimes_framework()
    {
        Assert.Equal(["net8.0"], Runtime.DependencyGroups.Select(g => g.TargetFramework));
    }

    [Fact]
    public void It_depends_on_ProviderAudit_at_the_same_version_with_its_analyzers()
    {
        var audit = Assert.Single(Dependencies, d => (string?)d.Attribute("id") == "ProviderAudit");

        Assert.Equal(package.Audit.Version, (string?)audit.Attribute("version"));
        Assert.DoesNotContain("Analyzers", (string?)audit.Attribute("exclude") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.True(audit.Attribute("include") is null || (string?)audit.Attribute("include") == "All", audit.ToString());
    }

    [Fact]
    public void Its_other_dependencies_are_exactly_the_runtime_projects_package_references()
    {
        var runtimeProject = XDocument.Load(RepositoryRoot.Combine("runtime", "ProviderAudit.Runtime", "ProviderAudit.Runtime.csproj"));
        var runtimePackages = runtimeProject.Descendants("PackageReference")
            .Where(r => !string.Equals((string?)r.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase))
            .Select(r => (string)r.Attribute("Include")!)
            .Order(StringComparer.OrdinalIgnoreCase);

        var dependencies = Dependencies.Select(d => (string)d.Attribute("id")!)
            .Where(id => id != "ProviderAudit")
            .Order(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(runtimePackages, dependencies);
    }

    [Fact]
    public void Its_package_dependency_versions_are_the_central_package_versions()
    {
        var central = XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(v => (string)v.Attribute("Include")!, v => (string)v.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

        foreach (var dependency in Dependencies.Where(d => (string?)d.Attribute("id") != "ProviderAudit"))
        {
            var id = (string)dependency.Attribute("id")!;
            Assert.Equal(central[id], (string)dependency.Attribute("version")!);
        }
    }

    [Fact]
    public void Version_is_the_same_as_ProviderAudit_s()
    {
        Assert.Equal(package.Audit.Version, Runtime.Version);
        Assert.EndsWith($"ProviderAudit.Runtime.{Runtime.Version}.nupkg", Runtime.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void License_readme_and_repository_are_declared()
    {
        Assert.Equal("Apache-2.0", Runtime.Metadata("license").Value);
        Assert.Contains(Runtime.Metadata("readme").Value, Runtime.Entries);
        Assert.Equal("git", (string?)Runtime.Metadata("repository").Attribute("type"));
    }
}
