namespace ProviderAudit.TestSupport;

/// <summary>
/// The nuget.config of a consumer outside the repository: <c>ProviderAudit*</c> from a local folder of packed packages,
/// everything else from the registry's <c>nuget.org</c> key, like the repository's own nuget.config.
/// </summary>
public static class LocalFeedNuGetConfig
{
    /// <summary>
    /// Own packages folder: the packages keep their version across test runs, so the user's cache would serve a
    /// stale copy. The user's cache still serves the dependencies (read-only) unless it holds a ProviderAudit.
    /// </summary>
    public static string Text(string feedDirectory, string packagesFolder)
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(userPackages) && !Directory.Exists(Path.Combine(userPackages, "provideraudit"))
            ? $"""<fallbackPackageFolders><add key="user-packages" value="{userPackages}" /></fallbackPackageFolders>"""
            : "";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              {fallback}
              <packageSources>
                <add key="provider-audit-local" value="{feedDirectory}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="provider-audit-local">
                  <package pattern="ProviderAudit*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>

            """;
    }
}
