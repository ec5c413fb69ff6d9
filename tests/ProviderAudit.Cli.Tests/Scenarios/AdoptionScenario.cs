namespace ProviderAudit.Cli.Tests;

/// <summary>
/// samples/AdoptionHost as a team has it: its own <c>Backend</c> enum without a capability mapping (PA0003, and PA0001
/// findings that wait for the mapping) and string provider ids, getting ProviderAudit from the packed package. Audited,
/// fixed with one `provider-audit fix`, built again and audited again.
/// </summary>
public sealed class AdoptionScenario : IDisposable
{
    public const string ProjectFile = "AdoptionHost.csproj";

    private const string SampleFolder = "samples/AdoptionHost";

    private readonly TemporaryDirectory _root = new("cli-adoption");

    public AdoptionScenario(InstalledTool tool)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(_root.Combine(file), "<Project />\n");
        }

        File.WriteAllText(_root.Combine("nuget.config"), LocalFeedNuGetConfig.Text(tool.FeedDirectory, Path.Combine(tool.WorkDirectory, "packages")));
        var sample = RepositoryRoot.Combine(SampleFolder.Split('/'));
        foreach (var file in Directory.GetFiles(sample).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || Path.GetFileName(f) == ".editorconfig"))
        {
            File.Copy(file, _root.Combine(Path.GetFileName(file)));
        }

        var project = File.ReadAllText(Path.Combine(sample, ProjectFile));
        var runtimeReference = project.Split('\n').Single(line => line.Contains("<ProjectReference", StringComparison.Ordinal));
        File.WriteAllText(
            _root.Combine(ProjectFile),
            project.Replace(runtimeReference.TrimEnd('\r'), $"""    <PackageReference Include="ProviderAudit" Version="{tool.Version}" />""", StringComparison.Ordinal));

        Restore = DotnetCli.Run(_root.Path, "restore", ProjectFile);
        if (!Restore.Succeeded)
        {
            return;
        }

        Audit = tool.Run(_root.Path, "audit", ProjectFile, "--format", "json", "-o", ReportBefore, "--report", $"text:{TextBefore}", "--report", $"markdown:{MarkdownBefore}", "--quiet");
        Fix = tool.Run(_root.Path, "fix", ProjectFile);
        BuildAfterFix = DotnetCli.Run(_root.Path, "build", ProjectFile, "--no-incremental");
        AuditAfterFix = tool.Run(_root.Path, "audit", ProjectFile, "--quiet");
    }

    public string ReportBefore => _root.Combine("..", Path.GetFileName(_root.Path) + "-before.json");

    public string TextBefore => _root.Combine("..", Path.GetFileName(_root.Path) + "-before.txt");

    public string MarkdownBefore => _root.Combine("..", Path.GetFileName(_root.Path) + "-before.md");

    public DotnetResult Restore { get; }

    public DotnetResult? Audit { get; }

    public DotnetResult? Fix { get; }

    public DotnetResult? BuildAfterFix { get; }

    public DotnetResult? AuditAfterFix { get; }

    public void AssertRestored() => Assert.True(Restore.Succeeded, Restore.ToString());

    public void Dispose()
    {
        foreach (var file in new[] { ReportBefore, TextBefore, MarkdownBefore })
        {
            File.Delete(file);
        }

        _root.Dispose();
    }
}
