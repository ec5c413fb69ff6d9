namespace ProviderAudit.TestSupport;

/// <summary>The checkout these tests belong to, found from the test assembly's location.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProviderAudit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ProviderAudit.sln above {AppContext.BaseDirectory}: run these tests from a checkout of the repository.");
    }
}
