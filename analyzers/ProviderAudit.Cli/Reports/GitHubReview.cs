using System.Text;
using System.Text.Json.Nodes;
using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// <c>--format github-review</c>: the JSON body of GitHub's "create a review for a pull request" call
/// (<c>POST /repos/{owner}/{repo}/pulls/{number}/reviews</c>). Each finding listed (only new ones against a baseline)
/// becomes a comment anchored to the lines its fix replaces (<c>start_line</c>..<c>line</c> on the RIGHT side), with
/// its fix as a <c>```suggestion</c> block, which GitHub shows as a one-click change only in such line comments; an
/// ambiguous finding gets one comment per alternative, and a <c>using</c> several fixes in a file need gets one
/// comment of its own. GitHub rejects the whole review if a comment is on a line outside the pull request's diff: with
/// <c>--diff FILE</c> (the pull request's <c>git diff</c>), findings outside it are listed in the review body instead.
/// Limits: at most <c>--max-comments</c> comments, each and the body under GitHub's 65,536 characters.
/// </summary>
internal static class GitHubReview
{
    public const int DefaultMaxComments = 50;

    /// <summary>Below GitHub's 65,536-character limit for a review body and for each comment.</summary>
    public const int MaxLength = 60_000;

    public static JsonObject Build(AuditReport report, int maxComments, DiffLines? diff)
    {
        var comments = new JsonArray();
        var unanchored = new List<Finding>();
        var sharedDone = new HashSet<string>(StringComparer.Ordinal);
        var shown = report.Shown;
        foreach (var finding in shown)
        {
            var planned = Comments(report, finding).Where(c => c.SharedKey is null || !sharedDone.Contains(c.SharedKey)).ToList();
            if (planned.Count == 0 || comments.Count + planned.Count > maxComments
                || (diff is not null && planned.Any(c => !diff.Contains(c.File, c.First, c.Last))))
            {
                unanchored.Add(finding);
                continue;
            }

            foreach (var comment in planned)
            {
                if (comment.SharedKey is not null)
                {
                    sharedDone.Add(comment.SharedKey);
                }

                var node = new JsonObject { ["path"] = comment.File };
                if (comment.First != comment.Last)
                {
                    node["start_line"] = comment.First;
                    node["start_side"] = "RIGHT";
                }

                node["line"] = comment.Last;
                node["side"] = "RIGHT";
                node["body"] = comment.Body;
                comments.Add(node);
            }
        }

        return new JsonObject
        {
            ["event"] = "COMMENT",
            ["body"] = Body(report, shown.Count, unanchored),
            ["comments"] = comments,
        };
    }

    /// <summary>A comment to post; <see cref="SharedKey"/> names a change several findings share (posted once).</summary>
    private sealed record PlannedComment(string File, int First, int Last, string Body, string? SharedKey = null);

    private static IEnumerable<PlannedComment> Comments(AuditReport report, Finding finding)
    {
        if (!finding.HasLocation)
        {
            yield break;
        }

        var heading = Heading(report, finding);
        if (finding.Fixes.Count == 0)
        {
            var note = finding.FixableAfter is { } enabler
                ? $"No automatic fix yet: it becomes fixable once {enabler}'s capability mapping is added; `provider-audit fix` adds the mapping and then fixes this in one run."
                : "No automatic fix: change it by hand.";
            yield return new PlannedComment(finding.File, finding.Line, finding.Line, Limit($"{heading}\n\n{note}\n"));
            yield break;
        }

        foreach (var fix in finding.Fixes)
        {
            var title = finding.Fixes.Count > 1 || !fix.Inferred ? $"\n\n**{MarkdownReport.Escape(fix.Title)}**" : "";
            foreach (var change in fix.Changes)
            {
                if (change.Shared)
                {
                    // One comment per file for a using directive several fixes share.
                    yield return new PlannedComment(change.File, change.FirstLine, change.LastLine,
                        Limit($"provider-audit: the fixes in this file need this directive.\n\n{Suggestion(change.NewLines)}"),
                        $"{change.File}:{change.FirstLine}:{string.Join('\n', change.NewLines)}");
                    continue;
                }

                yield return new PlannedComment(change.File, change.FirstLine, change.LastLine, Limit($"{heading}{title}\n\n{Suggestion(change.NewLines)}"));
            }
        }
    }

    private static string Heading(AuditReport report, Finding finding)
    {
        var rule = report.Rules.TryGetValue(finding.RuleId, out var descriptor) && !string.IsNullOrEmpty(descriptor.HelpLinkUri)
            ? $"[{finding.RuleId}]({descriptor.HelpLinkUri})"
            : finding.RuleId;
        var concern = finding.Concern is null ? "" : " · " + AuditReport.ConcernLabel(finding.Concern);
        return $"**{rule}**{concern}: {MarkdownReport.Escape(MarkdownReport.WithoutHelpLink(finding.Message))}";
    }

    private static string Suggestion(IReadOnlyList<string> lines)
    {
        var fence = MarkdownReport.Fence(lines);
        var block = new StringBuilder().Append(fence).Append("suggestion\n");
        foreach (var line in lines)
        {
            block.Append(line).Append('\n');
        }

        return block.Append(fence).Append('\n').ToString();
    }

    private static string Body(AuditReport report, int shown, IReadOnlyList<Finding> unanchored)
    {
        var body = new StringBuilder("### provider-audit: ");
        body.Append(report.Baseline is { } baseline
            ? $"{(shown == 0 ? "no new findings" : MarkdownReport.Count(shown, "new finding"))} ({baseline.BaselinedCount} baselined)"
            : MarkdownReport.Count(shown, "finding"));
        body.Append("\n\n").Append(MarkdownReport.Escape(TextReport.Summary(report))).Append('\n');
        if (unanchored.Count > 0)
        {
            body.Append('\n').Append(MarkdownReport.Count(unanchored.Count, "finding")).Append(" without a line comment (outside this pull request's diff, past the comment limit, or without a location):\n\n");
            var omitted = 0;
            for (var i = 0; i < unanchored.Count; i++)
            {
                var finding = unanchored[i];
                var line = $"- `{finding.File}`{(finding.HasLocation ? $" line {finding.Line}" : "")}: {finding.RuleId} {MarkdownReport.Escape(MarkdownReport.WithoutHelpLink(finding.Message))}\n";
                if (body.Length + line.Length > MaxLength)
                {
                    omitted = unanchored.Count - i;
                    break;
                }

                body.Append(line);
            }

            if (omitted > 0)
            {
                body.Append($"- … and {MarkdownReport.Count(omitted, "more finding")}: see the SARIF or JSON report.\n");
            }
        }

        return body.ToString();
    }

    private static string Limit(string body) =>
        body.Length <= MaxLength ? body : body[..MaxLength] + "\n\n(cut at GitHub's comment size limit; see the SARIF or JSON report)\n";
}
