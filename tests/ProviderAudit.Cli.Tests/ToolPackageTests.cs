using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>The tool package: what it is called, where it is packed, and that it carries what it needs to load projects.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ToolPackageTests(InstalledTool tool)
{
    private const string ProjectPath = "analyzers/ProviderAudit.Cli/ProviderAudit.Cli.csproj";

    [Fact]
    public void Dotnet_pack_at_the_repository_root_packs_the_tool_beside_the_package()
    {
        var solution = File.ReadAllText(RepositoryRoot.Combine("ProviderAudit.sln"));
        Assert.Contains(ProjectPath.Replace('/', '\\'), solution, StringComparison.Ordinal);

        var evaluated = DotnetCli.Run(RepositoryRoot.Path, "msbuild", ProjectPath, "-getProperty:IsPackable", "-getProperty:PackAsTool", "-getProperty:PackageId", "-getProperty:ToolCommandName");
        Assert.True(evaluated.Succeeded, evaluated.ToString());
        var properties = JsonDocument.Parse(evaluated.StandardOutput).RootElement.GetProperty("Properties");

        Assert.Equal("true", properties.GetProperty("IsPackable").GetString());
        Assert.Equal("true", properties.GetProperty("PackAsTool").GetString());
        Assert.Equal("ProviderAudit.Cli", properties.GetProperty("PackageId").GetString());
        Assert.Equal("provider-audit", properties.GetProperty("ToolCommandName").GetString());
    }

    [Fact]
    public void The_installed_tool_carries_msbuild_workspaces_build_host()
    {
        tool.AssertInstalled();

        var buildHosts = Directory.GetFiles(Path.Combine(tool.ToolPath, ".store"), "Microsoft.CodeAnalysis.Workspaces.MSBuild.BuildHost.dll", SearchOption.AllDirectories);

        Assert.Contains(buildHosts, path => path.Contains("BuildHost-netcore", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_lists_the_three_commands_and_the_exit_codes()
    {
        var help = tool.Run(tool.WorkDirectory, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("audit", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fix", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("baseline", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 load failure", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("130 interrupted", help.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("fix")]
    [InlineData("baseline")]
    public void Each_commands_help_names_every_kind_of_path_it_takes(string command)
    {
        var help = tool.Run(tool.WorkDirectory, command, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.All([".sln", ".slnx", ".slnf", ".csproj"], kind => Assert.Contains(kind, help.StandardOutput, StringComparison.Ordinal));
    }

    [Fact]
    public void The_install_command_docs_cli_md_gives_for_a_local_build_installs_the_tool_from_inside_the_repository()
    {
        tool.AssertInstalled();
        var documented = File.ReadAllLines(RepositoryRoot.Combine("docs", "cli.md"))
            .Single(l => l.StartsWith("dotnet tool install", StringComparison.Ordinal) && l.Contains("--source", StringComparison.Ordinal));
        var arguments = documented.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var toolPath = Path.Combine(tool.WorkDirectory, "documented-install");

        // As documented, with the test's feed for the documented pack folder and a temp tool path for --global.
        arguments = [.. arguments.Select(a => a == "./artifacts/packages" ? tool.FeedDirectory : a == "--global" ? "--tool-path" : a)];
        arguments.Insert(arguments.IndexOf("--tool-path") + 1, toolPath);
        arguments[arguments.IndexOf("--version") + 1] = tool.Version;
        var install = DotnetCli.Run(RepositoryRoot.Path, [.. arguments]);

        Assert.True(install.Succeeded, install.ToString());
        Assert.True(File.Exists(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "provider-audit.exe" : "provider-audit")));
    }
}
