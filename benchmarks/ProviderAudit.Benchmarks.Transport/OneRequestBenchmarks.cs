using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Runtime;
using ProviderAudit.Runtime.Requests;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>
/// One non-streaming request through each client with no socket and no server: the innermost handler answers at
/// once, so what is measured is the client's own work per request (SDK serialization, our handlers, SigV4 signing).
/// CPA API key minus first party is our plumbing and header guard; CPA SigV4 minus CPA API key is signing.
/// </summary>
[MemoryDiagnoser]
public class OneRequestBenchmarks
{
    private static readonly byte[] AnswerBytes = Encoding.UTF8.GetBytes(GatewayResponses.Message("msg_bench", "claude-sonnet-4-6", "Hello.", 5));
    private Scenario _scenario = new(1, 0, false);
    private CredentialExport? _export;
    private IRequestClient? _client;

    [Params("first party (AnthropicClient)", "first party (runtime)", "CPA SigV4 (runtime)", "CPA API key (runtime)")]
    public string Client { get; set; } = "";

    /// <summary>The user message's size: a small request, or 100 kB (where hashing and copying the body show).</summary>
    [Params(0, 100_000)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new Scenario(1, BodyBytes, false);
        _export = new CredentialExport(Clients.AccessKeyId, Clients.SecretAccessKey);
        _export.Issue(DateTimeOffset.UtcNow.AddHours(1));
        _client = Clients.Create(Client, "http://127.0.0.1:9", () => new AnsweringHandler(), _export, TimeProvider.System);
        _client.PrepareAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _export?.Dispose();
    }

    [Benchmark]
    public Task Request() => RequestLoad.SendOneAsync(_client!, _scenario, CancellationToken.None);

    /// <summary>
    /// The same request in a plain loop, for a profiler (dotnet-trace) rather than BenchmarkDotNet; prints the mean
    /// per request of the second half of the loop.
    /// </summary>
    public static async Task<int> LoopAsync(string client, int bodyBytes, int count)
    {
        var benchmark = new OneRequestBenchmarks { Client = client, BodyBytes = bodyBytes };
        benchmark.Setup();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                if (i == count / 2)
                {
                    clock.Restart();
                }

                await benchmark.Request().ConfigureAwait(false);
            }

            Console.WriteLine(FormattableString.Invariant($"{client}: {clock.Elapsed.TotalMilliseconds * 1000 / (count - (count / 2)):F1} us per request over the last {count - (count / 2)} of {count}"));
            return 0;
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    /// <summary>Answers every request with one fixed message, reading the request body as a server would.</summary>
    private sealed class AnsweringHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            return Answer(request);
        }
    }

    /// <summary>The fixed answer to <paramref name="request"/>.</summary>
    internal static HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(AnswerBytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
