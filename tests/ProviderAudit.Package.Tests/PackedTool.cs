namespace ProviderAudit.Package.Tests;

/// <summary>
/// The provider-audit tool as a user gets it: <c>ProviderAudit.Cli</c> packed into the package feed (as <c>dotnet pack</c>
/// at the repository root packs it beside the two packages) and installed with <c>dotnet tool install --tool-path</c>.
/// </summary>
public sealed class PackedTool
{
    public const string ProjectPath = "analyzers/ProviderAudit.Cli/ProviderAudit.Cli.csproj";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    public PackedTool(PackedPackage package)
    {
        package.AssertPacked();
        ToolPath = Path.Combine(package.WorkDirectory, "tools");
        Setup = DotnetCli.Run(
            RepositoryRoot.Path,
            "pack", RepositoryRoot.Combine(ProjectPath.Split('/')), "-c", "Release", "-o", package.FeedDirectory, "--artifacts-path", package.ArtifactsDirectory);
        if (Setup.Succeeded)
        {
            Setup = DotnetCli.Run(package.WorkDirectory, "tool", "install", "ProviderAudit.Cli", "--tool-path", ToolPath, "--add-source", package.FeedDirectory, "--version", package.Version);
        }
    }

    /// <summary>The last setup step (a failed pack, or the install).</summary>
    public DotnetResult Setup { get; }

    public string ToolPath { get; }

    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "provider-audit.exe" : "provider-audit");

    public void AssertInstalled() => Assert.True(Setup.Succeeded && File.Exists(Command), Setup.ToString());

    /// <summary>Runs <c>provider-audit ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public DotnetResult Run(string workingDirectory, params string[] arguments)
    {
        AssertInstalled();
        return DotnetCli.RunProgram(Command, workingDirectory, RunTimeout, arguments);
    }
}
