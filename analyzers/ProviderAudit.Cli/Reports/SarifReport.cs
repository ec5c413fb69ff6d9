using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0. Each result carries its location (relative to <c>%SRCROOT%</c>, the audit
/// root), a <c>partialFingerprints</c> entry (the baseline identity), and its fixes as <c>artifactChanges</c> with
/// <c>replacements</c> (UTF-16 offsets and line/column regions), so a SARIF-reading review tool can offer the change;
/// each rule carries its title, description, default level and <c>helpUri</c>.
/// </summary>
internal static class SarifReport
{
    public const string FingerprintKey = "providerAudit/v1";
    private const string RootId = "SRCROOT";

    public static JsonObject Build(AuditReport report)
    {
        var rules = report.Rules.Values.ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "provider-audit",
                    ["version"] = AuditReport.ToolVersion,
                    ["semanticVersion"] = AuditReport.ToolVersion,
                    ["informationUri"] = "https://github.com/provider-audit/provider-audit",
                    ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode)Rule(r))]),
                },
            },
            ["originalUriBaseIds"] = new JsonObject
            {
                [RootId] = new JsonObject { ["uri"] = new Uri(report.Input.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri },
            },
            ["columnKind"] = "utf16CodeUnits",
            ["results"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)Result(report, f, ruleIndex))]),
        };

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
    }

    private static JsonObject Rule(DiagnosticDescriptor rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Id,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Title.ToString(CultureInfo.InvariantCulture) },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Description.ToString(CultureInfo.InvariantCulture) },
        ["helpUri"] = rule.HelpLinkUri,
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity), ["enabled"] = rule.IsEnabledByDefault },
        ["properties"] = new JsonObject { ["category"] = rule.Category },
    };

    private static JsonObject Result(AuditReport report, Finding finding, IReadOnlyDictionary<string, int> ruleIndex)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = finding.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = finding.HasLocation
                    ? new JsonObject
                    {
                        ["artifactLocation"] = Artifact(finding.File),
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = finding.Line,
                            ["startColumn"] = finding.Column,
                            ["endLine"] = finding.EndLine,
                            ["endColumn"] = finding.EndColumn,
                        },
                    }
                    : new JsonObject { ["artifactLocation"] = Artifact(finding.File) },
            }),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = $"{finding.Identity.Fingerprint}:{finding.Identity.Occurrence}" },
            ["fixes"] = new JsonArray([.. finding.Fixes.Select(f => (JsonNode)Fix(f))]),
        };
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            result["ruleIndex"] = index;
        }

        if (report.BaselineState(finding) is { } state)
        {
            result["baselineState"] = state == "new" ? "new" : "unchanged";
        }

        if (finding.Concern is not null)
        {
            result["properties"] = new JsonObject { ["concern"] = finding.Concern };
        }

        return result;
    }

    private static JsonObject Fix(ProposedFix fix) => new()
    {
        ["description"] = new JsonObject { ["text"] = fix.Inferred ? fix.Title + " (inferred)" : fix.Title },
        ["artifactChanges"] = new JsonArray([.. fix.Changes.Select(c => (JsonNode)new JsonObject
        {
            ["artifactLocation"] = Artifact(c.File),
            ["replacements"] = new JsonArray([.. c.Edits.Select(e => (JsonNode)new JsonObject
            {
                ["deletedRegion"] = new JsonObject
                {
                    ["startLine"] = e.StartLine,
                    ["startColumn"] = e.StartColumn,
                    ["endLine"] = e.EndLine,
                    ["endColumn"] = e.EndColumn,
                    ["charOffset"] = e.Offset,
                    ["charLength"] = e.Length,
                },
                ["insertedContent"] = new JsonObject { ["text"] = e.NewText },
            })]),
        })]),
    };

    private static JsonObject Artifact(string file) => new() { ["uri"] = Uri.EscapeDataString(file).Replace("%2F", "/", StringComparison.Ordinal), ["uriBaseId"] = RootId };

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
