using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Baselines;

/// <summary>Today's findings against a baseline: which are new, which were already recorded, which recorded ones are gone.</summary>
internal sealed class BaselineComparison
{
    private readonly HashSet<Finding> _new;

    public BaselineComparison(Baseline baseline, IReadOnlyList<Finding> findings)
    {
        var recorded = baseline.Findings.Select(e => (e.Fingerprint, e.Occurrence)).ToHashSet();
        _new = new HashSet<Finding>(findings.Where(f => !recorded.Contains((f.Identity.Fingerprint, f.Identity.Occurrence))), ReferenceEqualityComparer.Instance);
        var present = findings.Select(f => (f.Identity.Fingerprint, f.Identity.Occurrence)).ToHashSet();
        Gone = baseline.Findings.Where(e => !present.Contains((e.Fingerprint, e.Occurrence))).ToList();
        NewCount = _new.Count;
        BaselinedCount = findings.Count - _new.Count;
    }

    public int NewCount { get; }

    public int BaselinedCount { get; }

    /// <summary>Recorded findings no longer present (fixed or removed): the baseline can be recorded again, smaller.</summary>
    public IReadOnlyList<BaselineEntry> Gone { get; }

    public bool IsNew(Finding finding) => _new.Contains(finding);
}
