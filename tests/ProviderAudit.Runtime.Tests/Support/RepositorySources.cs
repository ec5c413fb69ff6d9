namespace ProviderAudit.Runtime.Tests;

/// <summary>The repository's own files (C# sources, docs), for tests that read them.</summary>
internal static class RepositorySources
{
    /// <summary>The folder holding ProviderAudit.sln, found above the test's output directory.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>The .cs files under <paramref name="folder"/> (relative to <see cref="Root"/>), build output excluded.</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
