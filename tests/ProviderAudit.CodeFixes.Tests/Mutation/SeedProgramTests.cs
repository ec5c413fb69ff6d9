namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>The mutation suite starts from real programs: most seeds compile cleanly, so its no-new-error property has programs to hold on.</summary>
public sealed class SeedProgramTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task MostSeedProgramsCompileWithoutErrorsOrWarnings()
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
}
