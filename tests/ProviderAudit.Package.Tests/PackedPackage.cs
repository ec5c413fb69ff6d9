namespace ProviderAudit.Package.Tests;

/// <summary>
/// The two packages packed once per test run into a temp feed, as <c>dotnet pack</c> at the repository root packs them:
/// <c>ProviderAudit</c> (from abstractions/ProviderAudit.Abstractions: the capability types and the audit) and
/// <c>ProviderAudit.Runtime</c> (from runtime/ProviderAudit.Runtime). <c>--artifacts-path</c> keeps the repository's own
/// bin/obj untouched, so other test projects running at the same time are not disturbed. The consumer scenarios and
/// the provider-audit tool are built on first use.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string AuditPackageId = "ProviderAudit";

    public const string RuntimePackageId = "ProviderAudit.Runtime";

    /// <summary>The projects packed, in order (the runtime's pack reuses the abstractions built by the first).</summary>
    public static readonly (string Project, string PackageId)[] PackedProjects =
    [
        ("abstractions/ProviderAudit.Abstractions/ProviderAudit.Abstractions.csproj", AuditPackageId),
        ("runtime/ProviderAudit.Runtime/ProviderAudit.Runtime.csproj", RuntimePackageId),
    ];

    private readonly TemporaryDirectory _root = new("pack");
    private readonly Lazy<ConsumerBuilds> _consumers;
    private readonly Lazy<AdoptionHostDemo> _adoptionHost;
    private readonly Lazy<MixedFindingsConsumer> _mixedFindings;
    private readonly Lazy<MultiTargetConsumer> _multiTarget;
    private readonly Lazy<PackedTool> _tool;
    private readonly Lazy<DeterminismRuns> _determinism;

    public PackedPackage()
    {
        FeedDirectory = _root.Combine("feed");
        _consumers = new(() => new ConsumerBuilds(this));
        _adoptionHost = new(() => new AdoptionHostDemo(this));
        _mixedFindings = new(() => new MixedFindingsConsumer(this));
        _multiTarget = new(() => new MultiTargetConsumer(this));
        _tool = new(() => new PackedTool(this));
        _determinism = new(() => new DeterminismRuns(this));

        foreach (var (project, _) in PackedProjects)
        {
            Pack = DotnetCli.Run(
                RepositoryRoot.Path,
                "pack", RepositoryRoot.Combine(project.Split('/')),
                "-c", "Release",
                "-o", FeedDirectory,
                "--artifacts-path", ArtifactsDirectory);
            if (!Pack.Succeeded)
            {
                return;
            }
        }

        Audit = new PackedNupkg(FeedDirectory, AuditPackageId);
        Runtime = new PackedNupkg(FeedDirectory, RuntimePackageId);
    }

    /// <summary>The last pack (the failed one, if any).</summary>
    public DotnetResult Pack { get; } = new("dotnet pack", -1, "nothing packed");

    /// <summary>A folder usable as a local package source holding the packed packages.</summary>
    public string FeedDirectory { get; }

    /// <summary>Build output of the packs (and of the tool's pack), outside the repository.</summary>
    public string ArtifactsDirectory => _root.Combine("artifacts");

    /// <summary>The <c>ProviderAudit</c> package: what an adopting library references.</summary>
    public PackedNupkg Audit { get; } = null!;

    /// <summary>The <c>ProviderAudit.Runtime</c> package.</summary>
    public PackedNupkg Runtime { get; } = null!;

    public string Version => Audit.Version;

    /// <summary>The consumer scenarios, built on first use (the layout tests do not need them).</summary>
    public ConsumerBuilds Consumers => _consumers.Value;

    /// <summary>README's adoption demo on a copy of samples/AdoptionHost that references the ProviderAudit package, run on first use.</summary>
    public AdoptionHostDemo AdoptionHost => _adoptionHost.Value;

    /// <summary>The consumer with fixable and unfixable findings, built, fixed with dotnet format and built again.</summary>
    public MixedFindingsConsumer MixedFindings => _mixedFindings.Value;

    /// <summary>The library targeting netstandard2.0 to net10.0, built, fixed (PA0003, then PA0001) and built again.</summary>
    public MultiTargetConsumer MultiTarget => _multiTarget.Value;

    /// <summary>The provider-audit tool, packed into the same feed and installed into a temp tool path.</summary>
    public PackedTool Tool => _tool.Value;

    /// <summary><c>dotnet format</c> run repeatedly, and <c>provider-audit fix</c> once, on copies of one project.</summary>
    public DeterminismRuns Determinism => _determinism.Value;

    /// <summary>A folder for this run's other temp files (consumers), removed with the package.</summary>
    public string WorkDirectory => _root.Path;

    public void AssertPacked() => Assert.True(Pack.Succeeded, Pack.ToString());

    public void Dispose() => _root.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
