namespace ProviderAudit.Package.Tests;

/// <summary>Build-time diagnostics: what a developer sees after adding the one PackageReference.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerBuildTests(PackedPackage package)
{
    [Fact]
    public void Consumer_build_succeeds_with_PA0001_at_its_default_warning_severity()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.Audited;

        Assert.True(build.Result.Succeeded, build.Result.ToString());
        Assert.All(build.Findings, d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public void PA0001_is_reported_on_the_comparison_line_of_the_consumer()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.Audited;

        var finding = Assert.Single(build.Findings);
        Assert.EndsWith("Program.cs", finding.File, StringComparison.Ordinal);
        Assert.Equal(ConsumerProject.FlaggedLine, finding.Line);
    }

    [Fact]
    public void Runtime_assembly_from_the_package_is_copied_to_the_consumer_output()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.Audited;

        Assert.True(File.Exists(Path.Combine(build.Project.Directory, "bin", "Debug", "net10.0", "ProviderAudit.Runtime.dll")), build.Result.ToString());
    }

    [Fact]
    public void Readme_runtime_quick_start_compiles_against_the_package_without_warnings()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.FixedUnderBothGates;

        Assert.True(File.Exists(Path.Combine(build.Project.Directory, "QuickStart.cs")));
        Assert.True(build.Result.Succeeded, build.Result.ToString());
        Assert.DoesNotContain(build.Diagnostics, d => d.File.EndsWith("QuickStart.cs", StringComparison.Ordinal));
    }
}
