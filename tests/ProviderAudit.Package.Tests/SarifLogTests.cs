using System.Text.Json;

namespace ProviderAudit.Package.Tests;

/// <summary>Code-review automation: the SARIF 2.1 log a consumer build writes carries PA0001 with its rule metadata.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class SarifLogTests(PackedPackage package)
{
    [Fact]
    public void Log_is_SARIF_2_1()
    {
        using var sarif = package.Consumers.ReadSarif();

        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Log_has_one_PA0001_result_located_on_the_comparison()
    {
        using var sarif = package.Consumers.ReadSarif();

        var result = Assert.Single(Results(sarif), r => r.GetProperty("ruleId").GetString() == "PA0001");
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("Program.cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(ConsumerProject.FlaggedLine, physical.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void PA0001_result_has_a_message_and_warning_level()
    {
        using var sarif = package.Consumers.ReadSarif();

        var result = Results(sarif).Single(r => r.GetProperty("ruleId").GetString() == "PA0001");
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
    }

    [Fact]
    public void PA0001_rule_metadata_has_id_title_and_help_uri_to_its_rule_page()
    {
        using var sarif = package.Consumers.ReadSarif();

        var rule = Rules(sarif).Single(r => r.GetProperty("id").GetString() == "PA0001");
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.EndsWith("docs/rules/PA0001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Runs(JsonDocument sarif) => sarif.RootElement.GetProperty("runs").EnumerateArray();

    private static List<JsonElement> Results(JsonDocument sarif) =>
        Runs(sarif).SelectMany(run => run.GetProperty("results").EnumerateArray()).ToList();

    private static List<JsonElement> Rules(JsonDocument sarif) =>
        Runs(sarif).SelectMany(run => run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()).ToList();
}
