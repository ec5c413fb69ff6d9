namespace ProviderAudit.Cli;

/// <summary>The process exit codes, documented in docs/cli.md; CI scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing to fail on (no finding that <c>--fail-on</c> counts; every fix written).</summary>
    public const int Success = 0;

    /// <summary>Findings that <c>--fail-on</c> counts (audit), or a fixed document not written because it would not compile (fix).</summary>
    public const int Findings = 1;

    /// <summary>Bad command line: unknown option, missing or ambiguous path, unreadable baseline, unwritable <c>--output</c>.</summary>
    public const int Usage = 2;

    /// <summary>No .NET SDK found, or a project or solution that MSBuild could not load or that does not compile.</summary>
    public const int LoadFailure = 3;

    /// <summary>A source file cannot be read (locked, gone), or one <c>fix</c> must write cannot be written (read-only, locked, its folder gone, no permission).</summary>
    public const int FileAccess = 4;

    /// <summary>Interrupted by SIGINT (Ctrl-C): 128 + 2, the shell's convention. Files are written whole or not at all.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (e.g. a CI job cancelled): 128 + 15.</summary>
    public const int Terminated = 143;
}

/// <summary>A command-line mistake the user can fix; the message names the argument and what to do.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A solution or project that could not be loaded; the message names it and carries MSBuild's words.</summary>
internal sealed class LoadFailureException(string message) : Exception(message);

/// <summary>A source file the tool must read or write and cannot; the message names the file, the reason and the fix.</summary>
internal sealed class FileAccessException(string message) : Exception(message);
