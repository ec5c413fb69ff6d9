using System.Text.Json;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// The audit binds only the members that can hold a comparison with the first-party constant; these are the forms
/// whose member names neither <c>FirstParty</c> nor the provider type, which it must still find.
/// </summary>
[Collection(InProcessToolCollection.Name)]
public sealed class AnalysisScopeTests
{
    private const string FarFile = "App/Far.cs";

    private const string ConstantsFile = "App/Constants.cs";

    private const string ElsewhereFile = "App/Elsewhere.cs";

    [Fact]
    public void Comparisons_whose_member_names_neither_first_party_nor_the_provider_type_are_found()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        File.WriteAllText(project.Combine(ConstantsFile), """
            using ProviderAudit.Runtime;

            namespace App;

            public static class Constants
            {
                public const ApiProvider Anthropic = ApiProvider.FirstParty;

                public const int NoProvider = 0;
            }

            public sealed record Holder(ApiProvider Provider);

            """.ReplaceLineEndings("\n"));
        File.WriteAllText(project.Combine(FarFile), """
            namespace App;

            public static class Far
            {
                public static bool ByNumber(Holder holder) => (int)holder.Provider == 0;

                public static bool ByZero(Holder holder) => holder.Provider == 0;

                public static bool ByDefault(Holder holder) => holder.Provider == default;

                public static bool ByConstant(Holder holder) => holder.Provider == Constants.Anthropic;

                public static bool ByZeroConstant(Holder holder) => (int)holder.Provider == Constants.NoProvider;

                public static bool InALambda(Holder holder) => Check(holder, p => p is 0);

                public static int NotAProvider(int count) => count % 2 == 0 ? 1 : 0;

                private static bool Check(Holder holder, System.Func<ProviderAudit.Runtime.ApiProvider, bool> test) => test(holder.Provider);
            }

            """.ReplaceLineEndings("\n"));
        var lines = AuditedFindingLines(project, FarFile);

        Assert.Equal([5, 7, 9, 11, 13, 15], lines);
    }

    [Fact]
    public void Sets_casts_arithmetic_and_computed_zeros_that_make_the_first_party_value_away_from_its_name_are_found()
    {
        // Each check's member names neither FirstParty nor a constant written with it: the value comes from a set declared
        // elsewhere, a cast from another enum, enum arithmetic through `using static`, a constant computed to 0. The build
        // reports all four (samples checked with the analyzer); an audit that left their members unbound found none.
        using var project = new StandInProject();
        project.AssertRestored();
        File.WriteAllText(project.Combine(ElsewhereFile), """
            using System.Linq;
            using ProviderAudit.Runtime;
            using static ProviderAudit.Runtime.ApiProvider;
            using P = ProviderAudit.Runtime.ApiProvider;

            namespace App;

            public enum Other { None, Some }

            public static class Elsewhere
            {
                private const int Zero = 1 - 1;

                private static readonly ApiProvider[] Direct = { ApiProvider.FirstParty, ApiProvider.Bedrock };

                public static bool InANamedSet(ApiProvider provider) => Direct.Contains(provider);

                public static bool CastFromAnotherEnum(P provider) => provider == (P)Other.None;

                public static bool ByArithmetic(ApiProvider provider) => provider == Bedrock - 1;

                public static bool ByAComputedZero(ApiProvider provider) => provider == Zero;

                public static bool NotAProvider(int count) => count > 1;
            }

            """.ReplaceLineEndings("\n"));
        var lines = AuditedFindingLines(project, ElsewhereFile);

        Assert.Equal([16, 18, 20, 22], lines);
    }

    /// <summary>The lines of <paramref name="file"/> with a finding in <c>provider-audit audit</c>'s JSON report (exit 1: findings).</summary>
    private static List<int> AuditedFindingLines(StandInProject project, string file)
    {
        using var reports = new TemporaryDirectory("cli-scope");
        var report = reports.Combine("scope.json");
        var audit = InProcessTool.Run(project.Path, "audit", StandInProject.ProjectFile, "--format", "json", "-o", report);
        Assert.Equal(1, audit.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return Reports.Findings(json).Where(f => f.File == file).Select(f => f.Line).Order().ToList();
    }
}
