namespace ProviderAudit.Cli.Tests;

/// <summary>The tool on a generated solution of three projects in a reference chain, each using the packed package.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ChainSolutionTests(InstalledTool tool) : ScenarioTests(tool.Chain)
{
    [Fact]
    public void Audit_covers_every_project_of_the_chain()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);

        var folders = Reports.Findings(report).Select(f => f.File.Split('/')[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["App", "Core", "Services"], folders);
    }

    [Fact]
    public void Audit_reports_progress_per_project_on_stderr()
    {
        Scenario.AssertBuilt();
        var progress = Scenario.Audit.StandardError;

        Assert.Contains("analyzing project 1/3", progress, StringComparison.Ordinal);
        Assert.Contains("analyzing project 3/3", progress, StringComparison.Ordinal);
        Assert.Contains("findings so far", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("analyzing project", Scenario.Audit.StandardOutput, StringComparison.Ordinal);
    }
}
