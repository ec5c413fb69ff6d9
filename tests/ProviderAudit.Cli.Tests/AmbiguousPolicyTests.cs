namespace ProviderAudit.Cli.Tests;

/// <summary>
/// `fix --ambiguous`: a check whose concern the analyzer cannot infer becomes the capability the option names, or is
/// left alone with `skip`; checks with an inferred concern get theirs whatever the option.
/// </summary>
[Collection(InProcessToolCollection.Name)]
public sealed class AmbiguousPolicyTests(AmbiguousPolicyTests.StandInWithAnAmbiguousCheck standIn) : IClassFixture<AmbiguousPolicyTests.StandInWithAnAmbiguousCheck>
{
    [Theory]
    [InlineData("model-id", "provider.ModelIdFormat().IsFirstParty ? \"console\" : \"marketplace\"")]
    [InlineData("auth-transport", "provider.AuthTransport().IsFirstParty ? \"console\" : \"marketplace\"")]
    public void An_ambiguous_check_becomes_the_capability_the_option_names(string policy, string expected)
    {
        var (fix, files) = standIn.Fix("--ambiguous", policy);

        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Contains(expected, files[StandInWithAnAmbiguousCheck.AmbiguousFile], StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_leaves_an_ambiguous_check_as_it_is()
    {
        var (fix, files) = standIn.Fix("--ambiguous", "skip");

        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Equal(StandInWithAnAmbiguousCheck.AmbiguousSource, files[StandInWithAnAmbiguousCheck.AmbiguousFile]);
    }

    [Fact]
    public void Auth_transport_for_ambiguous_checks_leaves_inferred_model_id_checks_on_the_model_id_format()
    {
        var (fix, files) = standIn.Fix("--ambiguous", "auth-transport");

        Assert.True(fix.Succeeded, fix.ToString());
        Assert.All(StandInProject.ModelFiles, f => Assert.Contains("provider.ModelIdFormat().IsFirstParty", files[f], StringComparison.Ordinal));
    }

    /// <summary>The stand-in project with one more file, whose check names neither model ids nor auth (ambiguous).</summary>
    public sealed class StandInWithAnAmbiguousCheck : IDisposable
    {
        public const string AmbiguousFile = "App/Labels.cs";

        public const string AmbiguousSource = """
            using ProviderAudit.Runtime;

            namespace App;

            public static class Labels
            {
                public static string Channel(ApiProvider provider) =>
                    provider == ApiProvider.FirstParty ? "console" : "marketplace";
            }

            """;

        private readonly Lock _oneAtATime = new();

        public StandInWithAnAmbiguousCheck()
        {
            Project = new StandInProject(git: false);
            File.WriteAllText(Project.Combine(AmbiguousFile), AmbiguousSource);
            Git = GitWorkTree.Create(Project.Path);
        }

        public StandInProject Project { get; }

        public GitWorkTree Git { get; }

        /// <summary>Runs `fix` with <paramref name="options"/>; the files as it left them (text), the tree reset afterwards.</summary>
        public (DotnetResult Fix, IReadOnlyDictionary<string, string> Files) Fix(params string[] options)
        {
            Project.AssertRestored();
            lock (_oneAtATime)
            {
                try
                {
                    var fix = InProcessTool.Run(Project.Path, ["fix", StandInProject.ProjectFile, "--quiet", .. options]);
                    return (fix, Git.Snapshot().ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value), StringComparer.Ordinal));
                }
                finally
                {
                    Git.Reset();
                }
            }
        }

        public void Dispose() => Project.Dispose();
    }
}
