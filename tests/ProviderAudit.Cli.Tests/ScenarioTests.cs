using System.Text;
using System.Text.Json;
using Json.Schema;

namespace ProviderAudit.Cli.Tests;

/// <summary>What holds for every codebase the tool runs on (LegacyHost and the generated chain solution).</summary>
public abstract class ScenarioTests(ToolScenario scenario)
{
    // Built once: the library registers a schema by its $id and refuses to register it again.
    private static readonly Lazy<JsonSchema> ReportSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryRoot.Combine("docs", "schemas", "provider-audit-report.v1.schema.json"))));

    protected ToolScenario Scenario { get; } = scenario;

    [Fact]
    public void Audit_reports_the_sites_dotnet_build_reports()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);

        var reported = Reports.Findings(report).Select(f => (f.File, f.Line, f.Column)).Order().ToList();

        Assert.NotEmpty(Scenario.BuildSites());
        Assert.Equal(Scenario.BuildSites().Order().ToList(), reported);
    }

    [Fact]
    public void Audit_reports_each_site_once_although_the_project_already_references_the_analyzer()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);

        // The build reporting PA0001 shows the project runs the analyzer itself; the tool must not add its own copy's findings to those.
        Assert.Equal(Scenario.BuildSites().Count, Reports.Findings(report).Count);
    }

    [Fact]
    public void Audit_exits_1_when_it_finds_comparisons()
    {
        Scenario.AssertBuilt();

        Assert.Equal(1, Scenario.Audit.ExitCode);
    }

    [Fact]
    public void Each_inferred_fix_is_the_code_action_for_the_inferred_concern()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);
        var inferred = Reports.Findings(report).Where(f => f.Concern is "ModelIdFormat" or "AuthTransport").ToList();
        Assert.NotEmpty(inferred);

        Assert.All(inferred, finding =>
        {
            var fix = Assert.Single(finding.Fixes);
            Assert.True(fix.Inferred);
            Assert.Equal("PA0001.Use" + finding.Concern, fix.EquivalenceKey);
            Assert.Contains(finding.Concern == "ModelIdFormat" ? ".ModelIdFormat().IsFirstParty" : ".AuthTransport().IsFirstParty", string.Join('\n', fix.NewLines), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Fix_writes_byte_for_byte_what_dotnet_format_writes()
    {
        Scenario.AssertBuilt();
        Assert.True(Scenario.Fix.Succeeded, Scenario.Fix.ToString());
        Assert.True(Scenario.Format.Succeeded, Scenario.Format.ToString());

        // Both sides must have changed something: `dotnet format` can report success and write nothing.
        Assert.NotEmpty(Reports.Differences(Scenario.Original, Scenario.AfterFormat));
        Assert.NotEmpty(Reports.Differences(Scenario.Original, Scenario.AfterFix));
        Assert.Empty(Reports.Differences(Scenario.AfterFormat, Scenario.AfterFix));
    }

    [Fact]
    public void Dry_run_changes_no_file()
    {
        Scenario.AssertBuilt();
        Assert.True(Scenario.DryRun.Succeeded, Scenario.DryRun.ToString());

        Assert.Equal("", Scenario.StatusAfterDryRun);
        Assert.Empty(Reports.Differences(Scenario.Original, Scenario.AfterDryRun));
    }

    [Fact]
    public void Dry_run_diff_applies_with_git_apply_and_gives_what_fix_writes()
    {
        Scenario.AssertBuilt();
        Assert.StartsWith("diff --git a/", Scenario.DryRun.StandardOutput, StringComparison.Ordinal);

        Assert.True(Scenario.ApplyDryRun.Succeeded, Scenario.ApplyDryRun.ToString());
        Assert.Empty(Reports.Differences(Scenario.AfterFix, Scenario.AfterApplyingDryRun));
    }

    [Fact]
    public void Quiet_fix_prints_nothing_on_stderr()
    {
        Scenario.AssertBuilt();

        Assert.Equal("", Scenario.DryRun.StandardError);
    }

    [Fact]
    public void Sarif_log_has_the_fields_sarif_2_1_0_requires()
    {
        Scenario.AssertBuilt();
        using var sarif = Scenario.ReadJson(Scenario.SarifReportPath);
        var log = sarif.RootElement;

        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var run = Assert.Single(log.GetProperty("runs").EnumerateArray());
        Assert.Equal("provider-audit", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, result =>
        {
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.All(result.GetProperty("fixes").EnumerateArray(), fix =>
            {
                Assert.NotEmpty(fix.GetProperty("artifactChanges").EnumerateArray());
                Assert.All(fix.GetProperty("artifactChanges").EnumerateArray(), change =>
                {
                    Assert.True(change.GetProperty("artifactLocation").TryGetProperty("uri", out _));
                    Assert.All(change.GetProperty("replacements").EnumerateArray(), r => Assert.Equal(JsonValueKind.Object, r.GetProperty("deletedRegion").ValueKind));
                });
            });
        });
    }

    [Fact]
    public void Sarif_rules_carry_title_level_and_help_uri()
    {
        Scenario.AssertBuilt();
        using var sarif = Scenario.ReadJson(Scenario.SarifReportPath);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        var pa0001 = Assert.Single(rules, r => r.GetProperty("id").GetString() == "PA0001");
        Assert.False(string.IsNullOrEmpty(pa0001.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.Equal("warning", pa0001.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.EndsWith("docs/rules/PA0001.md", pa0001.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_fixes_applied_to_the_original_give_what_fix_writes()
    {
        Scenario.AssertBuilt();
        using var sarif = Scenario.ReadJson(Scenario.SarifReportPath);

        // Each result's first fix: the inferred one, or for an ambiguous site the one `fix` applies by default.
        var replacements = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("fixes").EnumerateArray().FirstOrDefault())
            .Where(fix => fix.ValueKind == JsonValueKind.Object)
            .SelectMany(fix => fix.GetProperty("artifactChanges").EnumerateArray())
            .SelectMany(change => change.GetProperty("replacements").EnumerateArray().Select(r => (
                File: Uri.UnescapeDataString(change.GetProperty("artifactLocation").GetProperty("uri").GetString()!),
                Offset: r.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32(),
                Length: r.GetProperty("deletedRegion").GetProperty("charLength").GetInt32(),
                Text: r.GetProperty("insertedContent").GetProperty("text").GetString()!)))
            .ToList();
        Assert.NotEmpty(replacements);

        // A replacement several results carry alike (a using directive their rewrites need) is applied once.
        var applied = Scenario.Original.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var file in replacements.Distinct().GroupBy(r => r.File))
        {
            var text = Encoding.UTF8.GetString(Scenario.Original[file.Key]);
            var preamble = Scenario.Original[file.Key].AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 1 : 0;
            foreach (var r in file.OrderByDescending(r => r.Offset))
            {
                text = text[..(r.Offset + preamble)] + r.Text + text[(r.Offset + preamble + r.Length)..];
            }

            applied[file.Key] = Encoding.UTF8.GetBytes(text);
        }

        Assert.Empty(Reports.Differences(Scenario.AfterFix, applied));
    }

    [Fact]
    public void Sarif_log_has_no_error_under_microsofts_validator_with_github_rules()
    {
        Scenario.AssertBuilt();

        Assert.Empty(SarifMultitool.Instance.Errors(Scenario.SarifReportPath, "Gh"));
    }

    [Fact]
    public void Sarif_log_has_no_error_or_warning_under_microsofts_validator_with_the_specifications_rules()
    {
        Scenario.AssertBuilt();

        Assert.Empty(SarifMultitool.Instance.Validate(Scenario.SarifReportPath, "Sarif"));
    }

    [Fact]
    public void Sarif_rules_carry_their_docs_rules_page_as_help_text_and_markdown()
    {
        Scenario.AssertBuilt();
        using var sarif = Scenario.ReadJson(Scenario.SarifReportPath);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.NotEmpty(rules);

        Assert.All(rules, rule =>
        {
            var id = rule.GetProperty("id").GetString()!;
            var page = File.ReadAllText(RepositoryRoot.Combine("docs", "rules", id + ".md")).ReplaceLineEndings("\n");
            var help = rule.GetProperty("help");
            Assert.StartsWith(page.Split('\n')[0], help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("](PA0", help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(help.GetProperty("text").GetString()));
            Assert.DoesNotContain("](", help.GetProperty("text").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Sarif_rule_names_are_readable_identifiers_not_the_ids()
    {
        Scenario.AssertBuilt();
        using var sarif = Scenario.ReadJson(Scenario.SarifReportPath);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.All(rules, rule =>
        {
            var name = rule.GetProperty("name").GetString()!;
            Assert.NotEqual(rule.GetProperty("id").GetString(), name);
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", name);
        });
    }

    [Fact]
    public void Sarif_names_the_tool_in_full_and_the_analysis_by_its_category()
    {
        Scenario.AssertBuilt();
        using var sarif = Scenario.ReadJson(Scenario.SarifReportPath);
        var run = sarif.RootElement.GetProperty("runs")[0];

        Assert.Equal($"provider-audit {Scenario.Tool.Version}", run.GetProperty("tool").GetProperty("driver").GetProperty("fullName").GetString());
        Assert.Equal("provider-audit/", run.GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Review_comments_stay_within_the_files_and_githubs_size_limit()
    {
        Scenario.AssertBuilt();
        using var review = Scenario.ReadJson(Scenario.ReviewReportPath);
        var comments = review.RootElement.GetProperty("comments").EnumerateArray().ToList();
        Assert.NotEmpty(comments);

        Assert.True(review.RootElement.GetProperty("body").GetString()!.Length < 65_536);
        Assert.All(comments, comment =>
        {
            var lines = File.ReadAllLines(Path.Combine(Scenario.Root, comment.GetProperty("path").GetString()!)).Length;
            var last = comment.GetProperty("line").GetInt32();
            var first = comment.TryGetProperty("start_line", out var start) ? start.GetInt32() : last;
            Assert.InRange(first, 1, last);
            Assert.InRange(last, 1, lines);
            Assert.True(comment.GetProperty("body").GetString()!.Length < 65_536);
        });
    }

    [Fact]
    public void Every_fix_is_offered_as_a_suggestion_in_a_review_comment()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);
        using var review = Scenario.ReadJson(Scenario.ReviewReportPath);
        var suggestions = review.RootElement.GetProperty("comments").EnumerateArray()
            .Sum(c => c.GetProperty("body").GetString()!.Split('\n').Count(l => l.EndsWith("suggestion", StringComparison.Ordinal)));

        Assert.Equal(Reports.Findings(report).Sum(f => f.Fixes.Count), suggestions);
    }

    [Fact]
    public void Json_report_with_fields_added_in_a_later_version_still_validates()
    {
        Scenario.AssertBuilt();
        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Scenario.JsonReportPath))!;
        report["addedLater"] = "a field a newer provider-audit writes";
        report["summary"]!["addedLater"] = 1;
        report["findings"]![0]!["addedLater"] = true;
        report["findings"]![0]!["fixes"]![0]!["changes"]![0]!["addedLater"] = "x";

        var result = ReportSchema.Value.Evaluate(JsonDocument.Parse(report.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void Json_report_validates_against_its_published_schema()
    {
        Scenario.AssertBuilt();
        using var report = Scenario.ReadJson(Scenario.JsonReportPath);

        var result = ReportSchema.Value.Evaluate(report.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }
}
