using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Runtime;

namespace ProviderAudit.TestSupport;

/// <summary>
/// Compilation references built from the installed SDK, so tests never download a reference pack:
/// the .NET reference assemblies of the running runtime plus the real capability assembly (ProviderAudit.Abstractions:
/// ApiProvider, the capability extension methods, ApiProviderIds), which is what the fixes rewrite to.
/// </summary>
public static class TestReferences
{
    /// <summary>No reference package to resolve (resolving one would download it at test time): the framework comes in through <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(ApiProvider).Assembly.Location);

    /// <summary>
    /// <see cref="All"/> plus the runtime and the official SDK assemblies it depends on (copied next to the tests), for
    /// programs that use them directly, as samples/ProviderHost does.
    /// </summary>
    public static ImmutableArray<MetadataReference> WithRuntimeDependencies { get; } = All.AddRange(
        Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) == "ProviderAudit.Runtime.dll"
                || Path.GetFileName(path).StartsWith("Anthropic", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("AWSSDK.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));

    private static ImmutableArray<MetadataReference> Load()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in FrameworkReferencePaths())
        {
            builder.Add(MetadataReference.CreateFromFile(path));
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(ApiProvider).Assembly.Location));
        return builder.ToImmutable();
    }

    /// <summary>
    /// The SDK's reference pack matching the running runtime (packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net10.0),
    /// else the newest pack for the same framework; falling back to the runtime's own assemblies, which compile the same
    /// test sources.
    /// </summary>
    private static IEnumerable<string> FrameworkReferencePaths()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Path.GetFileName(runtimeDirectory);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var candidates = new List<string> { Path.Combine(packs, version, "ref", "net" + Environment.Version.ToString(2)) };
        if (Directory.Exists(packs))
        {
            candidates.AddRange(Directory.GetDirectories(packs)
                .OrderByDescending(directory => directory, StringComparer.Ordinal)
                .Select(directory => Path.Combine(directory, "ref", "net" + Environment.Version.ToString(2))));
        }

        foreach (var candidate in candidates)
        {
            if (Directory.Exists(candidate))
            {
                return Directory.GetFiles(candidate, "*.dll");
            }
        }

        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory && !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal));
    }
}
