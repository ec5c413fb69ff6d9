using Microsoft.CodeAnalysis.CSharp;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Rules;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>The mutation suite starts from real programs: most seeds compile cleanly, so its no-new-error property has programs to hold on.</summary>
public sealed class SeedProgramTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Most_seed_programs_compile_without_errors_or_warnings()
    {
        var checker = new MutationChecker();
        var clean = 0;
        foreach (var seed in SeedPrograms.All)
        {
            var result = await checker.CheckAsync(seed, seed.MutatedText);
            Assert.True(result.Violation is null, $"{seed.Name}: {result.Violation}");
            if (result.CompiledCleanly)
            {
                clean++;
            }
        }

        output.WriteLine($"{clean} of {SeedPrograms.All.Length} seed programs compile cleanly");
        Assert.True(clean * 2 > SeedPrograms.All.Length, $"only {clean} of {SeedPrograms.All.Length} seed programs compile cleanly");
    }

    [Fact]
    public void Every_adoption_host_file_is_a_seed_analyzed_with_the_samples_editor_config()
    {
        var editorConfig = File.ReadAllText(RepositoryRoot.Combine(SeedPrograms.AdoptionHost + "/.editorconfig"));
        var files = Directory.GetFiles(RepositoryRoot.Combine(SeedPrograms.AdoptionHost), "*.cs")
            .Select(path => SeedPrograms.AdoptionHost + "/" + Path.GetFileName(path))
            .ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var seed = Assert.Single(SeedPrograms.All, s => s.Name == file);
            Assert.Equal(editorConfig, seed.EditorConfig);
            Assert.Equal(file, seed.Documents[seed.MutatedDocument].Path);
        }
    }

    [Fact]
    public async Task An_adoption_host_seed_reports_its_enums_missing_mapping_and_offers_the_mapping_fix()
    {
        var seed = SeedPrograms.All.Single(s => s.Name == SeedPrograms.AdoptionHost + "/Backend.cs");

        var findings = await new MutationChecker().FindingsAsync(seed, seed.MutatedText);

        Assert.Contains(findings, d => d.Id == DiagnosticContract.MissingProviderMappingId && d.Location.SourceTree!.FilePath.EndsWith("/Backend.cs", StringComparison.Ordinal));
        Assert.Contains(findings, d => d.Id == DiagnosticContract.FirstPartyComparisonId && IsStringIdFix(d));
    }

    [Fact]
    public async Task Mapped_adoption_host_seeds_have_the_mapping_and_fixable_PA0001_on_the_enum()
    {
        var mapped = SeedPrograms.All.Where(s => s.Name.StartsWith(SeedPrograms.MappedPrefix + SeedPrograms.AdoptionHost + "/", StringComparison.Ordinal)).ToList();
        var seed = Assert.Single(mapped, s => s.Name.EndsWith("/ModelChoice.cs", StringComparison.Ordinal));

        var findings = await new MutationChecker().FindingsAsync(seed, seed.MutatedText);

        Assert.Equal(SeedPrograms.All.Count(s => s.Name.StartsWith(SeedPrograms.AdoptionHost + "/", StringComparison.Ordinal)), mapped.Count);
        Assert.Contains("ToApiProvider(this Backend", seed.Documents.Single(d => d.Path.EndsWith("/Backend.cs", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, d => d.Id == DiagnosticContract.MissingProviderMappingId);
        Assert.Contains(findings, d => d.Id == DiagnosticContract.FirstPartyComparisonId
            && d.Location.SourceTree!.FilePath.EndsWith("/ModelChoice.cs", StringComparison.Ordinal)
            && d.Properties[DiagnosticContract.NoFixProperty] == "false");
    }

    [Theory]
    [InlineData("StringIdFixTests.cs#", "provider_audit.string_provider_members")]
    [InlineData("ProviderMappingEndToEndTests.cs#", "provider_audit.additional_provider_types")]
    public void Adoption_test_snippets_are_seeds_carrying_their_tests_editor_config(string file, string setting)
    {
        var configured = SeedPrograms.All.Where(s => s.Name.StartsWith(file, StringComparison.Ordinal) && s.EditorConfig is not null).ToList();

        output.WriteLine($"{configured.Count} configured seeds from {file}");
        Assert.NotEmpty(configured);
        Assert.All(configured, s => Assert.Contains(setting, s.EditorConfig!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("real-world-enum")]
    [InlineData("real-world-enum-mapped")]
    [InlineData("adoption")]
    [InlineData("string-ids")]
    [InlineData("string-id-shapes")]
    [InlineData("followed-constants")]
    [InlineData("every-shape")]
    public async Task Each_new_form_is_a_seed_that_compiles_cleanly_with_findings_at_the_latest_CSharp_and_at_CSharp_7_3(string form)
    {
        foreach (var prefix in new[] { FormSeeds.Prefix, FormSeeds.CSharp73 })
        {
            var seeds = SeedPrograms.All.Where(s => s.Name.StartsWith(prefix + form + "/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(seeds);
            Assert.All(seeds, s => Assert.Equal(prefix == FormSeeds.CSharp73 ? LanguageVersion.CSharp7_3 : LanguageVersion.Latest, s.LanguageVersion));

            var checker = new MutationChecker();
            var seed = seeds[0];
            Assert.Empty(await checker.ProblemsAsync(seed, seed.MutatedText));
            var findings = await checker.FindingsAsync(seed, seed.MutatedText);
            Assert.Contains(findings, d => d.Id == DiagnosticContract.FirstPartyComparisonId);
            var result = await checker.CheckAsync(seed, seed.MutatedText);
            Assert.True(result.Violation is null, $"{seed.Name}: {result.Violation}");
        }
    }

    [Fact]
    public void The_checker_runs_every_analyzer_and_code_fix_provider_the_package_ships()
    {
        Assert.Contains(MutationChecker.Analyzers, a => a is FirstPartyComparisonAnalyzer);
        Assert.Equal(
            ["FirstPartyComparisonCodeFixProvider", "ProviderMappingCodeFixProvider"],
            MutationChecker.Fixers.Select(f => f.GetType().Name).Order(StringComparer.Ordinal));
        var fixable = MutationChecker.Fixers.SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
        Assert.Contains(DiagnosticContract.FirstPartyComparisonId, fixable);
        Assert.Contains(DiagnosticContract.MissingProviderMappingId, fixable);
    }

    private static bool IsStringIdFix(Microsoft.CodeAnalysis.Diagnostic finding) =>
        finding.Properties.ContainsKey(DiagnosticContract.ProviderIdParserProperty) && finding.Properties[DiagnosticContract.NoFixProperty] == "false";
}
