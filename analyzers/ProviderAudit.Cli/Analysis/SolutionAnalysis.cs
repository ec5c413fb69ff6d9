using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ProviderAudit.Analyzers;
using ProviderAudit.Cli.Loading;
using ProviderAudit.Cli.Rules;

namespace ProviderAudit.Cli.Analysis;

/// <summary>One diagnostic of the shipped analyzers and the project (target framework) it was first reported in.</summary>
internal sealed record AnalyzedDiagnostic(Diagnostic Diagnostic, ProjectId ProjectId)
{
    public DocumentId? DocumentId(Solution solution) =>
        Diagnostic.Location.SourceTree is { } tree ? solution.GetProject(ProjectId)?.GetDocument(tree)?.Id : null;
}

/// <summary>
/// Runs the shipped analyzers (and only them) over each project, with the project's own options: .editorconfig
/// severities and <c>provider_audit.*</c> keys, <c>#pragma</c> and <c>[SuppressMessage]</c>. The project's own analyzer
/// references are not run, so a project that already references the ProviderAudit analyzer is not reported twice.
/// </summary>
internal sealed class SolutionAnalysis(ShippedRules rules, DiagnosticSeverity minimumSeverity, ProgressLog log)
{
    public async Task<IReadOnlyList<AnalyzedDiagnostic>> RunAsync(LoadedSolution loaded, CancellationToken cancellationToken)
    {
        var found = new List<AnalyzedDiagnostic>();
        var seen = new HashSet<(string Id, string? Path, int Start, int Length, string Message)>();
        for (var i = 0; i < loaded.Projects.Count; i++)
        {
            var project = loaded.Solution.GetProject(loaded.Projects[i])!;
            if (loaded.Projects.Count > 1)
            {
                log.Info($"analyzing project {i + 1}/{loaded.Projects.Count}: {project.Name} ({found.Count} findings so far)");
            }

            foreach (var diagnostic in await AnalyzeAsync(project, cancellationToken).ConfigureAwait(false))
            {
                // A multi-targeted project is one project per framework: report a site once.
                var key = (diagnostic.Id, diagnostic.Location.SourceTree?.FilePath ?? project.FilePath, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                if (seen.Add(key))
                {
                    found.Add(new AnalyzedDiagnostic(diagnostic, project.Id));
                }
            }
        }

        if (loaded.Projects.Count > 1)
        {
            log.Info($"analyzed {loaded.Projects.Count} projects: {found.Count} findings");
        }

        return found;
    }

    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Parsed in parallel first: the compilation then takes the documents' trees as they are.
        await Parallel.ForEachAsync(project.Documents, cancellationToken, async (document, token) => await document.GetSyntaxTreeAsync(token).ConfigureAwait(false)).ConfigureAwait(false);
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return [];
        }

        var compiled = clock.Elapsed;
        var scope = AnalysisScope.For(project, compilation, cancellationToken);
        var scoped = clock.Elapsed;

        // A project that was not restored, or does not compile, has unresolved types (ApiProvider among them): the
        // analyzers would find nothing and the audit would pass. Declaration errors (usings, signatures) show it
        // without binding method bodies; only the documents that are analyzed need checking (in the compilation that is
        // analyzed, whose declarations are the project's), and with no provider type at all, the documents that name
        // its namespace.
        var reduced = scope.Scope == AnalysisScope.Kind.Members ? ReducedCompilation.Create(compilation, scope, cancellationToken) : null;
        var checkedTrees = scope.Scope switch
        {
            AnalysisScope.Kind.Members => reduced!.Trees(scope.Spans.Keys),
            AnalysisScope.Kind.Nothing => compilation.SyntaxTrees.Where(t => t.GetText(cancellationToken).ToString().Contains(ProviderNamespace, StringComparison.Ordinal)),
            _ => null,
        };
        var checkedCompilation = reduced?.Compilation ?? compilation;
        var errors = (checkedTrees is null
                ? compilation.GetDeclarationDiagnostics(cancellationToken)
                : checkedTrees.SelectMany(t => checkedCompilation.GetSemanticModel(t).GetDeclarationDiagnostics(cancellationToken: cancellationToken)))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
        if (errors.Count > 0)
        {
            throw new LoadFailureException(
                $"project '{project.Name}' does not compile ({errors.Count} error(s), first: {errors[0].ToString()}): restore it (`dotnet restore`) and make it build, then run provider-audit again.");
        }

        var declarationsChecked = clock.Elapsed;
        if (scope.Scope == AnalysisScope.Kind.Nothing)
        {
            log.Info($"  {project.Name}: {scope.Reason}");
            return [];
        }

        var crashes = new List<Diagnostic>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (crashes)
                {
                    crashes.Add(diagnostic);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        IEnumerable<Diagnostic> diagnostics;
        if (scope.Scope == AnalysisScope.Kind.Everything)
        {
            diagnostics = await compilation.WithAnalyzers(rules.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Only the candidate members are bound: every other member body is a stub in the compilation analyzed.
            var reducedOptions = new CompilationWithAnalyzersOptions(
                reduced!.Map(project.AnalyzerOptions),
                options.OnAnalyzerException,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var found = await reduced.Compilation.WithAnalyzers(rules.Analyzers, reducedOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            diagnostics = found.Select(reduced.MapBack).ToList();
        }

        log.Info(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"  {project.Name}: {scope.Reason} (compilation {compiled.TotalSeconds:0.00} s, scope {(scoped - compiled).TotalSeconds:0.00} s, declarations {(declarationsChecked - scoped).TotalSeconds:0.00} s, analyzers {(clock.Elapsed - declarationsChecked).TotalSeconds:0.00} s)"));

        // An analyzer that throws is AD0001, an error in a build: never hide it behind a clean result.
        return diagnostics.ToList().Concat(crashes)
            .Where(d => !d.IsSuppressed && d.Severity >= minimumSeverity)
            .Where(d => d.Location.IsInSource || d.Location == Location.None)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>The namespace of the provider type: a document that names it in a project where it does not resolve was not restored.</summary>
    private static readonly string ProviderNamespace = DiagnosticContract.ProviderTypeMetadataName[..DiagnosticContract.ProviderTypeMetadataName.LastIndexOf('.')];
}
