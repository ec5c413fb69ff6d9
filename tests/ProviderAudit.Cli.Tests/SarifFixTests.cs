using System.Text;
using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// Each SARIF result's fix is complete on its own (the using directive it needs included), and applying several
/// results' fixes together (each distinct replacement once) still gives exactly what `fix` writes.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class SarifFixTests(InstalledTool tool)
{
    private const string UsingDirective = "using ProviderAudit.Runtime;";

    [Fact]
    public void Each_results_fix_applied_alone_adds_the_using_directive_its_rewrite_needs()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        using var sarif = Audit(project);
        var original = Encoding.UTF8.GetString(project.Read(StandInProject.BomFile).AsSpan(3));
        var results = ResultsIn(sarif, StandInProject.BomFile);
        Assert.Equal(StandInProject.BomFileFindings, results.Count);

        Assert.All(results, replacements =>
        {
            var alone = Apply(original, replacements);
            Assert.Contains(UsingDirective, alone, StringComparison.Ordinal);
            Assert.Single(alone.Split('\n'), l => l.Contains("IsFirstParty", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void All_results_fixes_applied_together_give_the_bytes_fix_writes()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        using var sarif = Audit(project);
        var original = project.Read(StandInProject.BomFile);
        var together = ResultsIn(sarif, StandInProject.BomFile).SelectMany(r => r).Distinct().ToList();

        var applied = Apply(Encoding.UTF8.GetString(original.AsSpan(3)), together);
        var fix = tool.Run(project.Path, "fix", StandInProject.ProjectFile, "--quiet");

        Assert.True(fix.Succeeded, fix.ToString());
        byte[] expected = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(applied)];
        Assert.Equal(expected, project.Read(StandInProject.BomFile));
    }

    private JsonDocument Audit(StandInProject project)
    {
        var path = Path.Combine(tool.WorkDirectory, $"standin-{Guid.NewGuid():N}.sarif");
        var audit = tool.Run(project.Path, "audit", StandInProject.ProjectFile, "--format", "sarif", "-o", path, "--quiet");
        Assert.Equal(1, audit.ExitCode);
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    /// <summary>For each result in <paramref name="file"/>, the replacements of its first fix in that file.</summary>
    private static List<List<(int Offset, int Length, string Text)>> ResultsIn(JsonDocument sarif, string file) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == file)
            .Select(r => r.GetProperty("fixes")[0].GetProperty("artifactChanges").EnumerateArray()
                .Where(c => c.GetProperty("artifactLocation").GetProperty("uri").GetString() == file)
                .SelectMany(c => c.GetProperty("replacements").EnumerateArray())
                .Select(x => (
                    x.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32(),
                    x.GetProperty("deletedRegion").GetProperty("charLength").GetInt32(),
                    x.GetProperty("insertedContent").GetProperty("text").GetString()!))
                .ToList())
            .ToList();

    private static string Apply(string text, IEnumerable<(int Offset, int Length, string Text)> replacements)
    {
        foreach (var (offset, length, inserted) in replacements.OrderByDescending(r => r.Offset))
        {
            text = text[..offset] + inserted + text[(offset + length)..];
        }

        return text;
    }
}
