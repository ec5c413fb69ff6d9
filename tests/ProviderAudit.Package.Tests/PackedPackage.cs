using System.IO.Compression;
using System.Xml.Linq;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// The repository packed once per test run into a temp folder (<c>--artifacts-path</c> keeps the
/// repository's own bin/obj untouched, so other test projects running at the same time are not disturbed).
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly TemporaryDirectory _root = new("pack");
    private readonly Lazy<ConsumerBuilds> _consumers;
    private readonly Lazy<AdoptionHostDemo> _adoptionHost;
    private readonly Lazy<MixedFindingsConsumer> _mixedFindings;

    public PackedPackage()
    {
        FeedDirectory = _root.Combine("feed");
        _consumers = new(() => new ConsumerBuilds(this));
        _adoptionHost = new(() => new AdoptionHostDemo(this));
        _mixedFindings = new(() => new MixedFindingsConsumer(this));
        Pack = DotnetCli.Run(
            RepositoryRoot.Path,
            "pack", RepositoryRoot.Combine("analyzers", "ProviderAudit.Package", "ProviderAudit.Package.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            "--artifacts-path", _root.Combine("artifacts"));
        if (!Pack.Succeeded)
        {
            return;
        }

        NupkgPath = Directory.GetFiles(FeedDirectory, "ProviderAudit.*.nupkg").Single();
        using var archive = ZipFile.OpenRead(NupkgPath);
        Entries = archive.Entries.Select(e => e.FullName).ToList();
        using var nuspec = archive.GetEntry("ProviderAudit.nuspec")!.Open();
        Nuspec = XDocument.Load(nuspec);
    }

    public DotnetResult Pack { get; }

    /// <summary>A folder usable as a local package source holding only the packed package.</summary>
    public string FeedDirectory { get; }

    public string NupkgPath { get; } = "";

    public IReadOnlyList<string> Entries { get; } = [];

    public XDocument Nuspec { get; } = new();

    public string Version => NuspecMetadata("version").Value;

    /// <summary>The consumer scenarios, built on first use (the layout tests do not need them).</summary>
    public ConsumerBuilds Consumers => _consumers.Value;

    /// <summary>README's adoption demo on a copy of samples/AdoptionHost that references this package, run on first use.</summary>
    public AdoptionHostDemo AdoptionHost => _adoptionHost.Value;

    /// <summary>The consumer with fixable and unfixable findings, built, fixed with dotnet format and built again.</summary>
    public MixedFindingsConsumer MixedFindings => _mixedFindings.Value;

    /// <summary>A folder for this run's other temp files (consumers), removed with the package.</summary>
    public string WorkDirectory => _root.Path;

    public void AssertPacked() => Assert.True(Pack.Succeeded, Pack.ToString());

    public XElement NuspecMetadata(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().Single(e => e.Name.LocalName == name);

    public void Dispose() => _root.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
