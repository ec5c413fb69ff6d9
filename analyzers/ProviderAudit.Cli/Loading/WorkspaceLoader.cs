using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace ProviderAudit.Cli.Loading;

/// <summary>Loads the input with MSBuildWorkspace (design-time builds in Roslyn's out-of-process build host).</summary>
internal static class WorkspaceLoader
{
    /// <summary>Marks a failure of Roslyn's build host process itself (seen on a machine saturated by other builds).</summary>
    private const string BuildHostFailure = "BuildHost";

    public static async Task<LoadedSolution> LoadAsync(AuditInput input, ProgressLog log, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadOnceAsync(input, log, cancellationToken).ConfigureAwait(false);
        }
        catch (LoadFailureException e) when (e.Message.Contains(BuildHostFailure, StringComparison.Ordinal))
        {
            // The build host process can stop answering under heavy load; a fresh one usually loads the same projects.
            log.Info("the MSBuild build host failed; loading once more with a new one: " + e.Message);
            return await LoadOnceAsync(input, log, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<LoadedSolution> LoadOnceAsync(AuditInput input, ProgressLog log, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        var warnings = new List<string>();
        using var failedHandler = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            lock (failures)
            {
                (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? failures : warnings).Add(e.Diagnostic.Message);
            }
        });

        var loaded = 0;
        var progress = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                var framework = string.IsNullOrEmpty(p.TargetFramework) ? "" : $" ({p.TargetFramework})";
                log.Info($"loaded {++loaded}: {input.RelativePath(p.FilePath)}{framework} in {p.ElapsedTime.TotalSeconds:0.0} s");
            }
        });

        Solution solution;
        IReadOnlyList<ProjectId> projects;
        try
        {
            if (input.IsSolution)
            {
                solution = await workspace.OpenSolutionAsync(input.FullPath, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
                projects = solution.Projects.Where(IsCSharp).Select(p => p.Id).ToList();
            }
            else
            {
                var project = await workspace.OpenProjectAsync(input.FullPath, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
                solution = project.Solution;
                projects = WithReferencedProjects(solution, project.Id).Where(id => IsCSharp(solution.GetProject(id)!)).ToList();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException)
        {
            workspace.Dispose();
            throw new LoadFailureException($"could not load '{input.RelativePath(input.FullPath)}': {e.Message}");
        }

        // MSBuildWorkspace reports restore warnings (NU1603 …) as failures too. A failure about a project that was
        // evaluated (it has an output path) is a warning; one about a project that is missing from the solution or that
        // MSBuild could not evaluate (a project file it cannot read is still added, empty) means it could not be loaded.
        var loadedPaths = solution.Projects.Where(p => p.OutputFilePath is not null).Select(p => p.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var fatal = failures.Distinct().Where(f => !loadedPaths.Any(path => f.Contains(path, StringComparison.Ordinal))).ToList();
        if (fatal.Count > 0)
        {
            // Also ends its build host process, so a retry starts a fresh one.
            workspace.Dispose();
            throw new LoadFailureException("could not load the projects:" + string.Concat(fatal.Select(f => Environment.NewLine + "  " + f)));
        }

        var loadWarnings = failures.Concat(warnings).Distinct(StringComparer.Ordinal).Select(w => Relative(input, loadedPaths, w)).ToList();
        foreach (var warning in loadWarnings)
        {
            log.Info("warning while loading: " + warning);
        }

        if (projects.Count == 0)
        {
            throw new LoadFailureException($"'{input.RelativePath(input.FullPath)}' has no C# project to audit.");
        }

        foreach (var id in projects)
        {
            var project = solution.GetProject(id)!;
            // A project that was never restored loads without its framework: every type is unresolved and the audit
            // would find nothing. Say so rather than report a clean result.
            if (!project.MetadataReferences.Any())
            {
                throw new LoadFailureException($"project '{input.RelativePath(project.FilePath ?? project.Name)}' loaded without any references: run `dotnet restore` (or a build) first.");
            }
        }

        return new LoadedSolution(input, solution, projects, loadWarnings);
    }

    /// <summary>The message with the loaded projects' full paths written relative to the audit root.</summary>
    private static string Relative(AuditInput input, IEnumerable<string> paths, string message) =>
        paths.OrderByDescending(p => p.Length).Aggregate(message, (text, path) => text.Replace(path, input.RelativePath(path), StringComparison.Ordinal));

    private static bool IsCSharp(Project project) => project.Language == LanguageNames.CSharp;

    private static IEnumerable<ProjectId> WithReferencedProjects(Solution solution, ProjectId start)
    {
        var seen = new HashSet<ProjectId>();
        var order = new List<ProjectId>();
        Visit(start);
        return order;

        void Visit(ProjectId id)
        {
            if (!seen.Add(id) || solution.GetProject(id) is not { } project)
            {
                return;
            }

            foreach (var reference in project.ProjectReferences)
            {
                Visit(reference.ProjectId);
            }

            order.Add(id);
        }
    }
}
