using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProviderAudit.Runtime.Tests.Properties;

/// <summary>
/// Runs a property over generated cases: a bounded count by default (CI), the full count when
/// <c>PROVIDERAUDIT_PROPERTY_RUNS</c> says so. Every case's generator state derives from one run seed, so a whole run
/// replays with <c>PROVIDERAUDIT_PROPERTY_SEED</c>. A failing case is shrunk by CsCheck and reported with the run seed,
/// the case number, CsCheck's seed of the shrunk case and the shrunk input.
/// </summary>
internal static class PropertyRunner
{
    /// <summary>How many cases a run checks; CI leaves it unset.</summary>
    public const string RunsVariable = "PROVIDERAUDIT_PROPERTY_RUNS";

    /// <summary>The run seed (hex); unset means a fresh random one, printed with the result.</summary>
    public const string SeedVariable = "PROVIDERAUDIT_PROPERTY_SEED";

    /// <summary>Cases per property when <see cref="RunsVariable"/> is unset: enough to catch a regression of a known class in CI.</summary>
    public const int BoundedRuns = 200;

    // CsCheck's shrinking explores this many further cases around a failure.
    private const int ShrinkIterations = 2_000;

    public static void Check<T>(Gen<T> gen, Action<T> property, Func<T, string> print, ITestOutputHelper output)
    {
        var runs = ReadRuns();
        var runSeed = ReadSeed();
        var master = new PCG(0, runSeed);
        var stopwatch = Stopwatch.StartNew();
        for (var index = 0; index < runs; index++)
        {
            var pcg = new PCG(master.Next(), master.Next64());
            var caseSeed = pcg.ToString(pcg.State);
            var value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception failure)
            {
                throw Shrunk(gen, property, print, runSeed, index, caseSeed, value, failure);
            }
        }

        output.WriteLine($"{runs} cases passed in {stopwatch.Elapsed.TotalSeconds:0.0} s (run seed {runSeed:x16}; replay with {SeedVariable}={runSeed:x16} {RunsVariable}={runs}).");
    }

    private static Exception Shrunk<T>(Gen<T> gen, Action<T> property, Func<T, string> print, ulong runSeed, int index, string caseSeed, T value, Exception failure)
    {
        var header = $"Property failed on case {index} of run seed {runSeed:x16} (replay the run with {SeedVariable}={runSeed:x16}).";
        try
        {
            gen.Sample(property, seed: caseSeed, iter: ShrinkIterations, threads: 1, print: print);
        }
        catch (CsCheckException shrunk)
        {
            // CsCheck's message starts with the seed of the smallest failing case, then prints it.
            return new XunitException($"{header}\nShrunk by CsCheck: {shrunk.Message}\nFailure: {shrunk.InnerException}");
        }

        return new XunitException($"{header} Case seed {caseSeed} (did not fail again while shrinking).\n{print(value)}\nFailure: {failure}");
    }

    private static int ReadRuns()
    {
        var text = Environment.GetEnvironmentVariable(RunsVariable);
        return string.IsNullOrWhiteSpace(text) ? BoundedRuns
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0 ? runs
            : throw new InvalidOperationException($"{RunsVariable}={text} is not a positive whole number.");
    }

    private static ulong ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 32);
        }

        return ulong.TryParse(text.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{SeedVariable}={text} is not a hexadecimal seed.");
    }
}
