using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// Fix All is deterministic: whatever diagnostic it starts from (the IDE starts from the site a person is on,
/// <c>dotnet format</c> from whichever diagnostic it meets first), whatever fix of that diagnostic it starts with (each
/// offered equivalence key) or none (<c>dotnet format</c>, a diagnostic without a fix), in whatever order the diagnostics
/// come, the code comes out the same — and an ambiguous site always gets the documented fix, the model-ID format.
/// </summary>
public sealed class FixAllDeterminismTests
{
    private const string Checks = """
        using System;
        using System.Linq.Expressions;
        using ProviderAudit.Runtime;

        class Checks
        {
            Expression<Func<ApiProvider, bool>> Query() => provider => provider == ApiProvider.FirstParty;
            string ModelId(ApiProvider provider) => provider == ApiProvider.FirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
            string HeaderName(ApiProvider provider) => provider == ApiProvider.FirstParty ? "x-api-key" : "authorization";
            bool IsDirect(ApiProvider provider) => provider == ApiProvider.FirstParty;
            bool IsDirectOrUnset(ApiProvider? provider) => provider is null || provider == ApiProvider.FirstParty;
            int Pair(ApiProvider provider, ApiProvider fallback) => (provider, fallback) switch
            {
                (ApiProvider.FirstParty, ApiProvider.FirstParty) => 1,
                _ => 2,
            };

            string Login(ApiProvider provider)
            {
                switch (provider)
                {
                    case ApiProvider.FirstParty:
                        return "Connect Anthropic";
                    default:
                        return "Check credentials";
                }
            }
        }
        """;

    private const string ChecksFixed = """
        using System;
        using System.Linq.Expressions;
        using ProviderAudit.Runtime;

        class Checks
        {
            Expression<Func<ApiProvider, bool>> Query() => provider => provider == ApiProvider.FirstParty;
            string ModelId(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty ? "claude-sonnet-4-6" : "anthropic.claude-sonnet-4-6-v1:0";
            string HeaderName(ApiProvider provider) => provider.AuthTransport().IsFirstParty ? "x-api-key" : "authorization";
            bool IsDirect(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
            bool IsDirectOrUnset(ApiProvider? provider) => provider is null || provider?.ModelIdFormat().IsFirstParty == true;
            int Pair(ApiProvider provider, ApiProvider fallback) => (provider, fallback) switch
            {
                (var p, var apiProvider) when p.ModelIdFormat().IsFirstParty && apiProvider.ModelIdFormat().IsFirstParty => 1,
                _ => 2,
            };

            string Login(ApiProvider provider)
            {
                switch (provider)
                {
                    case var p when p.AuthTransport().IsFirstParty:
                        return "Connect Anthropic";
                    default:
                        return "Check credentials";
                }
            }
        }
        """;

    private const string More = """
        using ProviderAudit.Runtime;

        class More
        {
            bool NeedsApiKey(ApiProvider provider) => provider != ApiProvider.FirstParty;
            string Catalog(ApiProvider provider) => provider.Equals(ApiProvider.FirstParty) ? "model catalog" : "none";
        }
        """;

    private const string MoreFixed = """
        using ProviderAudit.Runtime;

        class More
        {
            bool NeedsApiKey(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;
            string Catalog(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty ? "model catalog" : "none";
        }
        """;

    private static readonly FixAllScope[] Scopes = [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    [Fact]
    public async Task Capability_fix_all_gives_one_result_from_every_diagnostic_every_key_and_no_key()
    {
        var runs = await FixAllFromEveryStartAsync(
            string.Empty, new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, ("Checks.cs", Checks), ("More.cs", More));

        // 10 findings, 9 offering both keys (each started with both and with none) and one without a fix (started with
        // none), in 3 scopes, with the diagnostics in source and in reverse order.
        Assert.Equal((9 * 3 + 1) * 3 * 2, runs.Count);
        Assert.Equal(
            [("Checks.cs", ChecksFixed), ("More.cs", MoreFixed)],
            Assert.Single(runs.Where(run => run.Scope != FixAllScope.Document).Select(run => run.Result).Distinct(ResultComparer.Instance)));
        foreach (var byDocument in runs.Where(run => run.Scope == FixAllScope.Document).GroupBy(run => run.StartDocument))
        {
            var result = Assert.Single(byDocument.Select(run => run.Result).Distinct(ResultComparer.Instance));
            Assert.Equal(byDocument.Key == "Checks.cs" ? [("Checks.cs", ChecksFixed), ("More.cs", More)] : [("Checks.cs", Checks), ("More.cs", MoreFixed)], result);
        }
    }

    [Fact]
    public async Task Ambiguous_sites_get_the_AuthTransport_only_from_the_key_no_code_action_offers()
    {
        // provider-audit fix --ambiguous auth-transport: a choice made on purpose, which neither the IDE nor dotnet format can make.
        var project = new ConfiguredProject(string.Empty, ("Checks.cs", Checks), ("More.cs", More));
        var offered = new HashSet<string?>();
        foreach (var diagnostic in await project.AnalyzeAsync())
        {
            offered.UnionWith((await project.ActionsAsync(new FirstPartyComparisonCodeFixProvider(), diagnostic)).Select(a => a.EquivalenceKey));
        }

        Assert.DoesNotContain(DiagnosticContract.AmbiguousToAuthTransportEquivalenceKey, offered);

        await project.FixAllAsync(new FirstPartyComparisonCodeFixProvider(), DiagnosticContract.FirstPartyComparisonId, DiagnosticContract.AmbiguousToAuthTransportEquivalenceKey);

        Assert.Equal(
            ChecksFixed
                .Replace("bool IsDirect(ApiProvider provider) => provider.ModelIdFormat()", "bool IsDirect(ApiProvider provider) => provider.AuthTransport()", StringComparison.Ordinal)
                .Replace("provider?.ModelIdFormat()", "provider?.AuthTransport()", StringComparison.Ordinal)
                .Replace("p.ModelIdFormat().IsFirstParty && apiProvider.ModelIdFormat()", "p.AuthTransport().IsFirstParty && apiProvider.AuthTransport()", StringComparison.Ordinal),
            (await project.TextAsync("Checks.cs")).ReplaceLineEndings("\n"));
    }

    private const string MappingConfig = """
        root = true
        [*.cs]
        provider_audit.additional_provider_types = Host.Backend, Host.Region
        provider_audit.first_party_member = Direct
        """;

    private const string BackendFile = """
        namespace Host
        {
            public enum Backend { Direct, AmazonBedrock, VertexAI }
        }
        """;

    private const string RegionFile = """
        namespace Host
        {
            public enum Region { Direct, Aws }
        }
        """;

    private const string UsesFile = """
        namespace Host
        {
            public static class Uses
            {
                public static string ModelId(Backend backend) => backend == Backend.Direct ? "claude-sonnet-4-6" : "other";
                public static string Header(Region region) => region == Region.Direct ? "x-api-key" : "authorization";
            }
        }
        """;

    [Fact]
    public async Task Mapping_fix_all_gives_one_result_from_every_diagnostic_and_no_key()
    {
        var runs = await FixAllFromEveryStartAsync(
            MappingConfig, new ProviderMappingCodeFixProvider(), DiagnosticContract.MissingProviderMappingId,
            ("Backend.cs", BackendFile), ("Region.cs", RegionFile), ("Uses.cs", UsesFile));

        // Two enums, each started with its one key and with none, in 3 scopes, in both orders.
        Assert.Equal(2 * 2 * 3 * 2, runs.Count);
        var result = Assert.Single(runs.Where(run => run.Scope != FixAllScope.Document).Select(run => run.Result).Distinct(ResultComparer.Instance));
        Assert.Contains("internal static class BackendCapabilities", result.Single(d => d.Name == "Backend.cs").Text, StringComparison.Ordinal);
        Assert.Contains("internal static class RegionCapabilities", result.Single(d => d.Name == "Region.cs").Text, StringComparison.Ordinal);
    }

    private sealed record Run(string StartDocument, FixAllScope Scope, string? Key, IReadOnlyList<(string Name, string Text)> Result);

    /// <summary>
    /// Fix All started from every finding of <paramref name="diagnosticId"/>, with each key it offers and with none, in every
    /// scope, with the diagnostics handed over in source order and reversed; each run on a fresh copy of the program.
    /// </summary>
    private static async Task<List<Run>> FixAllFromEveryStartAsync(string editorConfig, CodeFixProvider provider, string diagnosticId, params (string Name, string Source)[] sources)
    {
        var runs = new List<Run>();
        var probe = new ConfiguredProject(editorConfig, sources);
        var findings = (await probe.AnalyzeAsync()).Where(d => d.Id == diagnosticId).ToList();
        Assert.NotEmpty(findings);
        for (var i = 0; i < findings.Count; i++)
        {
            var keys = new List<string?> { null };
            keys.AddRange((await probe.ActionsAsync(provider, findings[i])).Select(a => a.EquivalenceKey).Distinct());
            foreach (var scope in Scopes)
            {
                foreach (var key in keys)
                {
                    foreach (var reversed in new[] { false, true })
                    {
                        var project = new ConfiguredProject(editorConfig, sources);
                        var diagnostics = (await project.AnalyzeAsync()).Where(d => d.Id == diagnosticId).ToImmutableArray();
                        var start = diagnostics[i];
                        var document = project.Project.GetDocument(start.Location.SourceTree!)!;
                        var context = new FixAllContext(
                            document, provider, scope, key, [diagnosticId],
                            new FixedDiagnostics(reversed ? [.. diagnostics.Reverse()] : diagnostics), CancellationToken.None);
                        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
                        Assert.NotNull(action);
                        await project.ApplyAsync(action!);
                        var texts = new List<(string, string)>();
                        foreach (var (name, _) in sources)
                        {
                            texts.Add((name, (await project.TextAsync(name)).ReplaceLineEndings("\n")));
                        }

                        runs.Add(new Run(document.Name, scope, key, texts));
                    }
                }
            }
        }

        return runs;
    }

    private sealed class ResultComparer : IEqualityComparer<IReadOnlyList<(string Name, string Text)>>
    {
        public static ResultComparer Instance { get; } = new();

        public bool Equals(IReadOnlyList<(string Name, string Text)>? x, IReadOnlyList<(string Name, string Text)>? y) =>
            x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<(string Name, string Text)> obj) => obj.Count == 0 ? 0 : obj[0].Text.Length;
    }
}
