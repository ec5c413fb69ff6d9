using System.Diagnostics;
using Anthropic.Models.Messages;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>One shape of traffic: how many requests at once, how large, streamed or not.</summary>
internal sealed record Scenario(int Concurrency, int BodyBytes, bool Streaming)
{
    public override string ToString() =>
        $"{(Concurrency == 1 ? "sequential" : $"{Concurrency} concurrent")}, {(BodyBytes < 1024 ? "small" : $"{BodyBytes / 1000} kB")}, {(Streaming ? "streaming" : "not streaming")}";

    public MessageCreateParams Request { get; } = new()
    {
        Model = "claude-sonnet-4-6",
        MaxTokens = 64,
        Messages = [new UserMessageParam(BodyBytes < 1024 ? "Hello" : new string('x', BodyBytes))],
    };
}

/// <summary>What one batch of requests measured; CPU is the whole process's (client and in-process emulator).</summary>
internal sealed record BatchResult(double RequestsPerSecond, double P50Ms, double P99Ms, double CpuUsPerRequest);

/// <summary>Sends a batch of requests through one client and times each.</summary>
internal static class RequestLoad
{
    public static async Task<BatchResult> RunAsync(IRequestClient client, Scenario scenario, int requests, CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, scenario.Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await SendOneAsync(client, scenario, cancellationToken).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = wall.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuUs = (process.TotalProcessorTime - cpu).TotalMicroseconds / requests;
        Array.Sort(latencies);
        return new BatchResult(requests / seconds, Percentile(latencies, 50), Percentile(latencies, 99), cpuUs);
    }

    public static async Task SendOneAsync(IRequestClient client, Scenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.Streaming)
        {
            var events = 0;
            await foreach (var _ in client.StreamAsync((c, ct) => c.Messages.CreateStreaming(scenario.Request, ct), cancellationToken).ConfigureAwait(false))
            {
                events++;
            }

            if (events == 0)
            {
                throw new InvalidOperationException("The stream carried no events.");
            }
        }
        else
        {
            var message = await client.SendAsync((c, ct) => c.Messages.Create(scenario.Request, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            if (message.Content.Count == 0)
            {
                throw new InvalidOperationException("The answer has no content.");
            }
        }
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
