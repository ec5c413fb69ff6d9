using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Loading;
using ProviderAudit.Cli.Rules;

namespace ProviderAudit.Cli.Fixing;

/// <summary>
/// Applies the shipped fixes: for each document, each fixer's Fix All (document scope, through its
/// <see cref="FixAllProvider"/>) over that document's findings, all computed against the unchanged solution and then
/// merged (as a solution-wide Fix All does). A file whose fixed version has compiler errors its original did not
/// have is left out and reported with those errors.
/// </summary>
internal sealed class SolutionFixer(ShippedRules rules, AuditInput input, AmbiguousPolicy policy, ProgressLog log)
{
    private readonly DocumentFixAll _fixAll = new(input, log);

    public async Task<FixOutcome> FixAsync(Solution solution, IReadOnlyList<AnalyzedDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, PendingFile>(StringComparer.Ordinal);
        var unfixed = 0;
        var byDocument = diagnostics
            .Where(d => d.Diagnostic.Location.IsInSource && (policy != AmbiguousPolicy.Skip || !IsAmbiguous(d.Diagnostic)))
            .GroupBy(d => d.DocumentId(solution))
            .Where(g => g.Key is not null);

        foreach (var group in byDocument)
        {
            var document = solution.GetDocument(group.Key!)!;
            foreach (var fixer in rules.Fixers)
            {
                var fixable = group.Select(d => d.Diagnostic).Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToList();
                if (fixable.Count == 0)
                {
                    continue;
                }

                var edits = await FixAllInDocumentAsync(fixer, document, fixable, cancellationToken).ConfigureAwait(false);
                if (edits is null || !Merge(edits, merged, fixable.Count))
                {
                    unfixed += fixable.Count;
                }
            }
        }

        return await CheckAndCollectAsync(solution, merged, unfixed, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsAmbiguous(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern) && concern == DiagnosticContract.Concerns.Ambiguous;

    private async Task<IReadOnlyList<FileEdits>?> FixAllInDocumentAsync(CodeFixProvider fixer, Document document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var key = await _fixAll.StartingKeyAsync(fixer, document, diagnostics, d => PreferredKey(d, policy), cancellationToken).ConfigureAwait(false);
        return key is null ? null : await _fixAll.RunAsync(fixer, document, diagnostics, key.Value.EquivalenceKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The key of the fix for <c>--ambiguous</c>'s concern (e.g. <c>PA0001.UseModelIdFormat</c>).</summary>
    public static string PreferredKey(Diagnostic diagnostic, AmbiguousPolicy policy) =>
        FixPreviewer.EquivalenceKeyFor(diagnostic.Id, policy.StartingConcern());

    /// <summary>Adds one fix's changes to the pending ones; false (and nothing added) when they overlap different edits.</summary>
    private bool Merge(IReadOnlyList<FileEdits> edits, Dictionary<string, PendingFile> merged, int findings)
    {
        foreach (var edit in edits)
        {
            if (merged.TryGetValue(edit.Path, out var pending) && !pending.CanTake(edit.Changes))
            {
                log.Error($"warning: fixes overlap in {input.RelativePath(edit.Path)}; {findings} finding(s) left for the next run");
                return false;
            }
        }

        foreach (var edit in edits)
        {
            if (!merged.TryGetValue(edit.Path, out var pending))
            {
                merged[edit.Path] = pending = new PendingFile(edit.Path, edit.Before, edit.Project, edit.Added);
            }

            pending.Take(edit.Changes, findings);
        }

        return edits.Count > 0;
    }

    private async Task<FixOutcome> CheckAndCollectAsync(Solution original, Dictionary<string, PendingFile> merged, int unfixed, CancellationToken cancellationToken)
    {
        var fixedSolution = original;
        foreach (var pending in merged.Values)
        {
            var after = pending.After();
            if (pending.Added)
            {
                var project = fixedSolution.GetProject(pending.Project)!;
                fixedSolution = project.AddDocument(Path.GetFileName(pending.Path), after, filePath: pending.Path).Project.Solution;
            }
            else
            {
                foreach (var id in original.GetDocumentIdsWithFilePath(pending.Path))
                {
                    fixedSolution = fixedSolution.WithDocumentText(id, after, PreservationMode.PreserveIdentity);
                }
            }
        }

        var accepted = new List<FixedFile>();
        var rejected = new List<RejectedFile>();
        foreach (var pending in merged.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var file = input.RelativePath(pending.Path);
            var errors = await NewErrorsAsync(original, fixedSolution, pending.Path, file, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedFile(file, pending.Findings, errors));
            }
            else
            {
                accepted.Add(new FixedFile(file, pending.Path, pending.Before, pending.After(), pending.Changes, pending.Findings));
            }
        }

        return new FixOutcome(accepted, rejected, unfixed);
    }

    /// <summary>Compiler errors in the fixed file (in every project that compiles it) that the original did not have.</summary>
    private static async Task<IReadOnlyList<string>> NewErrorsAsync(Solution original, Solution fixedSolution, string path, string file, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        foreach (var id in fixedSolution.GetDocumentIdsWithFilePath(path))
        {
            var before = original.GetDocument(id) is { } document ? await ErrorsAsync(document, cancellationToken).ConfigureAwait(false) : [];
            var remaining = before.Select(e => (e.Id, Message: e.GetMessage(CultureInfo.InvariantCulture))).ToList();
            foreach (var error in await ErrorsAsync(fixedSolution.GetDocument(id)!, cancellationToken).ConfigureAwait(false))
            {
                var message = error.GetMessage(CultureInfo.InvariantCulture);
                if (!remaining.Remove((error.Id, message)))
                {
                    var position = error.Location.GetLineSpan().StartLinePosition;
                    added.Add($"{file}({position.Line + 1},{position.Character + 1}): error {error.Id}: {message}");
                }
            }
        }

        return added.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? [] : model.GetDiagnostics(cancellationToken: cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>The changes collected for one file so far.</summary>
    private sealed class PendingFile(string path, SourceText before, ProjectId project, bool added)
    {
        private readonly List<TextChange> _changes = [];

        public string Path { get; } = path;

        public SourceText Before { get; } = before;

        public ProjectId Project { get; } = project;

        public bool Added { get; } = added;

        public int Findings { get; private set; }

        public IReadOnlyList<TextChange> Changes => _changes;

        public bool CanTake(IReadOnlyList<TextChange> changes) =>
            changes.All(c => _changes.All(existing => existing.Equals(c) || !Overlap(existing.Span, c.Span)));

        public void Take(IReadOnlyList<TextChange> changes, int findings)
        {
            foreach (var change in changes.Where(c => !_changes.Contains(c)))
            {
                _changes.Add(change);
            }

            _changes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            Findings += findings;
        }

        public SourceText After() => Before.WithChanges(_changes);

        // Two insertions at the same point, or an edit touching another, cannot be ordered safely.
        private static bool Overlap(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End || a.Start == b.Start;
    }
}
