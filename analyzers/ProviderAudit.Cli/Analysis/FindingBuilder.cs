using System.Globalization;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Loading;

namespace ProviderAudit.Cli.Analysis;

/// <summary>Turns analyzer diagnostics into <see cref="Finding"/>s: paths, identities and, when given, their fixes.</summary>
internal sealed class FindingBuilder(LoadedSolution loaded, IReadOnlyDictionary<Diagnostic, IReadOnlyList<ProposedFix>>? fixes)
{
    public async Task<IReadOnlyList<Finding>> BuildAsync(IReadOnlyList<AnalyzedDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var mappable = MappableProviderTypes(diagnostics);
        var drafts = new List<Finding>();
        foreach (var analyzed in diagnostics)
        {
            var finding = await BuildAsync(analyzed, cancellationToken).ConfigureAwait(false);
            drafts.Add(WaitsForMapping(analyzed.Diagnostic, mappable) ? finding with { FixableAfter = DiagnosticContract.MissingProviderMappingId } : finding);
        }

        // Identical checks in one member are told apart by their order (a partial type's member lives in one file).
        return drafts
            .GroupBy(f => f.Identity.Fingerprint, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).Select((f, i) => f with { Identity = f.Identity with { Occurrence = i + 1 } }))
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Provider enums that a PA0003 finding (whose fix adds the capability mapping) is reported for.</summary>
    private static HashSet<string> MappableProviderTypes(IEnumerable<AnalyzedDiagnostic> diagnostics) =>
        diagnostics.Select(d => d.Diagnostic)
            .Where(d => d.Id == DiagnosticContract.MissingProviderMappingId)
            .Select(d => d.Properties.TryGetValue(DiagnosticContract.ProviderTypeProperty, out var type) ? type : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>A finding with no fix only because its enum has no capability mapping, which a PA0003 fix will add.</summary>
    public static bool WaitsForMapping(Diagnostic diagnostic, IReadOnlySet<string> mappableTypes) =>
        diagnostic.Properties.TryGetValue(DiagnosticContract.NoFixReasonProperty, out var reason)
        && reason == DiagnosticContract.NoFixReasons.NoCapabilityMethods
        && diagnostic.Properties.TryGetValue(DiagnosticContract.ProviderTypeProperty, out var type)
        && type is not null
        && mappableTypes.Contains(type);

    private async Task<Finding> BuildAsync(AnalyzedDiagnostic analyzed, CancellationToken cancellationToken)
    {
        var diagnostic = analyzed.Diagnostic;
        var project = loaded.Solution.GetProject(analyzed.ProjectId)!;
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern);

        if (diagnostic.Location.SourceTree is not { } tree)
        {
            // No source location (PA0002 is about .editorconfig): the project file stands for the place to fix.
            var projectFile = loaded.Input.RelativePath(project.FilePath ?? project.Name);
            return new Finding(
                diagnostic.Id, diagnostic.Severity, message, concern, projectFile, project.FilePath ?? "", 0, 0, 0, 0, project.Name,
                new FindingIdentity(diagnostic.Id, projectFile, "", message, FindingIdentities.Fingerprint(diagnostic.Id, "", message), 1, ""),
                []);
        }

        // A tree without a document is a source generator's output: still reported, by its generated path.
        var model = project.GetDocument(tree) is { } document
            ? await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false)
            : (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))?.GetSemanticModel(tree);
        var file = loaded.Input.RelativePath(tree.FilePath);
        var span = diagnostic.Location.GetLineSpan();
        var (member, expression, context) = model is null ? ("", "", "") : await FindingIdentities.DescribeAsync(model, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        return new Finding(
            diagnostic.Id, diagnostic.Severity, message, concern, file, tree.FilePath,
            span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1,
            project.Name,
            new FindingIdentity(diagnostic.Id, file, member, expression, FindingIdentities.Fingerprint(diagnostic.Id, member, expression), 1, context),
            fixes is not null && fixes.TryGetValue(diagnostic, out var proposed) ? proposed : []);
    }
}
