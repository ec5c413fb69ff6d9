using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// `--format github-review`: the body of GitHub's create-a-review call, findings as line comments (suggestions are
/// one-click only there), within GitHub's limits and, with `--diff`, only on lines of the pull request's diff.
/// </summary>
[Collection(InProcessToolCollection.Name)]
public sealed class GitHubReviewTests(GitHubReviewTests.AuditedStandIn standIn) : IClassFixture<GitHubReviewTests.AuditedStandIn>
{
    [Fact]
    public void Each_finding_becomes_a_comment_on_the_lines_its_suggestion_replaces()
    {
        using var review = standIn.DefaultReview();
        var comments = review.RootElement.GetProperty("comments").EnumerateArray().ToList();

        Assert.Equal("COMMENT", review.RootElement.GetProperty("event").GetString());
        foreach (var file in StandInProject.ModelFiles)
        {
            var comment = Assert.Single(comments, c => c.GetProperty("path").GetString() == file);
            Assert.Equal(8, comment.GetProperty("line").GetInt32());
            Assert.Equal("RIGHT", comment.GetProperty("side").GetString());
            Assert.Contains("```suggestion\n        provider.ModelIdFormat().IsFirstParty ? \"claude-\" + model : model;\n```", comment.GetProperty("body").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_using_directive_two_fixes_share_is_suggested_once_in_a_comment_of_its_own()
    {
        using var review = standIn.DefaultReview();
        var inFile = review.RootElement.GetProperty("comments").EnumerateArray().Where(c => c.GetProperty("path").GetString() == StandInProject.BomFile).ToList();

        var usingComment = Assert.Single(inFile, c => c.GetProperty("body").GetString()!.Contains("using ProviderAudit.Runtime;", StringComparison.Ordinal));
        Assert.Equal(1, usingComment.GetProperty("line").GetInt32());
        Assert.Equal(StandInProject.BomFileFindings + 1, inFile.Count);
    }

    [Fact]
    public void Past_max_comments_the_rest_of_the_findings_are_listed_in_the_review_body()
    {
        using var review = Review(standIn.Project, "--max-comments", "1");
        var root = review.RootElement;

        Assert.True(root.GetProperty("comments").GetArrayLength() <= 1);
        Assert.Contains("without a line comment", root.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains(StandInProject.ModelFiles[2], root.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_pull_requests_diff_only_findings_on_its_lines_get_comments()
    {
        using var folder = new TemporaryDirectory("cli-review-diff");
        var diff = folder.Combine("pr.diff");
        File.WriteAllText(diff, $"diff --git a/{StandInProject.ModelFiles[1]} b/{StandInProject.ModelFiles[1]}\n--- a/{StandInProject.ModelFiles[1]}\n+++ b/{StandInProject.ModelFiles[1]}\n@@ -5,4 +5,5 @@\n");

        using var review = Review(standIn.Project, "--diff", diff);
        var comments = review.RootElement.GetProperty("comments").EnumerateArray().ToList();

        var comment = Assert.Single(comments);
        Assert.Equal(StandInProject.ModelFiles[1], comment.GetProperty("path").GetString());
        Assert.Contains(StandInProject.ModelFiles[0], review.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    private static JsonDocument Review(StandInProject project, params string[] options)
    {
        project.AssertRestored();
        return Parse(InProcessTool.Run(project.Path, ["audit", StandInProject.ProjectFile, "--format", "github-review", "--quiet", .. options]));
    }

    private static JsonDocument Parse(DotnetResult audit)
    {
        Assert.Equal(1, audit.ExitCode);
        return JsonDocument.Parse(audit.StandardOutput);
    }

    /// <summary>One stand-in project, which audits only read, and its review with the default options, run once.</summary>
    public sealed class AuditedStandIn : IDisposable
    {
        private readonly Lazy<DotnetResult> _defaultReview;

        public AuditedStandIn()
        {
            Project = new StandInProject();
            _defaultReview = new(() => InProcessTool.Run(Project.Path, "audit", StandInProject.ProjectFile, "--format", "github-review", "--quiet"));
        }

        public StandInProject Project { get; }

        public JsonDocument DefaultReview()
        {
            Project.AssertRestored();
            return Parse(_defaultReview.Value);
        }

        public void Dispose() => Project.Dispose();
    }
}
