namespace ProviderAudit.Cli.Loading;

/// <summary>
/// What the user pointed the tool at: a solution, a project, or a folder holding exactly one of them (as
/// <c>dotnet build</c> resolves a folder). <see cref="Root"/> is the folder every reported path is relative to: the
/// enclosing git work tree when there is one, so reports, patches and baselines name the same file the same way
/// whether the tool was given the solution or one project; outside git, the working directory, where
/// <c>git apply</c> and <c>patch -p1</c> apply a patch.
/// </summary>
internal sealed record AuditInput(string FullPath, bool IsSolution, string Root)
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx", ".slnf"];
    private static readonly string[] ProjectExtensions = [".csproj"];

    public string Directory => Path.GetDirectoryName(FullPath)!;

    public static AuditInput Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("PATH is empty: give a solution (.sln/.slnx), a C# project (.csproj), or a folder holding one.");
        }

        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full);
            if (SolutionExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return new AuditInput(full, IsSolution: true, FindRoot(Path.GetDirectoryName(full)!));
            }

            if (ProjectExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return new AuditInput(full, IsSolution: false, FindRoot(Path.GetDirectoryName(full)!));
            }

            throw new UsageException($"PATH '{path}' is neither a solution (.sln, .slnx, .slnf) nor a C# project (.csproj).");
        }

        if (System.IO.Directory.Exists(full))
        {
            return FromFolder(path, full);
        }

        throw new UsageException($"PATH '{path}' does not exist: give a solution, a C# project, or a folder holding one.");
    }

    private static AuditInput FromFolder(string path, string folder)
    {
        var solutions = SolutionExtensions.Where(e => e != ".slnf")
            .SelectMany(e => System.IO.Directory.GetFiles(folder, "*" + e))
            .ToList();
        var projects = ProjectExtensions.SelectMany(e => System.IO.Directory.GetFiles(folder, "*" + e)).ToList();
        var candidates = solutions.Count > 0 ? solutions : projects;
        return candidates.Count switch
        {
            1 => new AuditInput(candidates[0], IsSolution: solutions.Count > 0, FindRoot(folder)),
            0 => throw new UsageException($"PATH '{path}' is a folder with no solution (.sln, .slnx) or C# project (.csproj) in it: name the file to audit."),
            _ => throw new UsageException(
                $"PATH '{path}' holds several {(solutions.Count > 0 ? "solutions" : "projects")} ({string.Join(", ", candidates.Select(Path.GetFileName).Order(StringComparer.Ordinal))}): name the one to audit."),
        };
    }

    private static string FindRoot(string start) => GitWorkTree(start) ?? System.IO.Directory.GetCurrentDirectory();

    private static string? GitWorkTree(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            // ".git" is a folder in a clone and a file in a worktree or submodule.
            var marker = Path.Combine(dir.FullName, ".git");
            if (System.IO.Directory.Exists(marker) || File.Exists(marker))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary><paramref name="path"/> relative to <see cref="Root"/>, with forward slashes (as SARIF, git and GitHub write paths).</summary>
    public string RelativePath(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>True when <paramref name="path"/> is inside <see cref="Root"/> (so a patch can name it).</summary>
    public bool IsUnderRoot(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
