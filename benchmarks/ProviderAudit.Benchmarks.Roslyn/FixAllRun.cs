using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>One Fix All over a whole solution, started the way dotnet format starts it.</summary>
internal static class FixAllRun
{
    /// <summary>What one Fix All changed.</summary>
    public sealed record Outcome(TimeSpan Elapsed, int ChangedDocuments, Solution Changed);

    /// <summary>
    /// Registers the fixes of the first diagnostic, takes the first action's equivalence key, asks the fixer's
    /// FixAllProvider for a solution-wide fix, and computes every changed document's text.
    /// </summary>
    public static async Task<Outcome> RunAsync(Project project, CodeFixProvider fixer, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var solution = project.Solution;
        var clock = Stopwatch.StartNew();
        var first = diagnostics[0];
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(solution.GetDocument(first.Location.SourceTree)!, first, (action, _) => actions.Add(action), cancellationToken);
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        if (actions.Count == 0)
        {
            throw new InvalidOperationException($"{fixer.GetType().Name} offered no fix for {first.Id} at {first.Location.GetLineSpan()}.");
        }

        var fixAll = fixer.GetFixAllProvider() ?? throw new InvalidOperationException($"{fixer.GetType().Name} has no FixAllProvider.");
        var fixAllContext = new FixAllContext(
            project,
            fixer,
            FixAllScope.Solution,
            actions[0].EquivalenceKey,
            [first.Id],
            new KnownDiagnostics(solution, diagnostics),
            cancellationToken);
        var fix = await fixAll.GetFixAsync(fixAllContext).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{fixer.GetType().Name}'s Fix All returned no fix.");
        var operations = await fix.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var changedDocuments = 0;
        foreach (var projectChanges in changed.GetChanges(solution).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                await changed.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                changedDocuments++;
            }
        }

        return new Outcome(clock.Elapsed, changedDocuments, changed);
    }

    /// <summary>Hands Fix All the diagnostics the analysis phase found, as dotnet format does.</summary>
    private sealed class KnownDiagnostics(Solution solution, ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        private readonly ILookup<DocumentId?, Diagnostic> _byDocument = diagnostics.ToLookup(d => solution.GetDocumentId(d.Location.SourceTree));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_byDocument[document.Id]);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
