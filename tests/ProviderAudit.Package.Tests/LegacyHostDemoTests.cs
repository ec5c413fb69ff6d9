namespace ProviderAudit.Package.Tests;

/// <summary>The audit demo README leads with: N findings, one command applies the fixes, then a clean build.</summary>
public sealed class LegacyHostDemoTests(LegacyHostDemo demo) : IClassFixture<LegacyHostDemo>
{
    [Fact]
    public void Demo_build_succeeds_while_reporting_findings()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());
        Assert.NotEmpty(demo.FindingsBefore);
    }

    [Fact]
    public void Demo_build_reports_every_comparison_site_once()
    {
        Assert.Equal(LegacyHostDemo.ComparisonSites, demo.FindingsBefore.Count);
    }

    [Fact]
    public void Demo_findings_are_warnings_with_a_LegacyHost_file_and_line()
    {
        Assert.All(demo.FindingsBefore, d =>
        {
            Assert.Equal("warning", d.Severity);
            Assert.Contains($"{Path.DirectorySeparatorChar}LegacyHost{Path.DirectorySeparatorChar}", d.File, StringComparison.Ordinal);
            Assert.True(d.Line > 0);
        });
    }

    [Fact]
    public void Verify_no_changes_gate_exits_2_on_the_unfixed_demo()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());

        Assert.Equal(2, demo.Verify!.ExitCode);
    }

    [Fact]
    public void Verify_no_changes_gate_lists_every_finding()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());

        Assert.Equal(LegacyHostDemo.ComparisonSites, BuildDiagnostics.Parse(demo.Verify!.Output).WithId("PA0001").Count);
    }

    [Fact]
    public void Verify_no_changes_gate_leaves_the_sources_untouched()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());

        Assert.Empty(demo.SourcesChangedByVerify);
    }

    [Fact]
    public void Dotnet_format_command_applies_the_fixes()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());
        Assert.True(demo.Fix!.Succeeded, demo.Fix.ToString());
    }

    [Fact]
    public void After_the_fixes_the_demo_builds_with_no_PA0001()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());

        Assert.True(demo.After!.Succeeded, demo.After.ToString());
        Assert.Empty(BuildDiagnostics.Parse(demo.After.Output).WithId("PA0001"));
    }

    [Fact]
    public void Fixed_sources_ask_both_capabilities()
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());
        var all = string.Concat(demo.FixedSources.Values);

        Assert.Contains(".ModelIdFormat().IsFirstParty", all, StringComparison.Ordinal);
        Assert.Contains(".AuthTransport().IsFirstParty", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_shows_the_demo_and_fix_commands_this_test_runs()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        Assert.Contains("dotnet " + string.Join(' ', LegacyHostDemo.BuildCommand), readme, StringComparison.Ordinal);
        Assert.Contains("dotnet " + string.Join(' ', LegacyHostDemo.FixCommand), readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guards model-id logic", ".ModelIdFormat().IsFirstParty")]
    [InlineData("guards auth/endpoint logic", ".AuthTransport().IsFirstParty")]
    public void Each_fix_asks_the_capability_its_finding_inferred(string inferredConcern, string expectedRewrite)
    {
        Assert.True(demo.Before.Succeeded, demo.Before.ToString());
        var findings = demo.FindingsBefore.Where(f => f.Message.Contains(inferredConcern, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(findings);

        // The fixes rewrite in place, so a finding's line number still points at its rewritten check.
        Assert.All(findings, f =>
        {
            var fixedLine = demo.FixedSources[Path.GetFileName(f.File)].Split('\n')[f.Line - 1];
            Assert.Contains(expectedRewrite, fixedLine, StringComparison.Ordinal);
        });
    }
}
