namespace ProviderAudit.Cli.Tests;

/// <summary>
/// A generated three-project solution, App → Services → Core (project references), every project referencing the
/// packed ProviderAudit package (runtime and analyzer) as a user's would. Besides the shared steps it runs the
/// baseline story: record, move every finding down and rename an unrelated file, then add one comparison and remove
/// another.
/// </summary>
public sealed class ChainSolutionScenario : ToolScenario
{
    public const string Solution = "Chain.slnx";

    /// <summary>A file without findings, renamed by the baseline story.</summary>
    public const string UnrelatedFile = "Core/TextUtilities.cs";

    public const string RenamedUnrelatedFile = "Core/Strings.cs";

    /// <summary>Where the baseline story adds a comparison, and the method it adds.</summary>
    public const string AddedComparisonFile = "Services/Headers.cs";

    public const string AddedComparison = "provider == ApiProvider.FirstParty";

    /// <summary>The comparison the baseline story removes (rewritten by hand to the capability).</summary>
    public const string RemovedComparisonFile = "App/Login.cs";

    public ChainSolutionScenario(InstalledTool tool)
        : base(tool, "cli-chain")
    {
        RunSharedSteps();
        if (!Build.Succeeded)
        {
            return;
        }

        RecordBaseline = Tool.Run(Root, "baseline", Solution, "-o", BaselinePath, "--quiet");

        InsertLinesAboveEveryFinding();
        File.Move(Path.Combine(Root, UnrelatedFile), Path.Combine(Root, RenamedUnrelatedFile));
        AfterMovesAndRename = Tool.Run(Root, "audit", Solution, "--baseline", BaselinePath, "--fail-on", "new", "--format", "json", "-o", Report("after-moves.json"), "--quiet");

        AddedLine = AddComparison();
        RemoveComparison();
        AfterAddAndRemove = Tool.Run(Root, "audit", Solution, "--baseline", BaselinePath, "--fail-on", "new", "--format", "json", "-o", Report("after-add.json"), "--quiet");
        Git.Reset();
    }

    public override string Target => Solution;

    public string BaselinePath => Report("provider-audit.baseline.json");

    public DotnetResult RecordBaseline { get; } = null!;

    public DotnetResult AfterMovesAndRename { get; } = null!;

    public DotnetResult AfterAddAndRemove { get; } = null!;

    /// <summary>1-based line of the added comparison in <see cref="AddedComparisonFile"/>.</summary>
    public int AddedLine { get; }

    protected override string[] BuildCommand => ["build", Solution];

    protected override string[] FormatCommand => ["format", "analyzers", Solution, "--diagnostics", "PA0001", "--severity", "warn"];

    protected override void WriteSources() => ChainSolution.Write(Root, Tool);

    /// <summary>Two comment lines above every finding the first audit reported, so every finding moves down.</summary>
    private void InsertLinesAboveEveryFinding()
    {
        using var report = ReadJson(JsonReportPath);
        var byFile = report.RootElement.GetProperty("findings").EnumerateArray()
            .GroupBy(f => f.GetProperty("file").GetString()!, f => f.GetProperty("line").GetInt32());
        foreach (var file in byFile)
        {
            var path = Path.Combine(Root, file.Key);
            var lines = File.ReadAllText(path).Split('\n').ToList();
            foreach (var line in file.Distinct().OrderByDescending(l => l))
            {
                lines.InsertRange(line - 1, ["// (a line inserted above a finding)", "// (and another)"]);
            }

            File.WriteAllText(path, string.Join('\n', lines));
        }
    }

    private int AddComparison()
    {
        var path = Path.Combine(Root, AddedComparisonFile);
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('}');
        var added = $$"""

                public static bool SendsAnthropicVersion(ApiProvider provider) => {{AddedComparison}};
            """;
        text = text[..end].TrimEnd() + "\n" + added + "\n}\n";
        File.WriteAllText(path, text);
        return text.Split('\n').Select((l, i) => (l, i)).Single(x => x.l.Contains("SendsAnthropicVersion", StringComparison.Ordinal)).i + 1;
    }

    private void RemoveComparison()
    {
        var path = Path.Combine(Root, RemovedComparisonFile);
        var text = File.ReadAllText(path);
        Assert.Contains(ChainSolution.LoginComparison, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(ChainSolution.LoginComparison, ChainSolution.LoginComparisonFixedByHand, StringComparison.Ordinal));
    }
}
