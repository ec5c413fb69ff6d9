using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Rules;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>Incomplete or wrong code: the fixer offers what it can and never throws.</summary>
public class RobustnessTests
{
    public static readonly TheoryData<string, bool> BrokenSnippets = new()
    {
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p == ApiProvider.FirstParty", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p == ApiProvider.FirstParty && ; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => ApiProvider.FirstParty == ; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => (p == ApiProvider.FirstParty; }", true },
        { "using ProviderAudit.Runtime; class C { void M(ApiProvider p) { switch (p) { case ApiProvider.FirstParty } } }", true },
        { "using ProviderAudit.Runtime; class C { void M(ApiProvider p) { switch (p) { case ApiProvider.FirstParty: case } } }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p is ApiProvider.FirstParty or ; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p is not { } and ApiProvider.FirstParty; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p.Equals(ApiProvider.FirstParty, ); }", true },
        { "using ProviderAudit.Runtime; class C { string M(ApiProvider p) => p switch { ApiProvider.FirstParty => , }; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(Unknown p) => p == ApiProvider.FirstParty; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => p == ApiProvider.FirstPart; }", true },
        { "using ProviderAudit.Runtime; class C { bool M(ApiProvider p) => Equals(p); }", true },
        { "namespace ProviderAudit.Runtime { enum ApiProvider { FirstParty } } class C { bool M(ProviderAudit.Runtime.ApiProvider p) => p == ProviderAudit.Runtime.ApiProvider.FirstParty; }", false },
        { "class C { bool M(ApiProvider p) => p == ApiProvider.FirstParty; }", false },
    };

    [Theory]
    [MemberData(nameof(BrokenSnippets))]
    public async Task Fixer_never_throws_on_broken_code(string source, bool withRuntime)
    {
        var document = FixRunner.CreateDocument(source, withRuntime);
        var root = (await document.GetSyntaxRootAsync())!;
        var descriptor = new FirstPartyComparisonAnalyzer().SupportedDiagnostics.First(d => d.Id == DiagnosticContract.FirstPartyComparisonId);

        // The analyzer's own diagnostics, plus one on every node and token: whatever a (future) analyzer reports, no crash.
        var diagnostics = (await FixRunner.AnalyzeAsync(document)).ToList();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticContract.ConcernProperty, DiagnosticContract.Concerns.Ambiguous);
        foreach (var span in root.DescendantNodesAndTokens().Select(n => n.Span).Distinct())
        {
            diagnostics.Add(Diagnostic.Create(descriptor, Location.Create(root.SyntaxTree, span), properties));
        }

        foreach (var diagnostic in diagnostics)
        {
            foreach (var action in await FixRunner.ActionsAsync(document, diagnostic))
            {
                await FixRunner.ApplyAsync(document, action);
            }
        }
    }
}
