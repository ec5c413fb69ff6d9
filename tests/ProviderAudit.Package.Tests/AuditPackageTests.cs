using System.Xml.Linq;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// The <c>ProviderAudit</c> package, what an adopting library references: the capability assembly for netstandard2.0
/// and the audit, with no dependency at all.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class AuditPackageTests(PackedPackage package)
{
    private PackedNupkg Audit
    {
        get
        {
            package.AssertPacked();
            return package.Audit;
        }
    }

    [Fact]
    public void Package_id_is_ProviderAudit()
    {
        Assert.Equal("ProviderAudit", Audit.Metadata("id").Value);
    }

    [Fact]
    public void Analyzer_and_code_fix_assemblies_are_under_analyzers_dotnet_cs()
    {
        Assert.Equal(
            ["analyzers/dotnet/cs/ProviderAudit.Analyzers.dll", "analyzers/dotnet/cs/ProviderAudit.CodeFixes.dll"],
            Audit.EntriesUnder("analyzers/"));
    }

    [Fact]
    public void Lib_holds_only_the_netstandard2_0_capability_assembly_and_its_documentation()
    {
        Assert.Equal(
            ["lib/netstandard2.0/ProviderAudit.Abstractions.dll", "lib/netstandard2.0/ProviderAudit.Abstractions.xml"],
            Audit.EntriesUnder("lib/"));
    }

    [Fact]
    public void No_assembly_outside_lib_and_analyzers()
    {
        Assert.DoesNotContain(Audit.Entries, e =>
            e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            && !e.StartsWith("lib/", StringComparison.Ordinal)
            && !e.StartsWith("analyzers/", StringComparison.Ordinal));
    }

    [Fact]
    public void It_has_no_dependency_on_any_framework()
    {
        Assert.All(Audit.DependencyGroups, group => Assert.Empty(group.Dependencies));
    }

    [Fact]
    public void It_is_not_a_development_dependency_so_the_capability_types_flow_to_the_library_s_consumers()
    {
        Assert.NotEqual("true", Audit.Nuspec.Descendants().SingleOrDefault(e => e.Name.LocalName == "developmentDependency")?.Value);
    }

    [Fact]
    public void Version_is_the_one_in_Directory_Build_props()
    {
        var version = (string)XDocument.Load(RepositoryRoot.Combine("Directory.Build.props")).Descendants("Version").Single();

        Assert.Equal(version, Audit.Version);
        Assert.EndsWith($"ProviderAudit.{version}.nupkg", Audit.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void License_is_an_SPDX_expression()
    {
        var license = Audit.Metadata("license");

        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("Apache-2.0", license.Value);
    }

    [Fact]
    public void Readme_is_declared_and_shipped()
    {
        Assert.Contains(Audit.Metadata("readme").Value, Audit.Entries);
    }

    [Fact]
    public void Repository_metadata_points_at_the_git_repository()
    {
        var repository = Audit.Metadata("repository");

        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
    }
}
