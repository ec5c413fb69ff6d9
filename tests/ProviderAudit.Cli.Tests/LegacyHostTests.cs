namespace ProviderAudit.Cli.Tests;

/// <summary>The tool on samples/LegacyHost (22 findings, some ambiguous), next to the README's build and format commands.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class LegacyHostTests(InstalledTool tool) : ScenarioTests(tool.LegacyHost)
{
    /// <summary>Set to 1 to rewrite the golden file from this run (then review the diff).</summary>
    public const string UpdateGoldenVariable = "PROVIDER_AUDIT_UPDATE_GOLDEN";

    private const string GoldenFile = "LegacyHost.audit.md";

    [Fact]
    public void Audit_finds_every_comparison_site_of_the_demo()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);

        Assert.Equal(LegacyHostDemo.ComparisonSites, Reports.Findings(report).Count);
    }

    [Fact]
    public void Findings_have_the_severity_the_projects_editorconfig_gives()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);

        // The repository's .editorconfig makes PA0001 an error; samples/LegacyHost/.editorconfig lowers it to a warning.
        Assert.All(Reports.Findings(report), f => Assert.Equal("warning", f.Severity));
    }

    [Fact]
    public void Ambiguous_sites_show_both_fixes()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);
        var ambiguous = Reports.Findings(report).Where(f => f.Concern == "Ambiguous").ToList();
        Assert.NotEmpty(ambiguous);

        Assert.All(ambiguous, finding =>
        {
            Assert.Equal(["PA0001.UseAuthTransport", "PA0001.UseModelIdFormat"], finding.Fixes.Select(f => f.EquivalenceKey).Order(StringComparer.Ordinal));
            Assert.All(finding.Fixes, f => Assert.False(f.Inferred));
        });
    }

    [Fact]
    public void Markdown_report_matches_the_golden_file()
    {
        Scenario.AssertBuilt();
        var actual = File.ReadAllText(Scenario.MarkdownReportPath);
        if (Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1")
        {
            File.WriteAllText(RepositoryRoot.Combine("tests", "ProviderAudit.Cli.Tests", "Golden", GoldenFile), actual);
        }

        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", GoldenFile)).ReplaceLineEndings("\n");

        Assert.Equal(golden, actual);
    }

    [Fact]
    public void Markdown_report_collapses_the_findings_past_the_limit()
    {
        Scenario.AssertBuilt();
        var markdown = File.ReadAllText(Scenario.MarkdownReportPath);
        var details = markdown.IndexOf("<details>", StringComparison.Ordinal);
        Assert.True(details > 0, markdown);

        var shownOpen = markdown[..details].Split('\n').Count(l => l.StartsWith("#### ", StringComparison.Ordinal));
        var collapsed = markdown[details..].Split('\n').Count(l => l.StartsWith("#### ", StringComparison.Ordinal));

        Assert.Equal(10, shownOpen);
        Assert.Equal(LegacyHostDemo.ComparisonSites - 10, collapsed);
        Assert.Contains($"<summary>{LegacyHostDemo.ComparisonSites - 10} more findings</summary>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_suggests_each_fix_as_replaced_lines()
    {
        Scenario.AssertBuilt();
        var markdown = File.ReadAllText(Scenario.MarkdownReportPath);

        // Every site has one suggestion, an ambiguous one two.
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);
        var expected = Reports.Findings(report).Sum(f => f.Fixes.Count);
        Assert.Equal(expected, markdown.Split('\n').Count(l => l == "```suggestion"));
        Assert.Contains("```suggestion\n        if (provider.ModelIdFormat().IsFirstParty)\n```", markdown, StringComparison.Ordinal);
    }
}
