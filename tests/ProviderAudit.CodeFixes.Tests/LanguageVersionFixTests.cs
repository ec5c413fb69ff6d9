using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// Code the fixes write compiles at the consumer's language version and nullable context: C# 7.3 with nullable off (the
/// default of netstandard2.0 and net462, where a multi-targeted library's one source file is also compiled), C# 8 with
/// nullable off, and the latest with nullable on. Every fix shape that C# 7.3 can express, every fix offered, one site at a
/// time and through Fix All, must leave the program without a compiler error or warning.
/// </summary>
public sealed class LanguageVersionFixTests
{
    /// <summary>Every check form C# 7.3 has (no switch expressions, <c>is not</c>, <c>or</c>, property patterns).</summary>
    internal const string CSharp73Checks = """
        using System.Collections.Generic;
        using System.Linq;
        using ProviderAudit.Runtime;

        namespace Host
        {
            internal sealed class Settings
            {
                public ApiProvider Provider { get; set; }
            }

            internal static class Checks
            {
                public static bool Equal(ApiProvider p) => p == ApiProvider.FirstParty;
                public static bool NotEqualReversed(ApiProvider p) => ApiProvider.FirstParty != p;
                public static bool Lifted(ApiProvider? p) => p == ApiProvider.FirstParty;
                public static bool Chain(Settings s) => s?.Provider == ApiProvider.FirstParty;
                public static bool BoxedEquals(object o) => ApiProvider.FirstParty.Equals(o);
                public static bool StaticEquals(ApiProvider p) => Equals(p, ApiProvider.FirstParty);
                public static bool Comparer(ApiProvider p) => EqualityComparer<ApiProvider>.Default.Equals(p, ApiProvider.FirstParty);
                public static bool TypeTest(ApiProvider p) => p is ApiProvider.FirstParty;
                public static bool BoxedTypeTest(object o) => o is ApiProvider.FirstParty;
                public static bool ComputedTypeTest() => Make() is ApiProvider.FirstParty;
                public static bool Member(ApiProvider p) => new[] { ApiProvider.FirstParty, ApiProvider.Vertex }.Contains(p);
                public static bool ComputedMember() => new[] { ApiProvider.Vertex, ApiProvider.FirstParty }.Contains(Make());

                public static bool LocalConstant(ApiProvider p)
                {
                    const ApiProvider direct = ApiProvider.FirstParty;
                    return p == direct;
                }

                public static int Case(ApiProvider p)
                {
                    switch (p)
                    {
                        case ApiProvider.FirstParty:
                            return 1;
                        default:
                            return 2;
                    }
                }

                public static int CaseWhen(ApiProvider p, bool flag)
                {
                    switch (p)
                    {
                        case ApiProvider.FirstParty when flag:
                            return 1;
                        default:
                            return 2;
                    }
                }

                public static int CaseNullable(ApiProvider? p)
                {
                    switch (p)
                    {
                        case ApiProvider.FirstParty:
                            return 1;
                        default:
                            return 2;
                    }
                }

                private static ApiProvider Make() => ApiProvider.Bedrock;
            }
        }
        """;

    /// <summary>Every provider-id check form C# 7.3 has, with the host's own first-party id and a deconstructed local.</summary>
    internal const string CSharp73IdChecks = """
        using System;

        namespace Host
        {
            internal sealed class Route
            {
                public string Provider { get; set; }

                private static (string provider, string model) Split(string id) => (id, id);

                public bool Equal() => Provider == "anthropic";
                public bool NotEqual() => "Anthropic" != Provider;
                public bool IgnoringCase() => string.Equals(Provider, "ANTHROPIC", StringComparison.OrdinalIgnoreCase);
                public bool Instance() => Provider.Equals("anthropic");
                public bool Lowered() => Provider.ToLowerInvariant() == "anthropic";
                public bool Pattern() => Provider is "anthropic";
                public bool Chain(Route other) => other?.Provider == "anthropic";

                public bool Deconstructed(string id)
                {
                    var (provider, model) = Split(id);
                    return provider == "anthropic" && model.Length > 0;
                }

                public int Case()
                {
                    switch (Provider)
                    {
                        case "anthropic":
                            return 1;
                        case "openai":
                            return 2;
                        default:
                            return 3;
                    }
                }
            }
        }
        """;

    internal const string IdConfig = """
        root = true
        [*.cs]
        provider_audit.string_provider_members = Provider, Split.provider
        provider_audit.string_provider_names = anthropic
        """;

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task Every_fix_of_every_provider_id_shape_compiles_cleanly_at_the_language_version(LanguageVersion languageVersion, NullableContextOptions nullable)
    {
        var source = nullable == NullableContextOptions.Enable
            ? CSharp73IdChecks.Replace("public string Provider { get; set; }", "public string Provider { get; set; } = \"\";", StringComparison.Ordinal)
                .Replace("Chain(Route other)", "Chain(Route? other)", StringComparison.Ordinal)
            : CSharp73IdChecks;
        await AssertEveryFixCompilesAsync(IdConfig, languageVersion, nullable, 9, ("Route.cs", source));
    }

    public static TheoryData<LanguageVersion, NullableContextOptions> Contexts => new()
    {
        { LanguageVersion.CSharp7_3, NullableContextOptions.Disable },
        { LanguageVersion.CSharp8, NullableContextOptions.Disable },
        { LanguageVersion.Latest, NullableContextOptions.Enable },
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task Every_fix_of_every_shape_compiles_cleanly_at_the_language_version(LanguageVersion languageVersion, NullableContextOptions nullable)
    {
        await AssertEveryFixCompilesAsync(string.Empty, languageVersion, nullable, 16, ("Checks.cs", CSharp73Checks));
    }

    /// <summary>
    /// Each finding of <see cref="DiagnosticContract.FirstPartyComparisonId"/> offers a fix; each fix, applied alone, and Fix All
    /// started without a key leave the program as clean as it was (no error, no warning) at <paramref name="languageVersion"/>.
    /// </summary>
    internal static async Task AssertEveryFixCompilesAsync(
        string editorConfig, LanguageVersion languageVersion, NullableContextOptions nullable, int expectedFindings, params (string Name, string Source)[] sources)
    {
        ConfiguredProject Fresh() => new(editorConfig, OutputKind.DynamicallyLinkedLibrary, TestReferences.All, languageVersion, nullable, sources);

        var original = Fresh();
        Assert.Empty(await original.CompilerProblemsAsync());
        var findings = await FindingsAsync(original);
        Assert.Equal(expectedFindings, findings.Count);

        for (var i = 0; i < findings.Count; i++)
        {
            var actions = await original.ActionsAsync(new FirstPartyComparisonCodeFixProvider(), findings[i]);
            Assert.True(actions.Count == 2, $"{Describe(findings[i])} offers {actions.Count} fixes");
            foreach (var key in actions.Select(a => a.EquivalenceKey))
            {
                var project = Fresh();
                var finding = (await FindingsAsync(project))[i];
                await project.ApplyAsync((await project.ActionsAsync(new FirstPartyComparisonCodeFixProvider(), finding)).Single(a => a.EquivalenceKey == key));
                var problems = await project.CompilerProblemsAsync();
                Assert.True(problems.Count == 0, $"{key} on {Describe(finding)} at {languageVersion}: {string.Join("; ", problems)}\n{await TextsAsync(project, sources)}");
            }
        }

        var fixedAll = Fresh();
        await fixedAll.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, equivalenceKey: null);
        var left = await fixedAll.CompilerProblemsAsync();
        Assert.True(left.Count == 0, $"Fix All at {languageVersion}: {string.Join("; ", left)}\n{await TextsAsync(fixedAll, sources)}");
        Assert.DoesNotContain(await fixedAll.AnalyzeAsync(), d => d.Id == DiagnosticContract.FirstPartyComparisonId);
    }

    private static async Task<List<Diagnostic>> FindingsAsync(ConfiguredProject project) =>
        (await project.AnalyzeAsync())
            .Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();

    private static string Describe(Diagnostic finding) => $"{finding.Location.GetLineSpan().StartLinePosition} '{finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan)}'";

    private static async Task<string> TextsAsync(ConfiguredProject project, (string Name, string Source)[] sources)
    {
        var texts = new List<string>();
        foreach (var (name, _) in sources)
        {
            texts.Add(await project.TextAsync(name));
        }

        return string.Join("\n", texts);
    }
}
