using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// One codebase in a temp git work tree and everything the shared tests compare, each command run once:
/// <c>dotnet build</c>; <c>provider-audit audit</c> writing JSON, SARIF and markdown in one run; <c>fix --dry-run</c>
/// and its diff applied with <c>git apply</c>; <c>fix</c>; the README's <c>dotnet format analyzers</c> command. The
/// tree is reset to the original between steps, and each step's result is kept as a snapshot of the files.
/// </summary>
public abstract class ToolScenario : IDisposable
{
    private readonly TemporaryDirectory _copy;
    private readonly TemporaryDirectory _reports;

    protected ToolScenario(InstalledTool tool, string name)
    {
        Tool = tool;
        _copy = new TemporaryDirectory(name);
        _reports = new TemporaryDirectory(name + "-reports");
    }

    public InstalledTool Tool { get; }

    public string Root => _copy.Path;

    /// <summary>What the commands are pointed at, relative to <see cref="Root"/>.</summary>
    public abstract string Target { get; }

    public GitWorkTree Git { get; private set; } = null!;

    public DotnetResult Build { get; private set; } = null!;

    public DotnetResult Audit { get; private set; } = null!;

    public DotnetResult DryRun { get; private set; } = null!;

    public string StatusAfterDryRun { get; private set; } = "";

    public DotnetResult ApplyDryRun { get; private set; } = null!;

    public DotnetResult Fix { get; private set; } = null!;

    public DotnetResult Format { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> Original { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> AfterDryRun { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> AfterApplyingDryRun { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> AfterFix { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> AfterFormat { get; private set; } = null!;

    public string JsonReportPath => Report("audit.json");

    public string SarifReportPath => Report("audit.sarif");

    public string MarkdownReportPath => Report("audit.md");

    public string ReviewReportPath => Report("audit.review.json");

    /// <summary>A file in the scenario's reports folder (outside the work tree, so reports never show as changes).</summary>
    public string Report(string name) => _reports.Combine(name);

    public JsonDocument ReadJson(string path)
    {
        Assert.True(File.Exists(path), $"No report at {path}. {Audit}");
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    /// <summary>The build's distinct PA0001 sites as (path relative to <see cref="Root"/>, line, column).</summary>
    public IReadOnlyList<(string File, int Line, int Column)> BuildSites() =>
        BuildDiagnostics.Parse(Build.Output).WithId("PA0001")
            .Select(d => (Path.GetRelativePath(Root, d.File).Replace('\\', '/'), d.Line, d.Column))
            .Distinct()
            .ToList();

    /// <summary>Writes the codebase into <see cref="Root"/> (restorable and buildable as is).</summary>
    protected abstract void WriteSources();

    protected abstract string[] BuildCommand { get; }

    protected abstract string[] FormatCommand { get; }

    protected void RunSharedSteps()
    {
        WriteSources();
        Git = GitWorkTree.Create(Root);
        Original = Git.Snapshot();
        Build = DotnetCli.Run(Root, BuildCommand);
        if (!Build.Succeeded)
        {
            return;
        }

        Audit = Tool.Run(Root, "audit", Target, "--format", "json", "-o", JsonReportPath, "--report", $"sarif:{SarifReportPath}", "--report", $"markdown:{MarkdownReportPath}", "--report", $"github-review:{ReviewReportPath}");

        DryRun = Tool.Run(Root, "fix", Target, "--dry-run", "--quiet");
        StatusAfterDryRun = Git.Status();
        AfterDryRun = Git.Snapshot();
        File.WriteAllText(Report("fix.patch"), DryRun.StandardOutput);
        ApplyDryRun = Git.Run("apply", "--whitespace=nowarn", Report("fix.patch"));
        AfterApplyingDryRun = Git.Snapshot();
        Git.Reset();

        Fix = Tool.Run(Root, "fix", Target, "--quiet");
        AfterFix = Git.Snapshot();
        Git.Reset();

        Format = DotnetCli.Run(Root, FormatCommand);
        AfterFormat = Git.Snapshot();
        Git.Reset();
    }

    public void AssertBuilt() => Assert.True(Build.Succeeded, Build.ToString());

    public void Dispose()
    {
        _copy.Dispose();
        _reports.Dispose();
    }
}
