using System.IO.Compression;
using System.Xml.Linq;

namespace ProviderAudit.Package.Tests;

/// <summary>One packed .nupkg: its file list and its nuspec.</summary>
public sealed class PackedNupkg
{
    public PackedNupkg(string feedDirectory, string id)
    {
        Id = id;
        // ProviderAudit.<version>.nupkg, not ProviderAudit.Runtime.<version>.nupkg: the version starts with a digit.
        Path = Directory.GetFiles(feedDirectory, id + ".*.nupkg")
            .Single(path => char.IsDigit(System.IO.Path.GetFileName(path)[(id.Length + 1)..][0]));
        using var archive = ZipFile.OpenRead(Path);
        Entries = archive.Entries.Select(e => e.FullName).ToList();
        using var nuspec = archive.GetEntry(id + ".nuspec")!.Open();
        Nuspec = XDocument.Load(nuspec);
    }

    public string Id { get; }

    public string Path { get; }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    public string Version => Metadata("version").Value;

    public XElement Metadata(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().Single(e => e.Name.LocalName == name);

    /// <summary>The dependency groups: target framework → its dependencies.</summary>
    public IReadOnlyList<(string? TargetFramework, IReadOnlyList<XElement> Dependencies)> DependencyGroups =>
        Metadata("dependencies").Elements()
            .Select(group => ((string?)group.Attribute("targetFramework"), (IReadOnlyList<XElement>)group.Elements().ToList()))
            .ToList();

    public IEnumerable<string> EntriesUnder(string folder) =>
        Entries.Where(e => e.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
