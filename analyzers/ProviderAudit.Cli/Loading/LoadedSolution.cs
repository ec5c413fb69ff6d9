using Microsoft.CodeAnalysis;

namespace ProviderAudit.Cli.Loading;

/// <summary>
/// A loaded solution and the C# projects to audit in it: every project of a solution, or a project and the projects
/// it references (what <c>dotnet build</c> of that project compiles). A multi-targeted project appears once per
/// target framework. <see cref="Warnings"/> are what MSBuild said while loading (restore warnings such as NU1603
/// included) that did not stop a project from loading.
/// </summary>
internal sealed record LoadedSolution(AuditInput Input, Solution Solution, IReadOnlyList<ProjectId> Projects, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Throws a <see cref="FileAccessException"/> naming every source file of the audited projects that could not be
    /// read when the analysis asked for its text: the workspace reads a locked or vanished file as empty text, which
    /// would hide its findings (and a fix would then write nothing for it).
    /// </summary>
    public void ThrowIfSourcesUnreadable()
    {
        var problems = new List<string>();
        foreach (var document in Projects.Select(Solution.GetProject).OfType<Project>().SelectMany(p => p.Documents))
        {
            if (document.FilePath is not { } path || !document.TryGetText(out var text) || text.Length > 0)
            {
                continue;
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add($"{Input.RelativePath(path)}: the file no longer exists");
            }
            else if (info.Length > 0 && ReadProblem(path) is { } problem)
            {
                problems.Add($"{Input.RelativePath(path)}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            throw new FileAccessException(
                "source file(s) could not be read (locked by another process, or removed while the audit ran); nothing was reported or written:"
                + string.Concat(problems.Distinct(StringComparer.Ordinal).Select(p => Environment.NewLine + "  " + p)));
        }
    }

    private static string? ReadProblem(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return "it read as empty although it is not";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
