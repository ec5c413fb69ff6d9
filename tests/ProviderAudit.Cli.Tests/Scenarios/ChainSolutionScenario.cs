namespace ProviderAudit.Cli.Tests;

/// <summary>
/// A generated three-project solution, App → Services → Core (project references), every project referencing the
/// packed ProviderAudit package (runtime and analyzer) as a user's would. Besides the shared steps it runs the
/// baseline story: record, move every finding down, rename an unrelated file and move a file with findings to another
/// folder under another name, then add a check identical to an old one above it in the same member and remove
/// another; and an audit as an Azure Pipelines job runs it (the job's predefined variables set).
/// </summary>
public sealed class ChainSolutionScenario : ToolScenario
{
    public const string Solution = "Chain.slnx";

    /// <summary>A file without findings, renamed by the baseline story.</summary>
    public const string UnrelatedFile = "Core/TextUtilities.cs";

    public const string RenamedUnrelatedFile = "Core/Strings.cs";

    /// <summary>A file with findings that the baseline story moves to another folder and renames.</summary>
    public const string MovedFile = "Core/ModelIds.cs";

    public const string MovedFileNewPath = "Core/Models/ModelIdentifiers.cs";
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
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, MovedFileNewPath))!);
        File.Move(Path.Combine(Root, MovedFile), Path.Combine(Root, MovedFileNewPath));
        AfterMovesAndRename = Tool.Run(Root, "audit", Solution, "--baseline", BaselinePath, "--fail-on", "new", "--format", "json", "-o", Report("after-moves.json"), "--quiet");

        AddedLine = AddComparison();
        RemoveComparison();
        AfterAddAndRemove = Tool.Run(
            Root, "audit", Solution, "--baseline", BaselinePath, "--fail-on", "new", "--format", "json", "-o", Report("after-add.json"),
            "--report", $"markdown:{Report("after-add.md")}", "--report", $"github-review:{Report("after-add.review.json")}", "--quiet");
        Git.Reset();

        AzurePipelinesAudit = DotnetCli.RunProgram(
            "env", Root, TimeSpan.FromMinutes(10),
            [.. AzurePipelinesVariables.Select(v => $"{v.Key}={v.Value}"), Tool.Command, "audit", Solution, "--format", "sarif", "-o", AzurePipelinesSarifPath, "--quiet"]);
    }

    public override string Target => Solution;

    public string BaselinePath => Report("provider-audit.baseline.json");

    public DotnetResult RecordBaseline { get; } = null!;

    public DotnetResult AfterMovesAndRename { get; } = null!;

    public DotnetResult AfterAddAndRemove { get; } = null!;

    public DotnetResult AzurePipelinesAudit { get; } = null!;

    public string AzurePipelinesSarifPath => Report("azure-pipelines.sarif");

    /// <summary>What an Azure Pipelines agent sets for a job (values of a made-up organization, project and build).</summary>
    public static readonly IReadOnlyDictionary<string, string> AzurePipelinesVariables = new Dictionary<string, string>
    {
        ["TF_BUILD"] = "True",
        ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/contoso/",
        ["SYSTEM_TEAMPROJECTID"] = "11111111-1111-1111-1111-111111111111",
        ["BUILD_DEFINITIONID"] = "42",
        ["BUILD_DEFINITIONNAME"] = "provider-audit",
        ["BUILD_BUILDID"] = "1234",
        ["SYSTEM_PHASEID"] = "22222222-2222-2222-2222-222222222222",
        ["SYSTEM_PHASENAME"] = "Audit",
        ["BUILD_SOURCEBRANCH"] = "refs/heads/main",
    };

    /// <summary>1-based line of the added comparison in <see cref="AddedComparisonFile"/>.</summary>
    public int AddedLine { get; }

    /// <summary>1-based line, after the addition, of the old check it is identical to (below it, same member).</summary>
    public int OldIdenticalLine { get; private set; }

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

    /// <summary>Adds, above the check in Headers.Build, another check identical to it (same member, same expression).</summary>
    private int AddComparison()
    {
        var path = Path.Combine(Root, AddedComparisonFile);
        var text = File.ReadAllText(path);
        const string Old = "        if (provider == ApiProvider.FirstParty)\n        {\n            headers[\"x-api-key\"] = apiKey;";
        Assert.Contains(Old, text, StringComparison.Ordinal);
        const string Added = "        if (provider == ApiProvider.FirstParty)\n        {\n            headers[\"anthropic-version\"] = \"2023-06-01\";\n        }\n\n";
        text = text.Replace(Old, Added + Old, StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var lines = text.Split('\n');
        OldIdenticalLine = lines.Select((l, i) => (l, i)).Single(x => x.l.Contains("\"x-api-key\"", StringComparison.Ordinal)).i - 1;
        return lines.Select((l, i) => (l, i)).Single(x => x.l.Contains("anthropic-version", StringComparison.Ordinal)).i - 1;
    }

    private void RemoveComparison()
    {
        var path = Path.Combine(Root, RemovedComparisonFile);
        var text = File.ReadAllText(path);
        Assert.Contains(ChainSolution.LoginComparison, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(ChainSolution.LoginComparison, ChainSolution.LoginComparisonFixedByHand, StringComparison.Ordinal));
    }
}
