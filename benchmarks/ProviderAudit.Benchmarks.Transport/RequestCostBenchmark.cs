using System.Diagnostics;
using System.Globalization;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.GatewayEmulator.SigV4;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>
/// The microbenchmark's request (no socket, no server) in plain loops, clients in rotating order within each round:
/// process CPU time, wall time and bytes allocated per request, and their ratios to the first-party
/// <c>AnthropicClient</c>, medians of per-round ratios. CPU time and allocations barely move with the machine's
/// load, so this is the figure to trust on a busy machine; BenchmarkDotNet's table is the careful one for a quiet one.
/// </summary>
internal static class RequestCostBenchmark
{
    public static async Task<int> RunAsync(int rounds, int requestsPerRound)
    {
        Console.WriteLine($"request cost: {Clients.Names.Length} clients x small and 100 kB bodies, no socket, {requestsPerRound} requests per client per round, 1 warm-up + {rounds} rounds, clients rotating; {Machine.Describe()}");
        Console.WriteLine();
        Console.WriteLine("| Body | Client | CPU us/request | wall us/request | KB allocated/request | CPU vs first party | wall vs first party | allocated vs first party |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var body in new[] { 0, 100_000 })
        {
            var benchmarks = Clients.Names.ToDictionary(n => n, n => new OneRequestBenchmarks { Client = n, BodyBytes = body });
            foreach (var b in benchmarks.Values)
            {
                b.Setup();
            }

            var samples = Clients.Names.ToDictionary(n => n, _ => new List<Sample>());
            for (var round = -1; round < rounds; round++)
            {
                for (var k = 0; k < Clients.Names.Length; k++)
                {
                    var name = Clients.Names[(k + round + 1) % Clients.Names.Length];
                    var sample = await MeasureAsync(benchmarks[name], requestsPerRound).ConfigureAwait(false);
                    if (round >= 0)
                    {
                        samples[name].Add(sample);
                    }
                }
            }

            foreach (var b in benchmarks.Values)
            {
                b.Cleanup();
            }

            var yardstick = samples[Clients.Names[0]];
            foreach (var name in Clients.Names)
            {
                var s = samples[name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(body == 0 ? "small" : $"{body / 1000} kB")} | {name} | {Median(s.Select(x => x.CpuUs)):F1} | {Median(s.Select(x => x.WallUs)):F1} | {Median(s.Select(x => x.AllocatedKb)):F2} | "
                    + $"{Ratio(s, yardstick, x => x.CpuUs):F2}x | {Ratio(s, yardstick, x => x.WallUs):F2}x | {Ratio(s, yardstick, x => x.AllocatedKb):F2}x |"));
            }
        }

        await GatewayCostAsync(requestsPerRound).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine($"finished; {Machine.Describe()}");
        return 0;
    }

    /// <summary>
    /// What the in-process emulator spends authenticating one request of each client: on loopback it shares the
    /// machine with the client, so the SigV4 verifier's hashing (the body's and the canonical request's, and a
    /// signing key derived afresh each time) counts against SigV4 in the requests benchmark, and never against first party.
    /// </summary>
    private static async Task GatewayCostAsync(int requests)
    {
        Console.WriteLine();
        Console.WriteLine("| Body | Request from | emulator auth CPU us/request | KB allocated/request |");
        Console.WriteLine("|---|---|---|---|");
        var authenticator = new GatewayAuthenticator(Clients.EmulatorOptions());
        foreach (var body in new[] { 0, 100_000 })
        {
            foreach (var name in Clients.Names.Where(n => n.StartsWith("CPA", StringComparison.Ordinal)))
            {
                var request = await CaptureAsync(name, body).ConfigureAwait(false);
                var answer = authenticator.Authenticate(request);
                if (answer.Error is not null)
                {
                    throw new InvalidOperationException($"The emulator refused the captured {name} request: {answer.Error.Message}");
                }

                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < requests; i++)
                {
                    authenticator.Authenticate(request);
                }

                var allocatedKb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / requests;
                process.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(body == 0 ? "small" : $"{body / 1000} kB")} | {name} | {(process.TotalProcessorTime - cpu).TotalMicroseconds / requests:F1} | {allocatedKb:F2} |"));
            }
        }
    }

    /// <summary>The request <paramref name="client"/> puts on the wire, as the emulator would receive it.</summary>
    private static async Task<SigV4Request> CaptureAsync(string client, int body)
    {
        var capture = new CapturingHandler();
        using var export = new CredentialExport(Clients.AccessKeyId, Clients.SecretAccessKey);
        export.Issue(DateTimeOffset.UtcNow.AddHours(1));
        using var requestClient = Clients.Create(client, "http://127.0.0.1:9", () => capture, export, TimeProvider.System);
        await RequestLoad.SendOneAsync(requestClient, new Scenario(1, body, false), CancellationToken.None).ConfigureAwait(false);
        return capture.Last ?? throw new InvalidOperationException($"{client} sent nothing.");
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public SigV4Request? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v))).ToList();
            if (request.Headers.Host is null)
            {
                headers.Add(KeyValuePair.Create("Host", uri.Authority));
            }

            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (request.Content is not null)
            {
                headers.AddRange(request.Content.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v))));
            }

            Last = new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query, headers, body);
            return OneRequestBenchmarks.Answer(request);
        }
    }

    private static async Task<Sample> MeasureAsync(OneRequestBenchmarks benchmark, int requests)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await benchmark.Request().ConfigureAwait(false);
        }

        wall.Stop();
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var cpuUs = (process.TotalProcessorTime - cpu).TotalMicroseconds;
        return new Sample(cpuUs / requests, wall.Elapsed.TotalMicroseconds / requests, allocatedBytes / 1024.0 / requests);
    }

    /// <summary>Median of per-round a/b.</summary>
    private static double Ratio(List<Sample> a, List<Sample> b, Func<Sample, double> value) => Median(a.Zip(b, (x, y) => value(x) / value(y)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Sample(double CpuUs, double WallUs, double AllocatedKb);
}
