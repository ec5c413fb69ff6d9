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
/// merged (as a solution-wide Fix All does). When that adds a PA0003 capability mapping, the findings that were
/// waiting for it are analyzed again on the mapped code and fixed in a second round, so one run does both. A file
/// whose fixed version has compiler errors its original did not have is left out and reported with those errors.
/// </summary>
internal sealed class SolutionFixer(ShippedRules rules, AuditInput input, AmbiguousPolicy policy, ProgressLog log)
{
    private readonly DocumentFixAll _fixAll = new(input, log);

    /// <param name="reanalyze">Runs the analyzers again on some projects of a changed solution (the second round).</param>
    public async Task<FixOutcome> FixAsync(
        Solution solution,
        IReadOnlyList<AnalyzedDiagnostic> diagnostics,
        Func<Solution, IReadOnlyList<ProjectId>, CancellationToken, Task<IReadOnlyList<AnalyzedDiagnostic>>> reanalyze,
        CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (merged, unfixed) = await RoundAsync(solution, diagnostics, cancellationToken).ConfigureAwait(false);
        log.Info(string.Create(CultureInfo.InvariantCulture, $"  fixes computed in {clock.Elapsed.TotalSeconds:0.00} s"));

        var mappable = diagnostics.Select(d => d.Diagnostic)
            .Where(d => d.Id == DiagnosticContract.MissingProviderMappingId && d.Properties.ContainsKey(DiagnosticContract.ProviderTypeProperty))
            .Select(d => d.Properties[DiagnosticContract.ProviderTypeProperty]!)
            .ToHashSet(StringComparer.Ordinal);
        var waiting = diagnostics.Where(d => FindingBuilder.WaitsForMapping(d.Diagnostic, mappable)).ToList();
        var mappingAdded = merged.Values.Any(p => p.ByRule.Contains(DiagnosticContract.MissingProviderMappingId));
        if (waiting.Count == 0 || !mappingAdded)
        {
            return await CheckAndCollectAsync(solution, merged.Values.Select(p => p.Final(p.Before)).ToList(), unfixed, cancellationToken).ConfigureAwait(false);
        }

        // Second round on the mapped code: the findings that waited for the mapping now have fixes.
        var mapped = WithTexts(solution, merged.Values.Select(p => (p.Path, p.After(), p.Project, p.Added)));
        var again = await reanalyze(mapped, waiting.Select(d => d.ProjectId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        var enabled = again.Where(d => d.Diagnostic.Properties.TryGetValue(DiagnosticContract.NoFixProperty, out var noFix) && noFix == "false").ToList();
        log.Info($"capability mapping added: fixing {enabled.Count} finding(s) it made fixable");
        var (second, _) = await RoundAsync(mapped, enabled, cancellationToken).ConfigureAwait(false);

        var files = new List<PendingFile.Result>();
        foreach (var path in merged.Keys.Union(second.Keys).Order(StringComparer.Ordinal))
        {
            var first = merged.GetValueOrDefault(path);
            var next = second.GetValueOrDefault(path);
            var original = first?.Before ?? next!.Before;
            var final = next?.After() ?? first!.After();
            files.Add(new PendingFile.Result(path, original, final, first?.Project ?? next!.Project, first?.Added ?? false, (first?.Findings ?? 0) + (next?.Findings ?? 0)));
        }

        return await CheckAndCollectAsync(solution, files, Math.Max(0, unfixed - enabled.Count), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One round: every fixer's Fix All per document against <paramref name="solution"/>, merged per file.</summary>
    private async Task<(Dictionary<string, PendingFile> Merged, int Unfixed)> RoundAsync(Solution solution, IReadOnlyList<AnalyzedDiagnostic> diagnostics, CancellationToken cancellationToken)
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
                if (edits is null || !Merge(edits, merged, fixable.Count, fixable.Select(d => d.Id)))
                {
                    unfixed += fixable.Count;
                }
            }
        }

        return (merged, unfixed);
    }

    private static Solution WithTexts(Solution solution, IEnumerable<(string Path, SourceText Text, ProjectId Project, bool Added)> files)
    {
        foreach (var (path, text, project, added) in files)
        {
            if (added)
            {
                solution = solution.GetProject(project)!.AddDocument(Path.GetFileName(path), text, filePath: path).Project.Solution;
                continue;
            }

            foreach (var id in solution.GetDocumentIdsWithFilePath(path))
            {
                solution = solution.WithDocumentText(id, text, PreservationMode.PreserveIdentity);
            }
        }

        return solution;
    }

    private static bool IsAmbiguous(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern) && concern == DiagnosticContract.Concerns.Ambiguous;

    private async Task<IReadOnlyList<FileEdits>?> FixAllInDocumentAsync(CodeFixProvider fixer, Document document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var key = await _fixAll.StartingKeyAsync(fixer, document, diagnostics, d => EquivalenceKeys.Preferred(d, policy.StartingConcern()), cancellationToken).ConfigureAwait(false);
        return key is null ? null : await _fixAll.RunAsync(fixer, document, diagnostics, EquivalenceKeys.FixAllKey(key.Value.EquivalenceKey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds one fix's changes to the pending ones; false (and nothing added) when they overlap different edits.</summary>
    private bool Merge(IReadOnlyList<FileEdits> edits, Dictionary<string, PendingFile> merged, int findings, IEnumerable<string> ruleIds)
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

            pending.Take(edit.Changes, findings, ruleIds);
        }

        return edits.Count > 0;
    }

    private async Task<FixOutcome> CheckAndCollectAsync(Solution original, IReadOnlyList<PendingFile.Result> files, int unfixed, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await CheckAndCollectCoreAsync(original, files, unfixed, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            log.Info(string.Create(CultureInfo.InvariantCulture, $"  fixed files compiled and checked in {clock.Elapsed.TotalSeconds:0.00} s"));
        }
    }

    private async Task<FixOutcome> CheckAndCollectCoreAsync(Solution original, IReadOnlyList<PendingFile.Result> files, int unfixed, CancellationToken cancellationToken)
    {
        var fixedSolution = WithTexts(original, files.Select(f => (f.Path, f.After, f.Project, f.Added)));

        var accepted = new List<FixedFile>();
        var rejected = new List<RejectedFile>();
        foreach (var pending in files.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var file = input.RelativePath(pending.Path);
            var changes = Changes(pending.Before, pending.After);
            var errors = await NewErrorsAsync(original, fixedSolution, pending.Path, file, changes, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedFile(file, pending.Findings, errors));
            }
            else
            {
                accepted.Add(new FixedFile(file, pending.Path, pending.Before, pending.After, changes, pending.Findings));
            }
        }

        return new FixOutcome(accepted, rejected, unfixed);
    }

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/> (one round or two), sorted, not overlapping.</summary>
    private static IReadOnlyList<TextChange> Changes(SourceText before, SourceText after) =>
        after.GetTextChanges(before).OrderBy(c => c.Span.Start).ToList();

    /// <summary>
    /// Compiler errors in the fixed file (in every project that compiles it) that the original did not have. Only the
    /// members the fixes changed are compared (a fix cannot change what another member's body means), unless a change
    /// is outside any member (a using directive, which can), when the whole file is.
    /// </summary>
    private static async Task<IReadOnlyList<string>> NewErrorsAsync(
        Solution original, Solution fixedSolution, string path, string file, IReadOnlyList<TextChange> changes, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        foreach (var id in fixedSolution.GetDocumentIdsWithFilePath(path))
        {
            var fixedDocument = fixedSolution.GetDocument(id)!;
            var originalDocument = original.GetDocument(id);
            var (oldSpans, newSpans) = originalDocument is null
                ? (null, null)
                : await ChangedMembersAsync(originalDocument, fixedDocument, changes, cancellationToken).ConfigureAwait(false);
            var before = originalDocument is null ? [] : await ErrorsAsync(originalDocument, oldSpans, cancellationToken).ConfigureAwait(false);
            var remaining = before.Select(e => (e.Id, Message: e.GetMessage(CultureInfo.InvariantCulture))).ToList();
            foreach (var error in await ErrorsAsync(fixedDocument, newSpans, cancellationToken).ConfigureAwait(false))
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

    /// <summary>The spans of the members the changes touch, before and after; (null, null) when one is outside a member.</summary>
    private static async Task<(IReadOnlyList<TextSpan>? Old, IReadOnlyList<TextSpan>? New)> ChangedMembersAsync(
        Document before, Document after, IReadOnlyList<TextChange> changes, CancellationToken cancellationToken)
    {
        var oldRoot = await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (oldRoot is null || newRoot is null)
        {
            return (null, null);
        }

        var oldSpans = new List<TextSpan>();
        var newSpans = new List<TextSpan>();
        var delta = 0;
        foreach (var change in changes.OrderBy(c => c.Span.Start))
        {
            var newSpan = new TextSpan(change.Span.Start + delta, change.NewText?.Length ?? 0);
            delta += (change.NewText?.Length ?? 0) - change.Span.Length;
            if (Member(oldRoot, change.Span) is not { } oldMember || Member(newRoot, newSpan) is not { } newMember)
            {
                return (null, null);
            }

            oldSpans.Add(oldMember);
            newSpans.Add(newMember);
        }

        return (oldSpans.Distinct().ToList(), newSpans.Distinct().ToList());
    }

    private static TextSpan? Member(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>().FirstOrDefault()
            is (Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.BasePropertyDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.BaseFieldDeclarationSyntax) and var member
            && member.Span.Contains(span)
            ? member.Span
            : null;

    /// <summary>Compiler errors of <paramref name="document"/>, within <paramref name="spans"/> when given.</summary>
    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Document document, IReadOnlyList<TextSpan>? spans, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return [];
        }

        var diagnostics = spans is null
            ? model.GetDiagnostics(cancellationToken: cancellationToken)
            : spans.SelectMany(span => model.GetDiagnostics(span, cancellationToken)).Distinct();
        return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>The changes collected for one file so far in one round, against the text the round started from.</summary>
    private sealed class PendingFile(string path, SourceText before, ProjectId project, bool added)
    {
        private readonly List<TextChange> _changes = [];

        public string Path { get; } = path;

        public SourceText Before { get; } = before;

        public ProjectId Project { get; } = project;

        public bool Added { get; } = added;

        public int Findings { get; private set; }

        /// <summary>The rules whose fixes changed the file (PA0003's adds a mapping).</summary>
        public HashSet<string> ByRule { get; } = new(StringComparer.Ordinal);

        public bool CanTake(IReadOnlyList<TextChange> changes) =>
            changes.All(c => _changes.All(existing => existing.Equals(c) || !Overlap(existing.Span, c.Span)));

        public void Take(IReadOnlyList<TextChange> changes, int findings, IEnumerable<string> ruleIds)
        {
            foreach (var change in changes.Where(c => !_changes.Contains(c)))
            {
                _changes.Add(change);
            }

            _changes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            Findings += findings;
            ByRule.UnionWith(ruleIds);
        }

        public SourceText After() => Before.WithChanges(_changes);

        public Result Final(SourceText original) => new(Path, original, After(), Project, Added, Findings);

        // Two insertions at the same point, or an edit touching another, cannot be ordered safely.
        private static bool Overlap(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End || a.Start == b.Start;

        /// <summary>A file as all rounds leave it: its original text and its final one.</summary>
        public sealed record Result(string Path, SourceText Before, SourceText After, ProjectId Project, bool Added, int Findings);
    }
}
