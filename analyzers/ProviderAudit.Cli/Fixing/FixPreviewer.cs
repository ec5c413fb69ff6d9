using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Loading;
using ProviderAudit.Cli.Rules;

namespace ProviderAudit.Cli.Fixing;

/// <summary>
/// The exact replacement each finding's fix makes. For every document, the shipped fixer's Fix All runs as
/// <c>fix</c> runs it, and each change is attributed to the finding it rewrites (the nearest one); so the
/// replacements of all findings together are exactly what <c>fix</c> writes, and fixes that interact in one file
/// (two sites naming a pattern variable) are shown as they will be written. A finding whose inferred concern has a
/// registered code action (<see cref="EquivalenceKeys.Inferred"/>, e.g. <c>PA0001.UseModelIdFormat</c>) shows that
/// fix; one without (an ambiguous site) shows every registered action, each as the Fix All that gives ambiguous sites
/// its capability (<see cref="EquivalenceKeys.FixAllKey"/>) applies it, the one <c>fix</c> applies by default first.
/// </summary>
internal sealed class FixPreviewer(ShippedRules rules, AuditInput input, ProgressLog log)
{
    private readonly DocumentFixAll _fixAll = new(input, log);

    public async Task<IReadOnlyDictionary<Diagnostic, IReadOnlyList<ProposedFix>>> PreviewAsync(
        Solution solution, IReadOnlyList<AnalyzedDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Diagnostic, IReadOnlyList<ProposedFix>>();
        foreach (var group in diagnostics.Where(d => d.Diagnostic.Location.IsInSource).GroupBy(d => d.DocumentId(solution)).Where(g => g.Key is not null))
        {
            var document = solution.GetDocument(group.Key!)!;
            foreach (var fixer in rules.Fixers)
            {
                var fixable = group.Select(d => d.Diagnostic).Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToList();
                if (fixable.Count > 0)
                {
                    await PreviewAsync(fixer, document, fixable, result, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return result;
    }

    private async Task PreviewAsync(
        CodeFixProvider fixer, Document document, IReadOnlyList<Diagnostic> diagnostics, Dictionary<Diagnostic, IReadOnlyList<ProposedFix>> result, CancellationToken cancellationToken)
    {
        var defaultKey = await _fixAll.StartingKeyAsync(fixer, document, diagnostics, d => EquivalenceKeys.Preferred(d, AmbiguousPolicy.ModelId.StartingConcern()), cancellationToken).ConfigureAwait(false);
        if (defaultKey is null)
        {
            return;
        }

        var runs = new Dictionary<string, IReadOnlyDictionary<Diagnostic, IReadOnlyList<FileChange>>>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var actions = await _fixAll.RegisteredActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
            var inferredKey = EquivalenceKeys.Inferred(diagnostic);
            var inferred = actions.FirstOrDefault(a => a.EquivalenceKey == inferredKey);

            // An inferred site is rewritten to its concern whatever key Fix All starts from: show it from the run `fix` does.
            var shown = inferred is not null
                ? [(Action: inferred, RunKey: defaultKey.Value.EquivalenceKey)]
                : actions.OrderBy(a => a.EquivalenceKey == defaultKey.Value.EquivalenceKey ? 0 : 1).Select(a => (Action: a, RunKey: EquivalenceKeys.FixAllKey(a.EquivalenceKey))).ToList();

            var fixes = new List<ProposedFix>();
            foreach (var (action, runKey) in shown)
            {
                var run = runKey ?? "";
                if (!runs.TryGetValue(run, out var shares))
                {
                    var edits = await _fixAll.RunAsync(fixer, document, diagnostics, runKey, cancellationToken).ConfigureAwait(false);
                    runs[run] = shares = Attribute(document, diagnostics, edits ?? []);
                }

                if (shares.TryGetValue(diagnostic, out var changes) && changes.Count > 0)
                {
                    fixes.Add(new ProposedFix(action.Title, action.EquivalenceKey, inferred is not null, changes));
                }
            }

            result[diagnostic] = fixes;
        }
    }

    /// <summary>
    /// Gives each change of a Fix All to the finding nearest to it in the same file (the earlier one on a tie); a change
    /// in another file goes to the document's first finding. A <c>using</c> directive the fixes add goes to every
    /// finding whose rewrite needs it (its <see cref="DiagnosticContract.ImportNamespaceProperty"/>), so each finding's
    /// fix is complete on its own; such a change is marked shared, and is the same replacement in each of them.
    /// </summary>
    private IReadOnlyDictionary<Diagnostic, IReadOnlyList<FileChange>> Attribute(Document document, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<FileEdits> edits)
    {
        var ordered = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        var byDiagnostic = new Dictionary<Diagnostic, List<(FileEdits File, TextChange Change)>>();
        var owners = new Dictionary<(FileEdits, TextChange), int>();
        void Give(Diagnostic owner, FileEdits edit, TextChange change)
        {
            if (!byDiagnostic.TryGetValue(owner, out var list))
            {
                byDiagnostic[owner] = list = [];
            }

            if (!list.Contains((edit, change)))
            {
                list.Add((edit, change));
                owners[(edit, change)] = owners.GetValueOrDefault((edit, change)) + 1;
            }
        }

        foreach (var edit in edits)
        {
            foreach (var change in edit.Changes)
            {
                var owner = edit.Path == document.FilePath
                    ? ordered.MinBy(d => Distance(d.Location.SourceSpan, change.Span))!
                    : ordered[0];
                Give(owner, edit, change);
            }
        }

        foreach (var diagnostic in ordered)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticContract.ImportNamespaceProperty, out var imported) && !string.IsNullOrEmpty(imported))
            {
                foreach (var edit in edits.Where(e => e.Path == document.FilePath))
                {
                    foreach (var change in edit.Changes.Where(c => UsingDirective.Adds(c.NewText, imported)))
                    {
                        Give(diagnostic, edit, change);
                    }
                }
            }
        }

        return byDiagnostic.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<FileChange>)pair.Value
                .GroupBy(x => x.File)
                .SelectMany(file => Regions(file.Select(x => x.Change), file.Key.Before)
                    .Select(region => TextChangeDescription.Describe(input.RelativePath(file.Key.Path), file.Key.Before, region) with
                    {
                        Shared = region.All(c => owners[(file.Key, c)] > 1),
                    }))
                .ToList());
    }

    /// <summary>Changes split into groups of adjacent lines, so a <c>using</c> at the top is not one region with a check far below.</summary>
    private static IEnumerable<IReadOnlyList<TextChange>> Regions(IEnumerable<TextChange> changes, SourceText text)
    {
        var group = new List<TextChange>();
        var lastLine = -1;
        foreach (var change in changes.OrderBy(c => c.Span.Start))
        {
            var first = text.Lines.GetLineFromPosition(change.Span.Start).LineNumber;
            if (group.Count > 0 && first > lastLine + 1)
            {
                yield return group;
                group = [];
            }

            group.Add(change);
            lastLine = Math.Max(lastLine, text.Lines.GetLineFromPosition(change.Span.End).LineNumber);
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static int Distance(TextSpan a, TextSpan b) =>
        a.End < b.Start ? b.Start - a.End : b.End < a.Start ? a.Start - b.End : 0;
}
