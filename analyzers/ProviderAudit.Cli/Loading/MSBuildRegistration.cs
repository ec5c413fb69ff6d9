using Microsoft.Build.Locator;

namespace ProviderAudit.Cli.Loading;

/// <summary>
/// Points this process at the .NET SDK's MSBuild (the one <c>dotnet build</c> in the project's folder would use,
/// global.json included). Must run before any method that touches MSBuildWorkspace is compiled, so callers do it
/// first and keep loading code in other methods.
/// </summary>
internal static class MSBuildRegistration
{
    public static void EnsureRegistered(string projectDirectory)
    {
        if (MSBuildLocator.IsRegistered)
        {
            return;
        }

        var options = new VisualStudioInstanceQueryOptions
        {
            DiscoveryTypes = DiscoveryType.DotNetSdk,
            WorkingDirectory = projectDirectory,
        };
        var sdk = MSBuildLocator.QueryVisualStudioInstances(options).FirstOrDefault()
            ?? throw new LoadFailureException(
                $"No .NET SDK found for '{projectDirectory}': install the .NET SDK the project needs (see its global.json, if any), or set DOTNET_ROOT to the folder holding the dotnet executable.");
        MSBuildLocator.RegisterInstance(sdk);
    }
}
