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
    public void A_ProviderAudit_consumer_gets_the_capability_assembly_and_nothing_of_the_runtime()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.Audited;
        var output = Path.Combine(build.Project.Directory, "bin", "Debug", "net10.0");

        Assert.True(File.Exists(Path.Combine(output, "ProviderAudit.Abstractions.dll")), build.Result.ToString());
        Assert.False(File.Exists(Path.Combine(output, "ProviderAudit.Runtime.dll")));
        Assert.Empty(Directory.GetFiles(output, "Anthropic*.dll").Concat(Directory.GetFiles(output, "AWSSDK*.dll")));
    }

    [Fact]
    public void A_ProviderAudit_Runtime_consumer_gets_the_runtime_and_the_capability_assemblies()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.RuntimeAudited;
        var output = Path.Combine(build.Project.Directory, "bin", "Debug", "net10.0");

        Assert.True(File.Exists(Path.Combine(output, "ProviderAudit.Runtime.dll")), build.Result.ToString());
        Assert.True(File.Exists(Path.Combine(output, "ProviderAudit.Abstractions.dll")), build.Result.ToString());
    }

    [Fact]
    public void A_ProviderAudit_Runtime_consumer_is_audited_through_the_package_it_brings()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.RuntimeAudited;

        Assert.True(build.Result.Succeeded, build.Result.ToString());
        var finding = Assert.Single(build.Findings);
        Assert.Equal("warning", finding.Severity);
        Assert.Equal(ConsumerProject.FlaggedLine, finding.Line);
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
