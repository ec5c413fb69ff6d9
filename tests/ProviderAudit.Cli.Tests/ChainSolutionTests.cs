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
    public void Sarif_written_in_an_azure_pipelines_job_has_no_error_under_microsofts_validator_with_azure_devops_rules()
    {
        Scenario.AssertBuilt();
        var chain = (ChainSolutionScenario)Scenario;
        Assert.Equal(1, chain.AzurePipelinesAudit.ExitCode);

        Assert.Empty(SarifMultitool.Instance.Errors(chain.AzurePipelinesSarifPath, "Ado"));
    }

    [Fact]
    public void Sarif_written_in_an_azure_pipelines_job_names_the_pipeline_as_azure_devops_requires()
    {
        Scenario.AssertBuilt();
        var chain = (ChainSolutionScenario)Scenario;
        using var sarif = chain.ReadJson(chain.AzurePipelinesSarifPath);
        var automation = sarif.RootElement.GetProperty("runs")[0].GetProperty("automationDetails");

        Assert.Equal(
            "azuredevops/pipeline/build/contoso/11111111-1111-1111-1111-111111111111/42/22222222-2222-2222-2222-222222222222/refs/heads/main/1234",
            automation.GetProperty("id").GetString());
        Assert.Equal("42", automation.GetProperty("properties").GetProperty("azuredevops/pipeline/build/buildDefinitionId").GetString());
        Assert.Equal("Audit", automation.GetProperty("properties").GetProperty("azuredevops/pipeline/build/phaseName").GetString());
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
