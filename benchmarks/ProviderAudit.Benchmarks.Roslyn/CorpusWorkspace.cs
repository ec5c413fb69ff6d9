using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>A generated corpus project opened with MSBuildWorkspace, and the analysis every benchmark starts from.</summary>
internal sealed class CorpusWorkspace : IDisposable
{
    private readonly MSBuildWorkspace _workspace;

    private CorpusWorkspace(MSBuildWorkspace workspace, Project project, TimeSpan loadTime)
    {
        _workspace = workspace;
        Project = project;
        LoadTime = loadTime;
    }

    public Project Project { get; }

    public Solution Solution => Project.Solution;

    /// <summary>Opening the project (MSBuild evaluation and design-time build), what dotnet format reports as loading.</summary>
    public TimeSpan LoadTime { get; }

    public static async Task<CorpusWorkspace> OpenAsync(string projectPath, CancellationToken cancellationToken)
    {
        // MSBuildWorkspace's build host gives up on a machine under heavy load ("not responding"); a later attempt
        // usually gets through. The load time reported is the attempt that succeeded.
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            var workspace = MSBuildWorkspace.Create();
            var project = await workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            var failures = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).ToList();
            if (failures.Count == 0)
            {
                return new CorpusWorkspace(workspace, project, clock.Elapsed);
            }

            workspace.Dispose();
            if (attempt == 3 || !failures[0].Message.Contains("not responding", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Loading {projectPath} failed: {failures[0].Message}");
            }

            Console.Error.WriteLine($"Loading {projectPath}: the MSBuild build host did not respond (attempt {attempt}); trying again.");
        }
    }

    /// <summary>Runs <paramref name="analyzers"/> over the whole project and returns the in-source diagnostics with <paramref name="diagnosticId"/>.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, string diagnosticId, CancellationToken cancellationToken)
    {
        var compilation = await Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The corpus project has no compilation.");
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Project.AnalyzerOptions);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics
            .Where(d => d.Id == diagnosticId && d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public void Dispose() => _workspace.Dispose();
}
