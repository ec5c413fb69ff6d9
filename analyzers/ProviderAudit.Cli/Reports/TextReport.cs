using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// The default format: one line per finding in the compiler's <c>file(line,col): severity ID: message</c> shape
/// (so editors and CI log parsers pick it up), the lines each fix would change, and a summary.
/// </summary>
internal static class TextReport
{
    public static void Write(TextWriter writer, AuditReport report)
    {
        foreach (var finding in report.Findings)
        {
            var location = finding.HasLocation ? $"{finding.File}({finding.Line},{finding.Column})" : finding.File;
            var state = report.BaselineState(finding) is { } s ? $" [{s}]" : "";
            var concern = finding.Concern is null ? "" : $" [concern: {AuditReport.ConcernLabel(finding.Concern)}]";
            writer.WriteLine($"{location}: {finding.SeverityName} {finding.RuleId}: {finding.Message}{concern}{state}");
            if (finding.Fixes.Count == 0 && finding.FixableAfter is { } enabler)
            {
                writer.WriteLine($"    no fix yet: fixable once {enabler}'s capability mapping is added (`provider-audit fix` adds it and then fixes this in one run)");
            }

            foreach (var fix in finding.Fixes)
            {
                writer.WriteLine($"    fix{(fix.Inferred ? " (inferred)" : "")}: {fix.Title}");
                foreach (var change in fix.Changes)
                {
                    var where = change.File == finding.File ? "" : $" in {change.File}";
                    if (where.Length > 0 || change.FirstLine != finding.Line)
                    {
                        writer.WriteLine($"      at line {change.FirstLine}{where}:");
                    }

                    foreach (var line in change.OldLines)
                    {
                        writer.WriteLine($"      - {line.Trim()}");
                    }

                    foreach (var line in change.NewLines)
                    {
                        writer.WriteLine($"      + {line.Trim()}");
                    }
                }
            }
        }

        if (report.Findings.Count > 0)
        {
            writer.WriteLine();
        }

        writer.WriteLine(Summary(report));
        if (report.Baseline is { Gone.Count: > 0 } baseline)
        {
            writer.WriteLine($"{baseline.Gone.Count} baselined finding(s) are gone; record the baseline again to drop them:");
            foreach (var gone in baseline.Gone)
            {
                writer.WriteLine($"  {gone.File}: {gone.RuleId} in {(gone.Member.Length > 0 ? gone.Member : "(no member)")}: {gone.Expression}");
            }
        }
    }

    public static string Summary(AuditReport report)
    {
        var projects = report.Projects.Count == 1 ? "1 project" : $"{report.Projects.Count} projects";
        if (report.Findings.Count == 0)
        {
            return $"No findings in {projects}.";
        }

        var byRule = string.Join(", ", report.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        var byConcern = string.Join(", ", report.Findings.Where(f => f.Concern is not null)
            .GroupBy(f => f.Concern!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{AuditReport.ConcernLabel(g.Key)}: {g.Count()}"));
        var summary = $"{report.Findings.Count} finding(s) in {projects} ({byRule}{(byConcern.Length > 0 ? "; " + byConcern : "")}).";
        if (report.Baseline is { } baseline)
        {
            summary += $" Against the baseline: {baseline.NewCount} new, {baseline.BaselinedCount} baselined, {baseline.Gone.Count} gone.";
        }

        return summary;
    }
}
