namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>Order statistics of timings (milliseconds or seconds, as given).</summary>
internal static class Samples
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Median of the pairwise ratios a[i] / b[i]: pairs taken together share the machine's state.</summary>
    public static double PairedRatio(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Median(a.Zip(b, (x, y) => x / y));

    public static string Spread(IEnumerable<double> values, string format = "F2") =>
        string.Join(", ", values.Select(v => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));
}
