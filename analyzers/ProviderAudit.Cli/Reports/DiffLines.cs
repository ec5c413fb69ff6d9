using System.Globalization;
using System.Text.RegularExpressions;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// The lines a pull request's diff shows on its new side (added and context lines of every hunk), read from a unified
/// diff (<c>git diff BASE...HEAD</c>): GitHub accepts a review comment only on such a line.
/// </summary>
internal sealed partial class DiffLines
{
    private readonly Dictionary<string, List<(int First, int Last)>> _ranges = new(StringComparer.Ordinal);

    public static DiffLines Parse(string diff)
    {
        var lines = new DiffLines();
        string? file = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line[4..].TrimEnd('\r');
                file = path == "/dev/null" ? null : path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
            }
            else if (file is not null && Hunk().Match(line) is { Success: true } hunk)
            {
                var start = int.Parse(hunk.Groups["start"].Value, CultureInfo.InvariantCulture);
                var count = hunk.Groups["count"].Success ? int.Parse(hunk.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    if (!lines._ranges.TryGetValue(file, out var ranges))
                    {
                        lines._ranges[file] = ranges = [];
                    }

                    ranges.Add((start, start + count - 1));
                }
            }
        }

        return lines;
    }

    /// <summary>True when lines <paramref name="first"/>..<paramref name="last"/> of <paramref name="file"/> are all in one hunk.</summary>
    public bool Contains(string file, int first, int last) =>
        _ranges.TryGetValue(file, out var ranges) && ranges.Any(r => r.First <= first && last <= r.Last);

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(?<start>\d+)(?:,(?<count>\d+))? @@")]
    private static partial Regex Hunk();
}
