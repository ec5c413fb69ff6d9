using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>Gradual adoption on the chain solution: record a baseline, then only new findings fail the gate.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class BaselineTests(InstalledTool tool)
{
    private readonly ChainSolutionScenario _chain = tool.Chain;

    [Fact]
    public void Baseline_records_every_finding_by_file_member_and_expression_not_line()
    {
        _chain.AssertBuilt();
        Assert.True(_chain.RecordBaseline.Succeeded, _chain.RecordBaseline.ToString());
        using var audit = _chain.ReadJson(_chain.JsonReportPath);
        using var baseline = _chain.ReadJson(_chain.BaselinePath);

        var entries = baseline.RootElement.GetProperty("findings").EnumerateArray().ToList();

        Assert.Equal(Reports.Findings(audit).Count, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.False(e.TryGetProperty("line", out _));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("member").GetString()));
            Assert.Contains("FirstParty", e.GetProperty("expression").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Baseline_survives_lines_inserted_above_every_finding_and_files_moved_and_renamed()
    {
        _chain.AssertBuilt();
        using var before = _chain.ReadJson(_chain.JsonReportPath);
        using var after = _chain.ReadJson(_chain.Report("after-moves.json"));

        // The edits did move every finding.
        Assert.Empty(Reports.Findings(after).Select(f => (f.File, f.Line)).Intersect(Reports.Findings(before).Select(f => (f.File, f.Line))));
        Assert.Equal(0, _chain.AfterMovesAndRename.ExitCode);
        var summary = Reports.BaselineSummary(after);
        Assert.Equal(0, summary.GetProperty("new").GetInt32());
        Assert.Equal(Reports.Findings(before).Count, summary.GetProperty("baselined").GetInt32());
        Assert.Equal(0, summary.GetProperty("gone").GetInt32());
    }

    [Fact]
    public void A_file_with_findings_moved_to_another_folder_and_renamed_keeps_them_baselined()
    {
        _chain.AssertBuilt();
        using var after = _chain.ReadJson(_chain.Report("after-moves.json"));

        var moved = Reports.Findings(after).Where(f => f.File == ChainSolutionScenario.MovedFileNewPath).ToList();

        Assert.NotEmpty(moved);
        Assert.All(moved, f => Assert.Equal("baselined", f.Baseline));
    }

    [Fact]
    public void A_check_added_above_an_identical_baselined_one_in_the_same_member_is_the_new_one()
    {
        _chain.AssertBuilt();
        using var report = _chain.ReadJson(_chain.Report("after-add.json"));
        var inFile = Reports.Findings(report).Where(f => f.File == ChainSolutionScenario.AddedComparisonFile).ToList();

        Assert.Equal("new", Assert.Single(inFile, f => f.Line == _chain.AddedLine).Baseline);
        Assert.Equal("baselined", Assert.Single(inFile, f => f.Line == _chain.OldIdenticalLine).Baseline);
    }

    [Fact]
    public void The_markdown_heading_counts_only_the_new_findings_it_lists()
    {
        _chain.AssertBuilt();
        using var report = _chain.ReadJson(_chain.Report("after-add.json"));
        var baselined = Reports.BaselineSummary(report).GetProperty("baselined").GetInt32();

        var heading = File.ReadAllText(_chain.Report("after-add.md")).Split('\n')[0];

        Assert.Equal($"### provider-audit: 1 new finding ({baselined} baselined)", heading);
    }

    [Fact]
    public void The_review_comments_only_on_the_new_finding()
    {
        _chain.AssertBuilt();
        using var review = _chain.ReadJson(_chain.Report("after-add.review.json"));

        var comment = Assert.Single(review.RootElement.GetProperty("comments").EnumerateArray());

        Assert.Equal(ChainSolutionScenario.AddedComparisonFile, comment.GetProperty("path").GetString());
        Assert.Equal(_chain.AddedLine, comment.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Fail_on_new_fails_on_exactly_the_one_added_comparison()
    {
        _chain.AssertBuilt();
        using var report = _chain.ReadJson(_chain.Report("after-add.json"));

        Assert.Equal(1, _chain.AfterAddAndRemove.ExitCode);
        Assert.Equal(1, Reports.BaselineSummary(report).GetProperty("new").GetInt32());
        var added = Assert.Single(Reports.Findings(report), f => f.Baseline == "new");
        Assert.Equal((ChainSolutionScenario.AddedComparisonFile, _chain.AddedLine), (added.File, added.Line));
    }

    [Fact]
    public void A_baselined_finding_removed_from_the_code_is_reported_gone()
    {
        _chain.AssertBuilt();
        using var report = _chain.ReadJson(_chain.Report("after-add.json"));

        var gone = Assert.Single(report.RootElement.GetProperty("gone").EnumerateArray());

        Assert.Equal(ChainSolutionScenario.RemovedComparisonFile, gone.GetProperty("file").GetString());
        Assert.Contains("Prompt", gone.GetProperty("member").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, gone.GetProperty("fingerprint").ValueKind);
    }
}
