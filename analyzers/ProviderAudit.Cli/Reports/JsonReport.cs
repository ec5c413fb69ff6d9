using System.Text.Json.Nodes;
using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// <c>--format json</c>: the report as a versioned document, described in docs/cli.md and by
/// docs/schemas/provider-audit-report.v1.schema.json. Additions keep the version; a removed or changed field bumps it.
/// </summary>
internal static class JsonReport
{
    public const string SchemaName = "provider-audit-report";
    public const int SchemaVersion = 1;

    public static JsonObject Build(AuditReport report) => new()
    {
        ["schema"] = SchemaName,
        ["schemaVersion"] = SchemaVersion,
        ["tool"] = new JsonObject { ["name"] = "provider-audit", ["version"] = AuditReport.ToolVersion },
        ["input"] = report.Input.RelativePath(report.Input.FullPath),
        ["projects"] = new JsonArray([.. report.Projects.Select(p => (JsonNode)p)]),
        ["loadWarnings"] = new JsonArray([.. report.LoadWarnings.Select(w => (JsonNode)w)]),
        ["summary"] = Summary(report),
        ["rules"] = new JsonArray([.. report.Rules.Values.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["title"] = r.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["helpUri"] = r.HelpLinkUri,
            ["defaultSeverity"] = r.DefaultSeverity.ToString().ToLowerInvariant(),
        })]),
        ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)Finding(report, f))]),
        ["gone"] = new JsonArray([.. (report.Baseline?.Gone ?? []).Select(g => (JsonNode)new JsonObject
        {
            ["ruleId"] = g.RuleId,
            ["file"] = g.File,
            ["member"] = g.Member,
            ["expression"] = g.Expression,
            ["fingerprint"] = g.Fingerprint,
            ["occurrence"] = g.Occurrence,
        })]),
    };

    private static JsonObject Summary(AuditReport report)
    {
        var summary = new JsonObject
        {
            ["findings"] = report.Findings.Count,
            ["failing"] = report.Failing,
            ["failOn"] = report.FailOn.ToString().ToLowerInvariant(),
            ["byRule"] = Counts(report.Findings.GroupBy(f => f.RuleId)),
            ["byConcern"] = Counts(report.Findings.Where(f => f.Concern is not null).GroupBy(f => f.Concern!)),
        };
        if (report.Baseline is { } baseline)
        {
            summary["baseline"] = new JsonObject { ["new"] = baseline.NewCount, ["baselined"] = baseline.BaselinedCount, ["gone"] = baseline.Gone.Count };
        }

        return summary;
    }

    private static JsonObject Counts(IEnumerable<IGrouping<string, Finding>> groups)
    {
        var counts = new JsonObject();
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            counts[group.Key] = group.Count();
        }

        return counts;
    }

    private static JsonObject Finding(AuditReport report, Finding finding)
    {
        var node = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["severity"] = finding.SeverityName,
            ["message"] = finding.Message,
            ["concern"] = finding.Concern,
            ["file"] = finding.File,
            ["line"] = finding.Line,
            ["column"] = finding.Column,
            ["endLine"] = finding.EndLine,
            ["endColumn"] = finding.EndColumn,
            ["project"] = finding.Project,
            ["member"] = finding.Identity.Member,
            ["expression"] = finding.Identity.Expression,
            ["fingerprint"] = finding.Identity.Fingerprint,
            ["occurrence"] = finding.Identity.Occurrence,
            ["helpUri"] = report.Rules.TryGetValue(finding.RuleId, out var rule) ? rule.HelpLinkUri : null,
            ["fixableAfter"] = finding.FixableAfter,
            ["fixes"] = new JsonArray([.. finding.Fixes.Select(fix => (JsonNode)new JsonObject
            {
                ["title"] = fix.Title,
                ["equivalenceKey"] = fix.EquivalenceKey,
                ["inferred"] = fix.Inferred,
                ["changes"] = new JsonArray([.. fix.Changes.Select(c => (JsonNode)new JsonObject
                {
                    ["file"] = c.File,
                    ["shared"] = c.Shared,
                    ["startLine"] = c.FirstLine,
                    ["endLine"] = c.LastLine,
                    ["oldLines"] = new JsonArray([.. c.OldLines.Select(l => (JsonNode)l)]),
                    ["newLines"] = new JsonArray([.. c.NewLines.Select(l => (JsonNode)l)]),
                    ["edits"] = new JsonArray([.. c.Edits.Select(e => (JsonNode)new JsonObject
                    {
                        ["offset"] = e.Offset,
                        ["length"] = e.Length,
                        ["startLine"] = e.StartLine,
                        ["startColumn"] = e.StartColumn,
                        ["endLine"] = e.EndLine,
                        ["endColumn"] = e.EndColumn,
                        ["newText"] = e.NewText,
                    })]),
                })]),
            })]),
        };
        if (report.BaselineState(finding) is { } state)
        {
            node["baseline"] = state;
        }

        return node;
    }
}
