using System.Text.Json;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// Our own code is audited by the analyzer built from source (Directory.Build.targets): the capability types, the
/// runtime and every sample; the analyzer projects themselves are not (they name FirstParty as data).
/// </summary>
public sealed class DogfoodingTests
{
    [Theory]
    [InlineData("abstractions/ProviderAudit.Abstractions/ProviderAudit.Abstractions.csproj", true)]
    [InlineData("runtime/ProviderAudit.Runtime/ProviderAudit.Runtime.csproj", true)]
    [InlineData("samples/ProviderHost/ProviderHost.csproj", true)]
    [InlineData("samples/AdoptionHost/AdoptionHost.csproj", true)]
    [InlineData("samples/LegacyHost/LegacyHost.csproj", true)]
    [InlineData("analyzers/ProviderAudit.Analyzers/ProviderAudit.Analyzers.csproj", false)]
    public void The_analyzer_built_from_source_audits_our_own_code(string project, bool audited)
    {
        var evaluated = DotnetCli.Run(RepositoryRoot.Path, "msbuild", project, "-getProperty:ProviderAuditDogfood", "-getItem:ProjectReference");
        Assert.True(evaluated.Succeeded, evaluated.ToString());
        using var json = JsonDocument.Parse(evaluated.StandardOutput);
        var references = json.RootElement.TryGetProperty("Items", out var items) && items.TryGetProperty("ProjectReference", out var found)
            ? found.EnumerateArray().ToArray()
            : [];
        var analyzerReferences = references
            .Where(r => r.TryGetProperty("OutputItemType", out var type) && type.GetString() == "Analyzer")
            .Select(r => Path.GetFileName(r.GetProperty("Identity").GetString()!))
            .Order(StringComparer.Ordinal);

        Assert.Equal(audited ? "true" : "", json.RootElement.GetProperty("Properties").GetProperty("ProviderAuditDogfood").GetString());
        Assert.Equal(audited ? ["ProviderAudit.Analyzers.csproj", "ProviderAudit.CodeFixes.csproj"] : [], analyzerReferences);
    }

    [Fact]
    public void Our_code_is_audited_at_error_severity()
    {
        var editorConfig = File.ReadAllText(RepositoryRoot.Combine(".editorconfig"));

        Assert.Contains("dotnet_diagnostic.PA0001.severity = error", editorConfig, StringComparison.Ordinal);
    }
}
