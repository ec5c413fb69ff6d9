using System.Globalization;
using System.Text;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Runtime;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>
/// Every client against one gateway emulator on loopback, scenario by scenario, clients in rotating order within
/// each round; ratios to the first-party AnthropicClient are medians of per-round ratios. Then credential
/// resolutions per credential lifetime at 32-way concurrency.
/// </summary>
internal static class RequestsBenchmark
{
    public static async Task<int> RunAsync(int rounds, int sequentialRequests, int concurrentRequestsPerWorker, CancellationToken cancellationToken)
    {
        Console.WriteLine($"transport: {Clients.Names.Length} clients x 8 scenarios, 1 warm-up + {rounds} rounds, clients rotating; {Machine.Describe()}");
        await using var emulator = await CpaGatewayEmulator.StartAsync(EmulatorOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var baseUrl = emulator.BaseUri.ToString().TrimEnd('/');
        using var export = new CredentialExport(Clients.AccessKeyId, Clients.SecretAccessKey);
        var clock = new ManualClock();
        export.Issue(clock.GetUtcNow().AddHours(1));
        var clients = Clients.Names.ToDictionary(n => n, n => Clients.Create(n, baseUrl, Primary, export, clock));
        var scenarios = (
            from concurrency in new[] { 1, 32 }
            from body in new[] { 0, 100_000 }
            from streaming in new[] { false, true }
            select new Scenario(concurrency, body, streaming)).ToList();

        var report = new StringBuilder();
        report.AppendLine("| Scenario | Client | req/s | p50 (ms) | p99 (ms) | CPU us/request | cost vs first party: 1/throughput | p50 | p99 | CPU |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var worst = new List<(string Client, string Scenario, double Ratio, double Cpu)>();
        foreach (var scenario in scenarios)
        {
            var requests = scenario.Concurrency == 1 ? sequentialRequests : scenario.Concurrency * concurrentRequestsPerWorker;
            var results = Clients.Names.ToDictionary(n => n, _ => new List<BatchResult>());
            for (var round = -1; round < rounds; round++)
            {
                for (var k = 0; k < Clients.Names.Length; k++)
                {
                    var name = Clients.Names[(k + round + 1) % Clients.Names.Length];
                    var result = await RequestLoad.RunAsync(clients[name], scenario, requests, cancellationToken).ConfigureAwait(false);
                    if (round >= 0)
                    {
                        results[name].Add(result);
                    }
                }
            }

            var yardstick = results[Clients.Names[0]];
            foreach (var name in Clients.Names)
            {
                var r = results[name];
                var cost = Ratio(yardstick.Select(b => b.RequestsPerSecond), r.Select(b => b.RequestsPerSecond));
                var p50 = Ratio(r.Select(b => b.P50Ms), yardstick.Select(b => b.P50Ms));
                var p99 = Ratio(r.Select(b => b.P99Ms), yardstick.Select(b => b.P99Ms));
                var cpu = Ratio(r.Select(b => b.CpuUsPerRequest), yardstick.Select(b => b.CpuUsPerRequest));
                report.AppendLine(Invariant($"| {scenario} | {name} | {Median(r.Select(b => b.RequestsPerSecond)):F0} | {Median(r.Select(b => b.P50Ms)):F2} | {Median(r.Select(b => b.P99Ms)):F2} | {Median(r.Select(b => b.CpuUsPerRequest)):F0} | {cost:F2}x | {p50:F2}x | {p99:F2}x | {cpu:F2}x |"));
                if (name.StartsWith("CPA", StringComparison.Ordinal))
                {
                    worst.Add((name, scenario.ToString(), cost, cpu));
                }
            }
        }

        var resolutionsDuringRun = export.Resolutions;
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine(report);
        foreach (var group in worst.GroupBy(w => w.Client))
        {
            var max = group.MaxBy(w => w.Ratio);
            var maxCpu = group.MaxBy(w => w.Cpu);
            Console.WriteLine(Invariant($"- {group.Key}: throughput cost vs first party {group.Min(w => w.Ratio):F2}x–{max.Ratio:F2}x (worst: {max.Scenario}); goal <= 1.10x: {(max.Ratio <= 1.10 ? "met" : "not met")}; CPU per request vs first party {group.Min(w => w.Cpu):F2}x–{maxCpu.Cpu:F2}x (worst: {maxCpu.Scenario})"));
        }

        Console.WriteLine($"- finished: {Machine.Describe()}");
        Console.WriteLine(Invariant($"- CPA SigV4 credential resolutions during the whole run above (one credential lifetime, {rounds + 1} rounds x 8 scenarios): {resolutionsDuringRun}"));
        var perLifetime = await ResolutionsPerLifetimeAsync(baseUrl, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"- credential resolutions per lifetime, 32 concurrent requests from a cold client, then after each expiry: {string.Join(", ", perLifetime)} (goal: exactly 1 each: {(perLifetime.All(n => n == 1) ? "met" : "not met")})");
        return 0;
    }

    private static async Task<List<int>> ResolutionsPerLifetimeAsync(string baseUrl, CancellationToken cancellationToken)
    {
        using var export = new CredentialExport(Clients.AccessKeyId, Clients.SecretAccessKey);
        var clock = new ManualClock();
        using var client = Clients.Create("CPA SigV4 (runtime)", baseUrl, Primary, export, clock);
        var scenario = new Scenario(32, 0, false);
        var counts = new List<int>();
        for (var lifetime = 0; lifetime < 3; lifetime++)
        {
            export.Issue(clock.GetUtcNow().AddHours(1));
            var before = export.Resolutions;
            await Task.WhenAll(Enumerable.Range(0, scenario.Concurrency).Select(_ => RequestLoad.SendOneAsync(client, scenario, cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(Enumerable.Range(0, scenario.Concurrency).Select(_ => RequestLoad.SendOneAsync(client, scenario, cancellationToken))).ConfigureAwait(false);
            counts.Add(export.Resolutions - before);
            clock.Advance(TimeSpan.FromHours(2));
        }

        return counts;
    }

    private static GatewayEmulatorOptions EmulatorOptions() => Clients.EmulatorOptions();

    private static HttpMessageHandler Primary() => new WorkspaceHeaderHandler(new SocketsHttpHandler());

    /// <summary>Median of per-round a/b.</summary>
    private static double Ratio(IEnumerable<double> a, IEnumerable<double> b) => Median(a.Zip(b, (x, y) => x / y));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
