using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Cli.Loading;

namespace ProviderAudit.Cli.Fixing;

/// <summary>The text one Fix All changes in one file, against the unchanged solution (a new file has an empty "before").</summary>
internal sealed record FileEdits(string Path, SourceText Before, IReadOnlyList<TextChange> Changes, ProjectId Project, bool Added);

/// <summary>
/// One fixer's Fix All over one document's findings, through the fixer's own <see cref="FixAllProvider"/> (document
/// scope), the way <c>dotnet format</c> and the IDE run it: started from a code action's equivalence key.
/// </summary>
internal sealed class DocumentFixAll(AuditInput input, ProgressLog log)
{
    /// <summary>
    /// The equivalence key Fix All starts from: <paramref name="preferredKey"/> when the fixer offers it for the first
    /// site that has a fix, else the first fix it offers there (what <c>dotnet format</c> starts from); null when no
    /// site has a fix.
    /// </summary>
    public async Task<StartingKey?> StartingKeyAsync(
        CodeFixProvider fixer, Document document, IReadOnlyList<Diagnostic> diagnostics, Func<Diagnostic, string?> preferredKey, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            var actions = await RegisteredActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (actions.Count > 0)
            {
                var preferred = preferredKey(diagnostic);
                return new StartingKey(actions.Any(a => a.EquivalenceKey == preferred) ? preferred : actions[0].EquivalenceKey);
            }
        }

        return null;
    }

    /// <summary>The code actions <paramref name="fixer"/> registers for one diagnostic, nested actions flattened.</summary>
    public async Task<IReadOnlyList<CodeAction>> RegisteredActionsAsync(
        CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) =>
        {
            lock (actions)
            {
                actions.AddRange(Flatten(action));
            }
        }, cancellationToken);
        try
        {
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Error($"warning: {fixer.GetType().Name} failed on {diagnostic.Id} in {input.RelativePath(document.FilePath ?? document.Name)}: {e.Message}");
        }

        return actions;
    }

    /// <summary>Runs Fix All from <paramref name="key"/>; null when the fixer has no document-scope Fix All or it offers nothing.</summary>
    public async Task<IReadOnlyList<FileEdits>?> RunAsync(
        CodeFixProvider fixer, Document document, IReadOnlyList<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
    {
        var fixAll = fixer.GetFixAllProvider();
        if (fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
        {
            log.Error($"warning: {fixer.GetType().Name} has no document-scope Fix All; {diagnostics.Count} finding(s) in {input.RelativePath(document.FilePath ?? document.Name)} left unfixed");
            return null;
        }

        try
        {
            var context = new FixAllContext(
                document, fixer, FixAllScope.Document, key!, diagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal),
                new KnownDiagnostics(diagnostics), cancellationToken);
            var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
            if (action is null)
            {
                return null;
            }

            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            return operations.OfType<ApplyChangesOperation>().FirstOrDefault() is { } apply
                ? await EditsAsync(document.Project.Solution, apply.ChangedSolution, cancellationToken).ConfigureAwait(false)
                : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Error($"warning: {fixer.GetType().Name} failed in {input.RelativePath(document.FilePath ?? document.Name)}: {e.Message}");
            return null;
        }
    }

    private async Task<IReadOnlyList<FileEdits>> EditsAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var edits = new List<FileEdits>();
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var before = projectChanges.OldProject.GetDocument(id)!;
                var after = projectChanges.NewProject.GetDocument(id)!;
                var changes = await after.GetTextChangesAsync(before, cancellationToken).ConfigureAwait(false);
                edits.Add(new FileEdits(before.FilePath ?? before.Name, await before.GetTextAsync(cancellationToken).ConfigureAwait(false), changes.ToList(), projectChanges.ProjectId, Added: false));
            }

            foreach (var id in projectChanges.GetAddedDocuments())
            {
                var added = projectChanges.NewProject.GetDocument(id)!;
                var path = added.FilePath ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(projectChanges.NewProject.FilePath) ?? input.Root, added.Name);
                var text = await added.GetTextAsync(cancellationToken).ConfigureAwait(false);
                edits.Add(new FileEdits(path, SourceText.From("", text.Encoding), [new TextChange(new TextSpan(0, 0), text.ToString())], projectChanges.ProjectId, Added: true));
            }
        }

        return edits;
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? [action] : action.NestedActions.SelectMany(Flatten);

    /// <summary>The code action Fix All starts from (its key may be null: Fix All supports that).</summary>
    public readonly record struct StartingKey(string? EquivalenceKey);

    /// <summary>The diagnostics Fix All is asked to fix: exactly the findings of the document it runs on.</summary>
    private sealed class KnownDiagnostics(IReadOnlyList<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
