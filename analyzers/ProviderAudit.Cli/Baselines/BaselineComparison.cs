using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Baselines;

/// <summary>
/// Today's findings against a baseline: which are new, which were already recorded, which recorded ones are gone.
/// Findings and entries match by rule, member and expression (never file or line). Where a member has several
/// identical checks, the recorded ones and today's are aligned in source order on the statement around each check
/// (longest common subsequence), so a check added above an old one is the new one; any left over on both sides are
/// paired in order (the same checks with their statements edited).
/// </summary>
internal sealed class BaselineComparison
{
    private readonly HashSet<Finding> _new = new(ReferenceEqualityComparer.Instance);

    public BaselineComparison(Baseline baseline, IReadOnlyList<Finding> findings)
    {
        var recorded = baseline.Findings.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Occurrence).ToList(), StringComparer.Ordinal);
        var gone = new List<BaselineEntry>();
        foreach (var group in findings.GroupBy(f => f.Identity.Fingerprint, StringComparer.Ordinal))
        {
            var today = group.OrderBy(f => f.Identity.Occurrence).ToList();
            var entries = recorded.Remove(group.Key, out var list) ? list : [];
            var (unmatchedToday, unmatchedEntries) = Align(today, entries);
            var paired = Math.Min(unmatchedToday.Count, unmatchedEntries.Count);
            _new.UnionWith(unmatchedToday.Skip(paired));
            gone.AddRange(unmatchedEntries.Skip(paired));
        }

        gone.AddRange(recorded.Values.SelectMany(v => v));
        Gone = gone;
        NewCount = _new.Count;
        BaselinedCount = findings.Count - _new.Count;
    }

    public int NewCount { get; }

    public int BaselinedCount { get; }

    /// <summary>Recorded findings no longer present (fixed or removed): the baseline can be recorded again, smaller.</summary>
    public IReadOnlyList<BaselineEntry> Gone { get; }

    public bool IsNew(Finding finding) => _new.Contains(finding);

    /// <summary>Matches both sequences on equal contexts (longest common subsequence); returns what is left of each, in order.</summary>
    private static (List<Finding> Today, List<BaselineEntry> Entries) Align(IReadOnlyList<Finding> today, IReadOnlyList<BaselineEntry> entries)
    {
        var n = today.Count;
        var m = entries.Count;
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = Same(today[i], entries[j]) ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var leftToday = new List<Finding>();
        var leftEntries = new List<BaselineEntry>();
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (Same(today[a], entries[b]) && lengths[a, b] == lengths[a + 1, b + 1] + 1)
            {
                a++;
                b++;
            }
            else if (lengths[a + 1, b] >= lengths[a, b + 1])
            {
                leftToday.Add(today[a++]);
            }
            else
            {
                leftEntries.Add(entries[b++]);
            }
        }

        leftToday.AddRange(today.Skip(a));
        leftEntries.AddRange(entries.Skip(b));
        return (leftToday, leftEntries);
    }

    /// <summary>An entry without a context (an older baseline) matches by order alone.</summary>
    private static bool Same(Finding finding, BaselineEntry entry) =>
        entry.Context is null || string.Equals(finding.Identity.Context, entry.Context, StringComparison.Ordinal);
}
