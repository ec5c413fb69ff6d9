using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Mutation;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Drives the analyzer and the code fix provider directly (no test framework), for what the framework does not
/// expose: the offered actions and their order, synthetic diagnostics on broken code, and fixed source to compile.
/// </summary>
internal static class FixRunner
{
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    public static Document CreateDocument(string source, bool withRuntime = true)
    {
        var workspace = new AdhocWorkspace();
        var references = withRuntime ? TestReferences.All : TestReferences.All.Remove(TestReferences.All[^1]);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Subject", "Subject", LanguageNames.CSharp,
            compilationOptions: CompilationOptions,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        return workspace.AddDocument(project.Id, "Subject.cs", SourceText.From(source));
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(MutationChecker.Analyzers)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    public static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new FirstPartyComparisonCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    public static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    /// <summary>
    /// Applies the fix identified by <paramref name="equivalenceKey"/> to one diagnostic at a time, as a person picking
    /// that fix at every site would, until no fixable diagnostic is left.
    /// </summary>
    public static async Task<string> FixEachAsync(string source, string equivalenceKey)
    {
        for (var round = 0; round < 100; round++)
        {
            var document = CreateDocument(source);
            CodeAction? chosen = null;
            foreach (var diagnostic in await AnalyzeAsync(document))
            {
                chosen = (await ActionsAsync(document, diagnostic)).FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
                if (chosen != null)
                {
                    break;
                }
            }

            if (chosen is null)
            {
                return source;
            }

            source = await ApplyAsync(document, chosen);
        }

        throw new InvalidOperationException("Fixes did not converge after 100 rounds.");
    }

    /// <summary>
    /// Fix All in the document, started from the fix identified by <paramref name="equivalenceKey"/>; null starts it the way
    /// `dotnet format` does from a diagnostic that offers no fix.
    /// </summary>
    public static async Task<string> FixAllAsync(string source, string? equivalenceKey)
    {
        var document = CreateDocument(source);
        var diagnostics = await AnalyzeAsync(document);
        var provider = new FirstPartyComparisonCodeFixProvider();
        var context = new FixAllContext(
            document, provider, FixAllScope.Document, equivalenceKey, provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context);
        return action is null ? source : await ApplyAsync(document, action);
    }
}
