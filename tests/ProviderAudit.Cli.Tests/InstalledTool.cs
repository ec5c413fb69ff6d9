namespace ProviderAudit.Cli.Tests;

/// <summary>
/// The tool as a user gets it: ProviderAudit and ProviderAudit.Cli packed into a temp feed (as <c>dotnet pack</c> at
/// the repository root packs them side by side), the tool installed from it into a temp tool path with
/// <c>dotnet tool install --tool-path</c>, and run through the command it installs. The scenarios that run it are
/// built on first use, once per test run.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private readonly TemporaryDirectory _root = new("cli");
    private readonly Lazy<LegacyHostScenario> _legacyHost;
    private readonly Lazy<ChainSolutionScenario> _chain;
    private readonly Lazy<RejectedFixScenario> _rejectedFix;
    private readonly Lazy<AdoptionScenario> _adoption;

    public InstalledTool()
    {
        FeedDirectory = _root.Combine("feed");
        ToolPath = _root.Combine("tools");
        _legacyHost = new(() => new LegacyHostScenario(this));
        _chain = new(() => new ChainSolutionScenario(this));
        _rejectedFix = new(() => new RejectedFixScenario(this));
        _adoption = new(() => new AdoptionScenario(this));

        var artifacts = _root.Combine("artifacts");
        // The ProviderAudit package (what the scenarios' projects reference) is packed from the abstractions project.
        foreach (var project in new[] { "abstractions/ProviderAudit.Abstractions/ProviderAudit.Abstractions.csproj", "analyzers/ProviderAudit.Cli/ProviderAudit.Cli.csproj" })
        {
            var pack = DotnetCli.Run(
                RepositoryRoot.Path,
                "pack", RepositoryRoot.Combine(project.Split('/')), "-c", "Release", "-o", FeedDirectory, "--artifacts-path", artifacts);
            if (!pack.Succeeded)
            {
                Setup = pack;
                return;
            }
        }

        var toolPackage = Directory.GetFiles(FeedDirectory, "ProviderAudit.Cli.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(toolPackage)["ProviderAudit.Cli.".Length..];
        Setup = DotnetCli.Run(_root.Path, "tool", "install", "ProviderAudit.Cli", "--tool-path", ToolPath, "--add-source", FeedDirectory, "--version", Version);
    }

    /// <summary>The last setup step (a failed pack, or the install).</summary>
    public DotnetResult Setup { get; }

    /// <summary>A local package source holding the two packages.</summary>
    public string FeedDirectory { get; }

    public string ToolPath { get; }

    public string Version { get; } = "";

    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "provider-audit.exe" : "provider-audit");

    /// <summary>A folder for this run's other temp files (scenarios), removed with the tool.</summary>
    public string WorkDirectory => _root.Path;

    public LegacyHostScenario LegacyHost => _legacyHost.Value;

    public ChainSolutionScenario Chain => _chain.Value;

    public RejectedFixScenario RejectedFix => _rejectedFix.Value;

    public AdoptionScenario Adoption => _adoption.Value;

    public void AssertInstalled() => Assert.True(Setup.Succeeded && File.Exists(Command), Setup.ToString());

    /// <summary>Runs <c>provider-audit ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public DotnetResult Run(string workingDirectory, params string[] arguments)
    {
        AssertInstalled();
        return DotnetCli.RunProgram(Command, workingDirectory, RunTimeout, arguments);
    }

    public void Dispose()
    {
        if (_adoption.IsValueCreated)
        {
            _adoption.Value.Dispose();
        }

        _root.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed provider-audit tool";
}
