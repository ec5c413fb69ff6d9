namespace ProviderAudit.Cli.Tests;

/// <summary>A scenario's copy as a git work tree: to see what a command changed, to apply a diff, to go back.</summary>
public sealed class GitWorkTree(string path)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public string Path { get; } = path;

    /// <summary>Makes <paramref name="path"/> a repository whose first commit is its current content (bin/obj ignored).</summary>
    public static GitWorkTree Create(string path)
    {
        File.WriteAllText(System.IO.Path.Combine(path, ".gitignore"), "bin/\nobj/\n");
        var tree = new GitWorkTree(path);
        tree.Must("init", "-q");
        tree.Must("add", "-A");
        tree.Must("-c", "user.name=provider-audit tests", "-c", "user.email=tests@provider-audit.invalid", "commit", "-qm", "original");
        return tree;
    }

    public DotnetResult Run(params string[] arguments) =>
        DotnetCli.RunProgram("git", Path, Timeout, ["-c", "core.autocrlf=false", .. arguments]);

    /// <summary>Files changed, added or removed since the first commit (<c>git status --porcelain</c>), empty when none.</summary>
    public string Status() => Must("status", "--porcelain").StandardOutput;

    /// <summary>Back to the first commit: edits undone, new files removed (ignored build output kept).</summary>
    public void Reset()
    {
        Must("checkout", "-q", "--", ".");
        Must("clean", "-fdq");
    }

    /// <summary>Every file git sees (tracked or new, not ignored), by path, as bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Must("ls-files", "-co", "--exclude-standard").StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => File.Exists(System.IO.Path.Combine(Path, file)))
            .ToDictionary(file => file, file => File.ReadAllBytes(System.IO.Path.Combine(Path, file)), StringComparer.Ordinal);

    public DotnetResult Must(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }
}
