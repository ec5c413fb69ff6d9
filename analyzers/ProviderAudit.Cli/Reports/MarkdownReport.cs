using System.Text;
using System.Text.RegularExpressions;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// <c>--format markdown</c>: one pull-request comment. A summary table by concern, then each finding (only new ones
/// when a baseline is given) with its fix as a <c>```suggestion</c> block of the replaced lines (both fixes for an
/// ambiguous site). Past <c>--markdown-limit</c> findings the rest are collapsed under <c>&lt;details&gt;</c>, and the
/// comment stops before GitHub's 65,536-character limit, saying how many findings it left out.
/// </summary>
internal static partial class MarkdownReport
{
    /// <summary>Below GitHub's comment limit (65,536 characters), with room for the closing lines.</summary>
    public const int MaxLength = 60_000;

    public const int DefaultOpenLimit = 10;

    public static string Build(AuditReport report, int openLimit)
    {
        var md = new StringBuilder();
        var shown = report.Shown;
        md.Append("### provider-audit: ").Append(Heading(report, shown)).Append('\n').Append('\n');
        if (shown.Count == 0)
        {
            md.Append(report.Findings.Count == 0 ? "No comparison with the first-party provider left. " : "Nothing new against the baseline. ")
                .Append(Escape(TextReport.Summary(report))).Append('\n');
            return md.ToString();
        }

        AppendSummaryTable(md, shown);

        if (report.Baseline is { } baseline)
        {
            md.Append('\n').Append($"Against the baseline: **{baseline.NewCount} new** (below), {baseline.BaselinedCount} baselined, {baseline.Gone.Count} gone.").Append('\n');
        }

        var omitted = 0;
        var sharedShown = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shown.Count; i++)
        {
            if (i == openLimit)
            {
                md.Append('\n').Append($"<details><summary>{Count(shown.Count - openLimit, "more finding")}</summary>").Append('\n');
            }

            var site = Site(report, shown[i], sharedShown);
            if (md.Length + site.Length > MaxLength)
            {
                omitted = shown.Count - i;
                break;
            }

            md.Append(site);
        }

        if (shown.Count > openLimit)
        {
            md.Append('\n').Append("</details>").Append('\n');
        }

        if (omitted > 0)
        {
            md.Append('\n').Append($"{Count(omitted, "more finding")} not shown: this comment is at its size limit; see the SARIF or JSON report.").Append('\n');
        }

        return md.ToString();
    }

    /// <summary>What the comment lists, counted: "3 findings", or against a baseline "1 new finding (21 baselined)".</summary>
    private static string Heading(AuditReport report, IReadOnlyList<Finding> shown) =>
        report.Baseline is { } baseline
            ? $"{(shown.Count == 0 ? "no new findings" : Count(shown.Count, "new finding"))} ({baseline.BaselinedCount} baselined)"
            : Count(shown.Count, "finding");

    private static void AppendSummaryTable(StringBuilder md, IReadOnlyList<Finding> shown)
    {
        md.Append("| Concern | Findings | Fix |").Append('\n');
        md.Append("| --- | ---: | --- |").Append('\n');
        foreach (var group in shown.GroupBy(f => f.Concern ?? "").OrderBy(g => ConcernOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var inferred = group.SelectMany(f => f.Fixes).Where(f => f.Inferred).Select(f => f.Title).Distinct().ToList();
            var offered = group.SelectMany(f => f.Fixes).Select(f => f.Title).Distinct().ToList();
            var enabling = group.Where(f => f.Fixes.Count == 0 && f.FixableAfter is not null).Select(f => f.FixableAfter!).Distinct().Order(StringComparer.Ordinal).ToList();
            var fix = inferred.Count > 0 ? string.Join("; ", inferred)
                : offered.Count > 0 ? "review: " + string.Join(" or ", offered)
                : enabling.Count > 0 ? $"after {string.Join(", ", enabling)}'s mapping (`provider-audit fix` does both)"
                : "by hand (" + string.Join(", ", group.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)) + ")";
            md.Append($"| {AuditReport.ConcernLabel(group.Key)} | {group.Count()} | {Escape(fix)} |").Append('\n');
        }
    }

    private static int ConcernOrder(string concern) => concern switch
    {
        DiagnosticContract.Concerns.ModelIdFormat => 0,
        DiagnosticContract.Concerns.AuthTransport => 1,
        DiagnosticContract.Concerns.Ambiguous => 2,
        _ => 3,
    };

    private static string Site(AuditReport report, Finding finding, HashSet<string> sharedShown)
    {
        var md = new StringBuilder();
        var where = finding.HasLocation ? $"`{finding.File}` line {finding.Line}" : $"`{finding.File}`";
        var concern = finding.Concern is null ? "" : " · " + AuditReport.ConcernLabel(finding.Concern);
        var rule = report.Rules.TryGetValue(finding.RuleId, out var descriptor) && !string.IsNullOrEmpty(descriptor.HelpLinkUri)
            ? $"[{finding.RuleId}]({descriptor.HelpLinkUri})"
            : finding.RuleId;
        md.Append('\n').Append($"#### {where} · {rule}{concern}").Append('\n').Append('\n');
        md.Append(Escape(WithoutHelpLink(finding.Message))).Append('\n');

        if (finding.Fixes.Count == 0)
        {
            md.Append('\n').Append(finding.FixableAfter is { } enabler
                ? $"No automatic fix yet: it becomes fixable once {enabler}'s capability mapping is added; `provider-audit fix` adds the mapping and then fixes this in one run."
                : "No automatic fix: change it by hand.").Append('\n');
        }

        foreach (var fix in finding.Fixes)
        {
            if (finding.Fixes.Count > 1 || !fix.Inferred)
            {
                md.Append('\n').Append($"**{Escape(fix.Title)}**").Append('\n');
            }

            // A change several findings share (the using directive) is suggested once, with the first of them.
            foreach (var change in fix.Changes.Where(c => !c.Shared || sharedShown.Add($"{c.File}:{c.FirstLine}:{string.Join('\n', c.NewLines)}")))
            {
                var lines = change.FirstLine == change.LastLine ? $"line {change.FirstLine}" : $"lines {change.FirstLine}–{change.LastLine}";
                if (change.File != finding.File || change.FirstLine != finding.Line || change.LastLine != finding.Line)
                {
                    md.Append('\n').Append($"Replaces {(change.File == finding.File ? "" : $"`{change.File}` ")}{lines}:").Append('\n');
                }

                var fence = Fence(change.NewLines);
                md.Append('\n').Append(fence).Append("suggestion").Append('\n');
                foreach (var line in change.NewLines)
                {
                    md.Append(line).Append('\n');
                }

                md.Append(fence).Append('\n');
            }
        }

        return md.ToString();
    }

    /// <summary>Three backticks, or one more than the longest run inside the block.</summary>
    internal static string Fence(IEnumerable<string> lines)
    {
        var longest = lines.SelectMany(l => Backticks().Matches(l)).Select(m => m.Length).DefaultIfEmpty(0).Max();
        return new string('`', Math.Max(3, longest + 1));
    }

    /// <summary>The help link ends every PA0001 message; the heading links the rule instead.</summary>
    internal static string WithoutHelpLink(string message) => HelpLink().Replace(message, "");

    /// <summary>Markdown table cells and GitHub's HTML sanitizer: pipes and angle brackets are literal text.</summary>
    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);

    internal static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();

    [GeneratedRegex(@"\s*\(https?://[^\s)]+\)\s*$")]
    private static partial Regex HelpLink();
}
