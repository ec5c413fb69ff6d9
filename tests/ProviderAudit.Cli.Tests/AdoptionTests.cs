using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// A codebase with its own provider enum: one `fix` adds PA0003's capability mapping and then makes the PA0001 fixes it
/// enables; before that, the reports say which findings the mapping will make fixable.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class AdoptionTests(InstalledTool tool)
{
    private readonly AdoptionScenario _scenario = tool.Adoption;

    [Fact]
    public void One_fix_run_adds_the_mapping_and_fixes_every_check_it_enables()
    {
        _scenario.AssertRestored();
        Assert.True(_scenario.Fix!.Succeeded, _scenario.Fix.ToString());

        Assert.Equal(0, _scenario.AuditAfterFix!.ExitCode);
        Assert.Contains("No findings", _scenario.AuditAfterFix.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_code_one_fix_run_writes_builds_without_a_finding()
    {
        _scenario.AssertRestored();

        Assert.True(_scenario.BuildAfterFix!.Succeeded, _scenario.BuildAfterFix.ToString());
        Assert.DoesNotContain(BuildDiagnostics.Parse(_scenario.BuildAfterFix.Output), d => d.Id.StartsWith("PA", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_the_mapping_the_json_report_marks_the_findings_the_mapping_makes_fixable()
    {
        _scenario.AssertRestored();
        using var report = JsonDocument.Parse(File.ReadAllText(_scenario.ReportBefore));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();

        var waiting = findings.Where(f => f.GetProperty("fixableAfter").ValueKind == JsonValueKind.String).ToList();

        Assert.NotEmpty(waiting);
        Assert.All(waiting, f =>
        {
            Assert.Equal("PA0003", f.GetProperty("fixableAfter").GetString());
            Assert.Empty(f.GetProperty("fixes").EnumerateArray());
            Assert.Contains("Backend . Anthropic", f.GetProperty("expression").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "PA0003");
    }

    [Fact]
    public void Before_the_mapping_the_text_and_markdown_say_fix_handles_both_in_one_run_instead_of_by_hand()
    {
        _scenario.AssertRestored();
        var text = File.ReadAllText(_scenario.TextBefore);
        var markdown = File.ReadAllText(_scenario.MarkdownBefore);

        Assert.Contains("no fix yet: fixable once PA0003's capability mapping is added", text, StringComparison.Ordinal);
        Assert.Contains("it becomes fixable once PA0003's capability mapping is added", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("change it by hand", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_reports_every_finding_fixed_in_the_one_run()
    {
        _scenario.AssertRestored();
        using var report = JsonDocument.Parse(File.ReadAllText(_scenario.ReportBefore));
        var findings = report.RootElement.GetProperty("summary").GetProperty("findings").GetInt32();

        Assert.Contains($"fixed {findings} of {findings} finding(s)", _scenario.Fix!.StandardOutput, StringComparison.Ordinal);
    }
}
