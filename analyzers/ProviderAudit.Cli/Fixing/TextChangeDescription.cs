using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Fixing;

/// <summary>Turns Roslyn text changes against one file into a <see cref="FileChange"/> (edits plus whole replaced lines).</summary>
internal static class TextChangeDescription
{
    public static FileChange Describe(string file, SourceText oldText, IReadOnlyList<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Span.Start).ToList();
        var edits = ordered.Select(c =>
        {
            var start = oldText.Lines.GetLinePosition(c.Span.Start);
            var end = oldText.Lines.GetLinePosition(c.Span.End);
            return new TextEdit(c.Span.Start, c.Span.Length, start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1, c.NewText ?? "");
        }).ToList();

        if (ordered.Count == 0)
        {
            return new FileChange(file, edits, 0, 0, [], []);
        }

        var firstLine = oldText.Lines.GetLineFromPosition(ordered[0].Span.Start).LineNumber;
        var lastEnd = ordered.Max(c => c.Span.End);
        // A change that ends right after a line break ends on the line before.
        var lastLine = oldText.Lines.GetLineFromPosition(lastEnd > ordered[0].Span.Start && IsLineStart(oldText, lastEnd) ? lastEnd - 1 : lastEnd).LineNumber;

        var regionStart = oldText.Lines[firstLine].Start;
        var regionEnd = oldText.Lines[lastLine].EndIncludingLineBreak;
        var delta = ordered.Sum(c => (c.NewText?.Length ?? 0) - c.Span.Length);
        var newText = oldText.WithChanges(ordered);
        var newRegion = newText.ToString(TextSpan.FromBounds(regionStart, regionEnd + delta));

        var oldLines = Enumerable.Range(firstLine, lastLine - firstLine + 1).Select(i => oldText.Lines[i].ToString()).ToList();
        return new FileChange(file, edits, firstLine + 1, lastLine + 1, oldLines, SplitLines(newRegion));
    }

    private static bool IsLineStart(SourceText text, int position) => text.Lines.GetLineFromPosition(position).Start == position;

    /// <summary>Lines without their breaks; a final line break does not start another (empty) line.</summary>
    private static IReadOnlyList<string> SplitLines(string region)
    {
        var lines = SourceText.From(region).Lines.Select(l => l.ToString()).ToList();
        if (lines.Count > 1 && lines[^1].Length == 0 && (region.EndsWith('\n') || region.EndsWith('\r')))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
