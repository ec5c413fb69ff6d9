using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Rules;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning and Azure DevOps Advanced Security take it. Each result
/// carries its location (relative to <c>%SRCROOT%</c>, the audit root), a <c>partialFingerprints</c> entry (the
/// baseline identity), and its fixes as <c>artifactChanges</c> with <c>replacements</c> (UTF-16 offsets and
/// line/column regions), each fix complete on its own (the <c>using</c> it needs included); each rule carries a
/// readable <c>name</c>, its title, description, default level, <c>helpUri</c> and <c>help</c> (its docs/rules
/// page); the run carries <c>automationDetails.id</c> (<c>--category</c>) and the driver's <c>fullName</c>.
/// </summary>
internal static class SarifReport
{
    public const string FingerprintKey = "providerAudit/v2";
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
                    ["name"] = AuditReport.ToolName,
                    ["fullName"] = $"{AuditReport.ToolName} {AuditReport.ToolVersion}",
                    ["version"] = AuditReport.ToolVersion,
                    ["semanticVersion"] = AuditReport.ToolVersion,
                    ["informationUri"] = AuditReport.InformationUri,
                    ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode)Rule(r))]),
                },
            },
            // GitHub keeps one analysis per category (the id up to its last '/'); Azure DevOps wants the pipeline's identity.
            ["automationDetails"] = report.Automation.ToJson(),
            ["invocations"] = new JsonArray(Invocation(report)),
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

    private static JsonObject Rule(DiagnosticDescriptor rule)
    {
        var node = new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = RuleDocumentation.Name(rule),
            ["shortDescription"] = new JsonObject { ["text"] = rule.Title.ToString(CultureInfo.InvariantCulture) },
            ["fullDescription"] = new JsonObject { ["text"] = rule.Description.ToString(CultureInfo.InvariantCulture) },
            ["helpUri"] = rule.HelpLinkUri,
        };
        var page = RuleDocumentation.Page(rule);
        var markdown = page is null
            ? $"{rule.Description.ToString(CultureInfo.InvariantCulture)}\n\nSee [{rule.Id}]({rule.HelpLinkUri}).\n"
            : RuleDocumentation.Markdown(rule, page);
        node["help"] = new JsonObject { ["text"] = RuleDocumentation.Text(markdown), ["markdown"] = markdown };
        node["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity), ["enabled"] = rule.IsEnabledByDefault };
        node["properties"] = new JsonObject { ["category"] = rule.Category };
        return node;
    }

    /// <summary>The run's invocation: it completed; what MSBuild warned about while loading, as notifications.</summary>
    private static JsonObject Invocation(AuditReport report) => new()
    {
        ["executionSuccessful"] = true,
        ["toolExecutionNotifications"] = new JsonArray([.. report.LoadWarnings.Select(w => (JsonNode)new JsonObject
        {
            ["level"] = "warning",
            ["message"] = new JsonObject { ["text"] = w },
        })]),
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

        if (finding.Concern is not null || finding.FixableAfter is not null)
        {
            var properties = new JsonObject();
            if (finding.Concern is not null)
            {
                properties["concern"] = finding.Concern;
            }

            if (finding.FixableAfter is not null)
            {
                properties["fixableAfter"] = finding.FixableAfter;
            }

            result["properties"] = properties;
        }

        return result;
    }

    private static JsonObject Fix(ProposedFix fix) => new()
    {
        ["description"] = new JsonObject { ["text"] = fix.Inferred ? fix.Title + " (inferred)" : fix.Title },
        // One artifactChange per file, all of the fix's replacements in it (a using directive and the rewrite).
        ["artifactChanges"] = new JsonArray([.. fix.Changes.GroupBy(c => c.File, StringComparer.Ordinal).Select(file => (JsonNode)new JsonObject
        {
            ["artifactLocation"] = Artifact(file.Key),
            ["replacements"] = new JsonArray([.. file.SelectMany(c => c.Edits).OrderBy(e => e.Offset).Select(e => (JsonNode)new JsonObject
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
