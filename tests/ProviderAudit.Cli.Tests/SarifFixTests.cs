using System.Text;
using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// Each SARIF result's fix is complete on its own (the using directive it needs included), and applying several
/// results' fixes together (each distinct replacement once) still gives exactly what `fix` writes.
/// </summary>
[Collection(InProcessToolCollection.Name)]
public sealed class SarifFixTests(SarifFixTests.AuditAndFix standIn) : IClassFixture<SarifFixTests.AuditAndFix>
{
    private const string UsingDirective = "using ProviderAudit.Runtime;";

    [Fact]
    public void Each_results_fix_applied_alone_adds_the_using_directive_its_rewrite_needs()
    {
        using var sarif = standIn.Sarif();
        var original = Encoding.UTF8.GetString(standIn.OriginalBomFile.AsSpan(3));
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
        using var sarif = standIn.Sarif();
        var original = standIn.OriginalBomFile;
        var together = ResultsIn(sarif, StandInProject.BomFile).SelectMany(r => r).Distinct().ToList();

        var applied = Apply(Encoding.UTF8.GetString(original.AsSpan(3)), together);

        Assert.True(standIn.Fix.Succeeded, standIn.Fix.ToString());
        byte[] expected = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(applied)];
        Assert.Equal(expected, standIn.FixedBomFile);
    }

    /// <summary>
    /// One stand-in project audited to SARIF, then fixed (the tree reset afterwards): the BOM file's bytes before and
    /// after `fix`, and the SARIF log.
    /// </summary>
    public sealed class AuditAndFix : IDisposable
    {
        private readonly TemporaryDirectory _reports = new("cli-sarif-fix");

        public AuditAndFix()
        {
            Project = new StandInProject();
            if (Project.Restore is not { Succeeded: true })
            {
                return;
            }

            OriginalBomFile = Project.Read(StandInProject.BomFile);
            Audit = InProcessTool.Run(Project.Path, "audit", StandInProject.ProjectFile, "--format", "sarif", "-o", SarifPath, "--quiet");
            Fix = InProcessTool.Run(Project.Path, "fix", StandInProject.ProjectFile, "--quiet");
            FixedBomFile = Project.Read(StandInProject.BomFile);
            Project.Git!.Reset();
        }

        public StandInProject Project { get; }

        public byte[] OriginalBomFile { get; } = [];

        public DotnetResult Audit { get; } = null!;

        public DotnetResult Fix { get; } = null!;

        public byte[] FixedBomFile { get; } = [];

        private string SarifPath => _reports.Combine("standin.sarif");

        public JsonDocument Sarif()
        {
            Project.AssertRestored();
            Assert.Equal(1, Audit.ExitCode);
            return JsonDocument.Parse(File.ReadAllText(SarifPath));
        }

        public void Dispose()
        {
            Project.Dispose();
            _reports.Dispose();
        }
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
