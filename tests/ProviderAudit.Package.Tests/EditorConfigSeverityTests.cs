namespace ProviderAudit.Package.Tests;

/// <summary>A consumer's .editorconfig decides PA0001's severity.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class EditorConfigSeverityTests(PackedPackage package)
{
    [Fact]
    public void Severity_none_silences_PA0001()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.SeverityNone;

        Assert.True(build.Result.Succeeded, build.Result.ToString());
        Assert.DoesNotContain("PA0001", build.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_error_fails_the_build_with_PA0001_on_the_comparison()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.SeverityError;

        Assert.False(build.Result.Succeeded, build.Result.ToString());
        var finding = Assert.Single(build.Findings);
        Assert.Equal("error", finding.Severity);
        Assert.Equal(ConsumerProject.FlaggedLine, finding.Line);
    }
}
