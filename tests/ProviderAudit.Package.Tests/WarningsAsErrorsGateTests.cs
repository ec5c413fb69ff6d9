namespace ProviderAudit.Package.Tests;

/// <summary>The CI gate: a consumer build fails on PA0001 when warnings are errors, and passes once the check asks a capability.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class WarningsAsErrorsGateTests(PackedPackage package)
{
    [Fact]
    public void Warnaserror_build_fails_with_PA0001_as_an_error_on_the_comparison()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.WarnAsErrorGate;

        Assert.False(build.Result.Succeeded, build.Result.ToString());
        var finding = Assert.Single(build.Findings);
        Assert.Equal("error", finding.Severity);
        Assert.Equal(ConsumerProject.FlaggedLine, finding.Line);
    }

    [Fact]
    public void WarningsAsErrors_PA0001_build_fails_with_PA0001_as_an_error()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.WarningsAsErrorsGate;

        Assert.False(build.Result.Succeeded, build.Result.ToString());
        Assert.Equal("error", Assert.Single(build.Findings).Severity);
    }

    [Fact]
    public void Both_gates_pass_once_the_comparison_asks_a_capability()
    {
        package.Consumers.AssertRestored();
        var build = package.Consumers.FixedUnderBothGates;

        Assert.True(build.Result.Succeeded, build.Result.ToString());
        Assert.Empty(build.Findings);
    }
}
