using Microsoft.CodeAnalysis;

namespace ProviderAudit.Cli.Analysis;

/// <summary>
/// One finding as every report shows it. Lines and columns are 1-based; <see cref="File"/> is relative to the
/// audit root with forward slashes (the project file for a finding without a source location, such as PA0002).
/// </summary>
internal sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string? Concern,
    string File,
    string FullPath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Project,
    FindingIdentity Identity,
    IReadOnlyList<ProposedFix> Fixes)
{
    public bool HasLocation => Line > 0;

    /// <summary>
    /// The rule whose fix makes this finding fixable (PA0003: its provider enum has no capability mapping yet), or
    /// null. <c>fix</c> applies that fix and then this one in the same run.
    /// </summary>
    public string? FixableAfter { get; init; }

    public string SeverityName => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}

/// <summary>
/// What identifies a finding across edits, for baselines and SARIF <c>partialFingerprints</c>: the rule, the member it
/// is in (fully qualified) and its expression with whitespace and comments removed; no line numbers and no file, so
/// inserting lines, editing other members, and moving or renaming the file keep it. <see cref="Occurrence"/> numbers
/// identical checks in one member (1, 2, … in source order); <see cref="Context"/> hashes the statement around the
/// check, so a baseline can tell which of them is the added one. <see cref="File"/> is where it is today, for people.
/// </summary>
internal sealed record FindingIdentity(string RuleId, string File, string Member, string Expression, string Fingerprint, int Occurrence, string Context);

/// <summary>
/// A code fix the shipped fixer registers for a finding, applied on its own to the unchanged document.
/// <see cref="Inferred"/> is true for the fix whose equivalence key matches the concern the analyzer inferred.
/// </summary>
internal sealed record ProposedFix(string Title, string? EquivalenceKey, bool Inferred, IReadOnlyList<FileChange> Changes);

/// <summary>
/// The text one fix changes in one region of one file: the exact replacements (<see cref="Edits"/>, against the
/// original text) and, for reviewers, the whole original lines they touch and the lines that replace them.
/// <see cref="Shared"/> marks a region that several findings' fixes contain alike (a <c>using</c> directive they all need).
/// </summary>
internal sealed record FileChange(
    string File,
    IReadOnlyList<TextEdit> Edits,
    int FirstLine,
    int LastLine,
    IReadOnlyList<string> OldLines,
    IReadOnlyList<string> NewLines)
{
    public bool Shared { get; init; }
}

/// <summary>
/// Replace <see cref="Length"/> UTF-16 characters at <see cref="Offset"/> of the original file with
/// <see cref="NewText"/>; the same region as 1-based line/column (end exclusive).
/// </summary>
internal sealed record TextEdit(int Offset, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn, string NewText);
