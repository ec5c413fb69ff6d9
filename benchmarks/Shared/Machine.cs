using System.Globalization;

namespace ProviderAudit.Benchmarks;

/// <summary>What a reader needs to judge a table from a shared machine: when, and how loaded.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : ["n/a"];
        return string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {string.Join(" ", load)}, .NET {Environment.Version}");
    }
}
