using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// A restore warning (NU1603: the exact version asked for was not found, a higher one was used) is what MSBuildWorkspace
/// reports as a load failure; the project builds, so the audit runs, reports the warning, and finds what is there.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class LoadWarningTests(InstalledTool tool) : IDisposable
{
    private readonly TemporaryDirectory _folder = new("cli-nu1603");

    [Fact]
    public void A_project_whose_restore_warns_nu1603_is_audited_and_the_warning_reported()
    {
        WriteProjectAskingForAMissingVersion();
        var restore = DotnetCli.Run(_folder.Path, "restore", "Warns.csproj");
        Assert.True(restore.Succeeded, restore.ToString());
        Assert.Contains("NU1603", restore.Output, StringComparison.Ordinal);
        var report = _folder.Combine("..", Path.GetFileName(_folder.Path) + ".json");

        var audit = InProcessTool.Run(_folder.Path, "audit", "Warns.csproj", "--format", "json", "-o", report);

        try
        {
            Assert.Equal(1, audit.ExitCode);
            Assert.Contains("warning while loading:", audit.StandardError, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            Assert.Contains(json.RootElement.GetProperty("loadWarnings").EnumerateArray(), w => w.GetString()!.Contains($"ProviderAudit {OlderVersion} was not found", StringComparison.Ordinal));
            Assert.Single(Reports.Findings(json));
        }
        finally
        {
            File.Delete(report);
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A version below the packed one: the local feed has only the packed one, so restore resolves that with NU1603.</summary>
    private const string OlderVersion = "0.0.1";

    private void WriteProjectAskingForAMissingVersion()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(_folder.Combine(file), "<Project />\n");
        }

        File.WriteAllText(_folder.Combine("nuget.config"), LocalFeedNuGetConfig.Text(tool.FeedDirectory, Path.Combine(tool.WorkDirectory, "packages")));
        File.WriteAllText(_folder.Combine("Warns.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="ProviderAudit" Version="{OlderVersion}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(_folder.Combine("Check.cs"), "using ProviderAudit.Runtime;\n\npublic static class Check\n{\n    public static bool UsesAnthropicModelIds(ApiProvider p) => p == ApiProvider.FirstParty;\n}\n");
    }
}
