namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>The checkout the tests run from (the folder holding ProviderAudit.sln), for suites that read its sources.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ProviderAudit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProviderAudit.sln above {AppContext.BaseDirectory}: run the tests from a checkout of the repository.");
    });

    public static string Path => Root.Value;

    public static string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);
}
