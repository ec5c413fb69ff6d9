using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Loading;
using ProviderAudit.Cli.Rules;

namespace ProviderAudit.Cli.Analysis;

/// <summary>
/// The exact replacement a finding's fix would make: the code action the shipped fixer registers whose equivalence
/// key matches the inferred concern (<c>PA0001.UseModelIdFormat</c> for <c>Concern=ModelIdFormat</c>), applied to
/// the unchanged solution and diffed. When no registered action matches (an ambiguous site, or a rule without a
/// concern) every registered action is shown, in the fixer's order.
/// </summary>
internal sealed class FixPreviewer(ShippedRules rules, AuditInput input, ProgressLog log)
{
    public async Task<IReadOnlyList<ProposedFix>> PreviewAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = await RegisteredActionsAsync(rules, document, diagnostic, log, cancellationToken).ConfigureAwait(false);
        var inferredKey = InferredEquivalenceKey(diagnostic);
        var inferred = actions.Where(a => a.EquivalenceKey == inferredKey).ToList();
        var shown = inferred.Count > 0 ? inferred : actions;

        var fixes = new List<ProposedFix>();
        foreach (var action in shown)
        {
            var changes = await ChangesAsync(document.Project.Solution, action, cancellationToken).ConfigureAwait(false);
            if (changes.Count > 0)
            {
                fixes.Add(new ProposedFix(action.Title, action.EquivalenceKey, inferred.Count > 0, changes));
            }
        }

        return fixes;
    }

    /// <summary>
    /// The equivalence key of the fix for the concern the analyzer inferred: <c>{id}.Use{Concern}</c>, the convention
    /// behind <see cref="DiagnosticContract.UseModelIdFormatEquivalenceKey"/> and
    /// <see cref="DiagnosticContract.UseAuthTransportEquivalenceKey"/>.
    /// </summary>
    public static string? InferredEquivalenceKey(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern) && !string.IsNullOrEmpty(concern)
            ? EquivalenceKeyFor(diagnostic.Id, concern)
            : null;

    public static string EquivalenceKeyFor(string diagnosticId, string concern) => $"{diagnosticId}.Use{concern}";

    /// <summary>Every code action the shipped fixers register for <paramref name="diagnostic"/>, nested actions flattened.</summary>
    public static async Task<IReadOnlyList<CodeAction>> RegisteredActionsAsync(
        ShippedRules rules, Document document, Diagnostic diagnostic, ProgressLog log, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        foreach (var fixer in rules.FixersFor(diagnostic.Id))
        {
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
                log.Error($"warning: {fixer.GetType().Name} failed on {diagnostic.Id} in {document.FilePath}: {e.Message}");
            }
        }

        return actions;
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? [action] : action.NestedActions.SelectMany(Flatten);

    private async Task<IReadOnlyList<FileChange>> ChangesAsync(Solution solution, CodeAction action, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        if (operations.OfType<ApplyChangesOperation>().FirstOrDefault() is not { } apply)
        {
            return [];
        }

        var result = new List<FileChange>();
        foreach (var projectChanges in apply.ChangedSolution.GetChanges(solution).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var before = projectChanges.OldProject.GetDocument(id)!;
                var after = projectChanges.NewProject.GetDocument(id)!;
                var oldText = await before.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var changes = (await after.GetTextChangesAsync(before, cancellationToken).ConfigureAwait(false)).ToList();
                result.Add(TextChangeDescription.Describe(input.RelativePath(before.FilePath ?? before.Name), oldText, changes));
            }

            foreach (var id in projectChanges.GetAddedDocuments())
            {
                var added = projectChanges.NewProject.GetDocument(id)!;
                var text = await added.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var path = added.FilePath ?? Path.Combine(Path.GetDirectoryName(projectChanges.NewProject.FilePath) ?? input.Root, added.Name);
                result.Add(TextChangeDescription.Describe(input.RelativePath(path), SourceText.From(""), [new TextChange(new TextSpan(0, 0), text.ToString())]));
            }
        }

        return result;
    }
}
