namespace ProviderAudit.Cli.Tests;

/// <summary>Exit codes 2 (usage) and 3 (load failure), each with a message that names the problem and the fix.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ExitCodeTests(InstalledTool tool) : IDisposable
{
    private readonly TemporaryDirectory _folder = new("cli-exit-codes");

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = InProcessTool.Run(_folder.Path, "audit", ".", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'xml'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error_naming_it()
    {
        var result = InProcessTool.Run(_folder.Path, "audit", "no/such/App.sln");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'no/such/App.sln' does not exist", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_new_without_a_baseline_is_a_usage_error()
    {
        var result = InProcessTool.Run(_folder.Path, "audit", ".", "--fail-on", "new");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--fail-on new needs --baseline", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_one_is_a_usage_error()
    {
        File.WriteAllText(_folder.Combine("baseline.json"), "{\"findings\": 3}");

        var result = InProcessTool.Run(_folder.Path, "audit", ".", "--baseline", "baseline.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--baseline 'baseline.json'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_msbuild_cannot_load_exits_3_naming_it_with_the_msbuild_message()
    {
        File.WriteAllText(_folder.Combine("Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>\n");

        var result = InProcessTool.Run(_folder.Path, "audit", "Broken.csproj");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Broken.csproj", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("The project file could not be loaded", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_was_not_restored_exits_3_rather_than_passing()
    {
        File.WriteAllText(_folder.Combine("Unrestored.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="ProviderAudit" Version="{tool.Version}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(_folder.Combine("Check.cs"), "using ProviderAudit.Runtime;\n\npublic static class Check\n{\n    public static bool IsFirst(ApiProvider p) => p == ApiProvider.FirstParty;\n}\n");

        var result = InProcessTool.Run(_folder.Path, "audit", "Unrestored.csproj");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not compile", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotnet restore", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
