using Microsoft.CodeAnalysis.Text;

namespace ProviderAudit.Cli.Fixing;

/// <summary>One file the fixes change: its text before and after and the exact changes (against the text before).</summary>
internal sealed record FixedFile(string File, string FullPath, SourceText Before, SourceText After, IReadOnlyList<TextChange> Changes, int Findings);

/// <summary>A file whose fixed version adds compiler errors: not written; the errors say why.</summary>
internal sealed record RejectedFile(string File, int Findings, IReadOnlyList<string> Errors);

/// <summary>What <c>fix</c> did or, with <c>--dry-run</c>, would do.</summary>
internal sealed record FixOutcome(IReadOnlyList<FixedFile> Fixed, IReadOnlyList<RejectedFile> Rejected, int Unfixed);
