namespace ProviderAudit.Cli;

/// <summary>The process exit codes, documented in docs/cli.md; CI scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing to fail on (no finding that <c>--fail-on</c> counts; every fix written).</summary>
    public const int Success = 0;

    /// <summary>Findings that <c>--fail-on</c> counts (audit), or a fixed document not written because it would not compile (fix).</summary>
    public const int Findings = 1;

    /// <summary>Bad command line: unknown option, missing or ambiguous path, unreadable baseline.</summary>
    public const int Usage = 2;

    /// <summary>No .NET SDK found, or a project or solution that MSBuild could not load.</summary>
    public const int LoadFailure = 3;
}

/// <summary>A command-line mistake the user can fix; the message names the argument and what to do.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A solution or project that could not be loaded; the message names it and carries MSBuild's words.</summary>
internal sealed class LoadFailureException(string message) : Exception(message);
