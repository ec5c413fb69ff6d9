using System.Text;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Cli.Files;

namespace ProviderAudit.Cli.Fixing;

/// <summary>
/// Writes fixed files as a unified diff that <c>git apply</c> and <c>patch -p1</c> accept (paths <c>a/…</c>,
/// <c>b/…</c> relative to the audit root, three lines of context). The hunks come from the exact text changes the
/// fixes made, widened to whole lines, so no diff algorithm is involved. Lines are the file's bytes: line endings
/// as they are, and a UTF-8 byte order mark at the start of line 1 when the file has one (both tools compare line 1
/// with it, and reject a patch without it).
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static void Write(TextWriter writer, FixedFile file)
    {
        var isNew = file.Before.Length == 0 && file.Changes.All(c => c.Span.Start == 0 && c.Span.Length == 0);
        writer.Write($"diff --git a/{file.File} b/{file.File}\n");
        if (isNew)
        {
            writer.Write("new file mode 100644\n");
        }

        writer.Write(isNew ? "--- /dev/null\n" : $"--- a/{file.File}\n");
        writer.Write($"+++ b/{file.File}\n");

        var bom = isNew ? file.After.Encoding?.GetPreamble().Length > 0 : FileBytes.StartsWithUtf8Bom(file.FullPath);
        foreach (var hunk in Hunks(file.Before, file.After, file.Changes, bom))
        {
            writer.Write(hunk);
        }
    }

    /// <summary>Changed regions as (first, last) old line and (first, last) new line, 0-based, inclusive; merged when touching.</summary>
    private static List<(int OldFirst, int OldLast, int NewFirst, int NewLast)> Regions(SourceText before, SourceText after, IReadOnlyList<TextChange> changes)
    {
        var regions = new List<(int OldStart, int OldEnd, int Delta)>();
        var delta = 0;
        foreach (var change in changes.OrderBy(c => c.Span.Start))
        {
            // Whole lines around the change: from the start of its first line to the end (line break included) of its last.
            var start = before.Lines.GetLineFromPosition(change.Span.Start).Start;
            var end = change.Span.End >= before.Length ? before.Length : before.Lines.GetLineFromPosition(change.Span.End).EndIncludingLineBreak;
            if (regions.Count > 0 && start <= regions[^1].OldEnd)
            {
                var last = regions[^1];
                regions[^1] = (last.OldStart, Math.Max(last.OldEnd, end), last.Delta);
            }
            else
            {
                regions.Add((start, end, delta));
            }

            delta += (change.NewText?.Length ?? 0) - change.Span.Length;
        }

        var result = new List<(int, int, int, int)>();
        for (var i = 0; i < regions.Count; i++)
        {
            var (oldStart, oldEnd, deltaBefore) = regions[i];
            var deltaAfter = i + 1 < regions.Count ? regions[i + 1].Delta : after.Length - before.Length;
            var newStart = oldStart + deltaBefore;
            var newEnd = oldEnd + deltaAfter;
            result.Add((
                LineIndex(before, oldStart), LastLineIndex(before, oldStart, oldEnd),
                LineIndex(after, newStart), LastLineIndex(after, newStart, newEnd)));
        }

        return result;
    }

    private static int LineIndex(SourceText text, int position) => text.Lines.GetLineFromPosition(position).LineNumber;

    /// <summary>The last line of [start, end): -1 lines (first - 1) when the region is empty.</summary>
    private static int LastLineIndex(SourceText text, int start, int end)
    {
        if (end <= start)
        {
            return LineIndex(text, start) - 1;
        }

        return text.Lines.GetLineFromPosition(end - 1).LineNumber;
    }

    private static IEnumerable<string> Hunks(SourceText before, SourceText after, IReadOnlyList<TextChange> changes, bool bom)
    {
        var regions = Regions(before, after, changes);
        var oldLineCount = CountLines(before);
        var i = 0;
        while (i < regions.Count)
        {
            // Regions closer than two contexts share a hunk.
            var j = i;
            while (j + 1 < regions.Count && regions[j + 1].OldFirst - regions[j].OldLast - 1 <= 2 * Context)
            {
                j++;
            }

            var oldFrom = Math.Max(0, regions[i].OldFirst - Context);
            var oldTo = Math.Min(oldLineCount - 1, regions[j].OldLast + Context);
            var newFrom = regions[i].NewFirst - (regions[i].OldFirst - oldFrom);
            var body = new StringBuilder();
            var oldCount = 0;
            var newCount = 0;
            var line = oldFrom;
            for (var k = i; k <= j; k++)
            {
                for (; line < regions[k].OldFirst; line++, oldCount++, newCount++)
                {
                    AppendLine(body, ' ', before, line, bom);
                }

                for (var l = regions[k].OldFirst; l <= regions[k].OldLast; l++, oldCount++)
                {
                    AppendLine(body, '-', before, l, bom);
                }

                for (var l = regions[k].NewFirst; l <= regions[k].NewLast; l++, newCount++)
                {
                    AppendLine(body, '+', after, l, bom);
                }

                line = regions[k].OldLast + 1;
            }

            for (; line <= oldTo; line++, oldCount++, newCount++)
            {
                AppendLine(body, ' ', before, line, bom);
            }

            yield return $"@@ -{Range(oldFrom, oldCount)} +{Range(newFrom, newCount)} @@\n" + body;
            i = j + 1;
        }
    }

    /// <summary>A unified-diff range: 1-based start and count; an empty range names the line before it.</summary>
    private static string Range(int first, int count) => count == 0 ? $"{first},0" : count == 1 ? $"{first + 1}" : $"{first + 1},{count}";

    /// <summary>Lines as a diff counts them: a text ending in a line break has no extra empty line after it.</summary>
    private static int CountLines(SourceText text)
    {
        var count = text.Lines.Count;
        return count > 0 && text.Lines[count - 1].SpanIncludingLineBreak.Length == 0 && count > 1 ? count - 1 : (text.Length == 0 ? 0 : count);
    }

    private static void AppendLine(StringBuilder body, char marker, SourceText text, int line, bool bom)
    {
        var textLine = text.Lines[line];
        body.Append(marker);
        if (line == 0 && bom)
        {
            body.Append('\uFEFF');
        }

        body.Append(text.ToString(textLine.SpanIncludingLineBreak));
        if (textLine.EndIncludingLineBreak == textLine.End)
        {
            // The file's last line has no line break.
            body.Append("\n\\ No newline at end of file\n");
        }
    }
}
