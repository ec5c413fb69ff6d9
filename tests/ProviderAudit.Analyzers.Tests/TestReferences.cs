using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Runtime;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// References for test sources, resolved once per process and without the network: the installed SDK's
/// Microsoft.NETCore.App.Ref pack (the SDK running the tests always has one) plus the real capability assembly
/// (ProviderAudit.Abstractions, where ApiProvider lives).
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference package: resolving one would download it at test time.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = FindFrameworkReferencePack();
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in Directory.EnumerateFiles(framework, "*.dll"))
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        references.Add(MetadataReference.CreateFromFile(typeof(ApiProvider).Assembly.Location));
        return references.ToImmutable();
    }

    /// <summary>
    /// <c>&lt;dotnet&gt;/packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net&lt;major&gt;.0</c> for the runtime
    /// running the tests (its directory is <c>&lt;dotnet&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;</c>).
    /// </summary>
    private static string FindFrameworkReferencePack()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var targetFramework = "net" + Environment.Version.Major + ".0";
        var candidates = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(version => Path.Combine(version, "ref", targetFramework))
                .Where(Directory.Exists)
                .OrderByDescending(path => path, StringComparer.Ordinal)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException(
                $"No Microsoft.NETCore.App.Ref pack for {targetFramework} under '{packs}'; the tests need the .NET SDK's targeting pack (install the .NET {Environment.Version.Major} SDK).");
    }
}
