namespace ProviderAudit.Package.Tests;

/// <summary>
/// README's adoption demo, run the way a team would: a copy of samples/AdoptionHost (its own Backend enum and string
/// provider ids) that gets ProviderAudit from the packed package, built, fixed with <c>dotnet format</c> (the mapping
/// first, then the checks) and built again. The build output before the fixes is kept, so both hosts can be run.
/// </summary>
public sealed class AdoptionHostDemo
{
    /// <summary>PA0001 findings in samples/AdoptionHost: 6 on the Backend enum, 4 on string ids (README shows these counts).</summary>
    public const int ComparisonSites = 10;

    public const int EnumComparisonSites = 6;

    public const string SampleFolder = "samples/AdoptionHost";

    public const string ProjectFile = "AdoptionHost.csproj";

    /// <summary>The enum members and the string ids the host knows (its ProviderSettings.KnownIds).</summary>
    public static readonly string[] Members = ["Anthropic", "Bedrock", "Vertex", "Foundry", "ClaudePlatformAws"];

    public static readonly string[] ProviderIds = ["firstParty", "bedrock", "vertex", "foundry", "claudePlatformAws"];

    /// <summary>README's commands, with the repository's path of the sample.</summary>
    public static readonly string[] ReadmeCommands =
    [
        $"dotnet build {SampleFolder}",
        $"dotnet format analyzers {SampleFolder}/{ProjectFile} --diagnostics PA0003 --severity warn",
        $"dotnet format analyzers {SampleFolder}/{ProjectFile} --diagnostics PA0001 --severity warn",
    ];

    private readonly string _directory;
    private readonly string _beforeOutput;

    public AdoptionHostDemo(PackedPackage package)
    {
        package.AssertPacked();
        _directory = Path.Combine(ConsumerProject.EnsureConsumersRoot(package), "adoption-host");
        _beforeOutput = Path.Combine(ConsumerProject.EnsureConsumersRoot(package), "adoption-host-before");
        CopySample(package.Version);
        OriginalSources = ReadSources();

        Before = DotnetCli.Run(_directory, "build", _directory);
        if (!Before.Succeeded)
        {
            return;
        }

        CopyFolder(Path.Combine(_directory, "bin"), _beforeOutput);
        var project = Path.Combine(_directory, ProjectFile);
        FixMapping = DotnetCli.Run(_directory, "format", "analyzers", project, "--diagnostics", "PA0003", "--severity", "warn");
        FixChecks = DotnetCli.Run(_directory, "format", "analyzers", project, "--diagnostics", "PA0001", "--severity", "warn");
        FixedSources = ReadSources();
        // Compile again even if nothing changed, so unfixed findings cannot hide behind an up-to-date build.
        After = DotnetCli.Run(_directory, "build", _directory, "--no-incremental");
    }

    public DotnetResult Before { get; }

    public DotnetResult? FixMapping { get; }

    public DotnetResult? FixChecks { get; }

    public DotnetResult? After { get; }

    public IReadOnlyDictionary<string, string> OriginalSources { get; }

    public IReadOnlyDictionary<string, string> FixedSources { get; } = new Dictionary<string, string>();

    public IReadOnlyList<BuildDiagnostic> FindingsBefore => BuildDiagnostics.Parse(Before.Output).WithId("PA0001");

    public IReadOnlyList<BuildDiagnostic> MappingFindingsBefore => BuildDiagnostics.Parse(Before.Output).WithId("PA0003");

    public void AssertBuiltBefore() => Assert.True(Before.Succeeded, Before.ToString());

    /// <summary>The host's build output after the fixes.</summary>
    public string OutputAfter => Path.Combine(_directory, "bin", "Debug", "net10.0");

    /// <summary>Runs the host built before the fixes with <paramref name="arguments"/>.</summary>
    public DotnetResult RunBefore(params string[] arguments) => RunHost(_beforeOutput, arguments);

    /// <summary>Runs the host built after the fixes with <paramref name="arguments"/>.</summary>
    public DotnetResult RunAfter(params string[] arguments) => RunHost(Path.Combine(_directory, "bin"), arguments);

    private static DotnetResult RunHost(string binFolder, string[] arguments) =>
        DotnetCli.Run(binFolder, [Path.Combine(binFolder, "Debug", "net10.0", "AdoptionHost.dll"), .. arguments]);

    /// <summary>The sample's sources and .editorconfig; its project reference (the abstractions, what the ProviderAudit package holds) becomes the package reference a team adds.</summary>
    private void CopySample(string version)
    {
        Directory.CreateDirectory(_directory);
        var sample = RepositoryRoot.Combine(SampleFolder.Split('/'));
        foreach (var file in Directory.GetFiles(sample).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || Path.GetFileName(f) == ".editorconfig"))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }

        var project = File.ReadAllText(Path.Combine(sample, ProjectFile));
        var reference = project.Split('\n').Single(line => line.Contains("<ProjectReference", StringComparison.Ordinal));
        File.WriteAllText(
            Path.Combine(_directory, ProjectFile),
            project.Replace(reference.TrimEnd('\r'), $"""    <PackageReference Include="ProviderAudit" Version="{version}" />""", StringComparison.Ordinal));
    }

    private Dictionary<string, string> ReadSources() =>
        Directory.GetFiles(_directory, "*.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);

    private static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            CopyFolder(folder, Path.Combine(destination, Path.GetFileName(folder)));
        }
    }
}
