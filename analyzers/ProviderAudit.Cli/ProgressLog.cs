using System.Diagnostics;
using System.Globalization;

namespace ProviderAudit.Cli;

/// <summary>
/// Progress and notes on stderr, so stdout carries only the report; <c>--quiet</c> silences everything but errors.
/// Also times the phases (load, analyze, fix) and prints them at the end, wall and processor time, which is what the
/// benchmark reads.
/// </summary>
internal sealed class ProgressLog(TextWriter error, bool quiet)
{
    private readonly List<(string Phase, TimeSpan Elapsed, TimeSpan Processor)> _phases = [];

    public bool Quiet { get; } = quiet;

    public void Info(string message)
    {
        if (!Quiet)
        {
            lock (error)
            {
                error.WriteLine(message);
            }
        }
    }

    public void Error(string message)
    {
        lock (error)
        {
            error.WriteLine(message);
        }
    }

    /// <summary>Runs one phase and records how long it took.</summary>
    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            _phases.Add((phase, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - processor));
        }
    }

    public void PrintTimings()
    {
        if (_phases.Count > 0)
        {
            Info("time: " + string.Join(", ", _phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Elapsed.TotalSeconds:0.00} s"))));

            // Processor time of the same phases (all threads): what a phase costs whatever else the machine is doing.
            Info("cpu: " + string.Join(", ", _phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Processor.TotalSeconds:0.00} s"))));
        }
    }
}
