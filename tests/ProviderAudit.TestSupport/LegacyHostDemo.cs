namespace ProviderAudit.TestSupport;

/// <summary>
/// README's audit demo, run on a copy of the repository's sources in a temp folder: build the legacy sample,
/// apply the fixes with <c>dotnet format</c>, build again.
/// </summary>
public sealed class LegacyHostDemo : IDisposable
{
    /// <summary>The comparisons with ApiProvider.FirstParty written into samples/LegacyHost (README shows this count).</summary>
    public const int ComparisonSites = 22;

    public const string ProjectPath = "samples/LegacyHost/LegacyHost.csproj";

    public static readonly string[] BuildCommand = ["build", "samples/LegacyHost"];

    public static readonly string[] FixCommand =
        ["format", "analyzers", ProjectPath, "--diagnostics", "PA0001", "--severity", "warn"];

    /// <summary>README's CI gate: exits 2 while fixes would change code.</summary>
    public static readonly string[] VerifyCommand = [.. FixCommand, "--verify-no-changes"];

    private static readonly string[] CopiedFolders = ["abstractions", "runtime", "analyzers", "samples/LegacyHost"];

    private static readonly string[] CopiedFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config", ".editorconfig", "global.json"];

    private readonly TemporaryDirectory _copy = new("legacyhost");

    public LegacyHostDemo()
    {
        CopyRepositorySources(_copy.Path);
        Before = DotnetCli.Run(_copy.Path, BuildCommand);
        if (!Before.Succeeded)
        {
            return;
        }

        Verify = DotnetCli.Run(_copy.Path, VerifyCommand);
        SourcesChangedByVerify = ReadSources()
            .Where(source => source.Value != File.ReadAllText(RepositoryRoot.Combine("samples", "LegacyHost", source.Key)))
            .Select(source => source.Key)
            .ToList();
        Fix = DotnetCli.Run(_copy.Path, FixCommand);
        // Compile the sample again even if nothing changed, so unfixed findings cannot hide behind an up-to-date build.
        After = DotnetCli.Run(_copy.Path, [.. BuildCommand, "--no-incremental", "-p:BuildProjectReferences=false"]);
        FixedSources = ReadSources();
    }

    public DotnetResult Before { get; }

    public DotnetResult? Verify { get; }

    /// <summary>Files of the copy that differ from the repository's after the verify-only run (none expected).</summary>
    public IReadOnlyList<string> SourcesChangedByVerify { get; } = [];

    public DotnetResult? Fix { get; }

    public DotnetResult? After { get; }

    public IReadOnlyDictionary<string, string> FixedSources { get; } = new Dictionary<string, string>();

    public IReadOnlyList<BuildDiagnostic> FindingsBefore => BuildDiagnostics.Parse(Before.Output).WithId("PA0001");

    public void Dispose() => _copy.Dispose();

    private Dictionary<string, string> ReadSources() =>
        Directory.GetFiles(_copy.Combine("samples", "LegacyHost"), "*.cs")
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);

    public static void CopyRepositorySources(string destination)
    {
        foreach (var file in CopiedFiles.Where(f => File.Exists(RepositoryRoot.Combine(f))))
        {
            File.Copy(RepositoryRoot.Combine(file), Path.Combine(destination, file));
        }

        foreach (var folder in CopiedFolders)
        {
            CopyFolder(RepositoryRoot.Combine(folder.Split('/')), Path.Combine(destination, Path.Combine(folder.Split('/'))));
        }
    }

    private static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(folder);
            // Build output of the real checkout must not leak into the copy (it would look up to date).
            if (name is not ("bin" or "obj") && !name.StartsWith('.'))
            {
                CopyFolder(folder, Path.Combine(destination, name));
            }
        }
    }
}
