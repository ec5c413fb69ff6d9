using System.Globalization;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.Runtime.Catalog;
using ProviderAudit.Runtime.Status;
using ProviderHost;

namespace ProviderAudit.Benchmarks.Transport;

/// <summary>
/// Counts, at the gateway emulator, the requests each <c>ProviderHost ask</c> sends with the live catalog on (as
/// Program.cs runs it: lists cached on disk under HOME), each run a fresh catalog as a new process would have, next to
/// runs without a catalog. The claim measured: a warm cache adds no request to <c>ask</c>.
/// </summary>
internal static class CatalogRequestCount
{
    public static async Task<int> RunAsync(int runs)
    {
        var home = Directory.CreateTempSubdirectory("provider-audit-catalog-bench-").FullName;
        try
        {
            await using var emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
            {
                Region = "us-east-1",
                WorkspaceId = "wrkspc_bench",
                AccessKeys = new Dictionary<string, string> { ["AKIABENCHMARK000001"] = "benchSecretKey/000000000000000000000000" },
                Models = ["claude-opus-5-5", "claude-opus-4-5-20251101", "claude-sonnet-4-6", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"],
                ModelPageSize = 2,
            });
            var env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = home,
                ["PATH"] = "/usr/bin:/bin",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["ANTHROPIC_AWS_WORKSPACE_ID"] = "wrkspc_bench",
                ["AWS_REGION"] = "us-east-1",
                ["ANTHROPIC_AWS_BASE_URL"] = emulator.BaseUri.ToString().TrimEnd('/'),
                ["AWS_ACCESS_KEY_ID"] = "AKIABENCHMARK000001",
                ["AWS_SECRET_ACCESS_KEY"] = "benchSecretKey/000000000000000000000000",
            };

            Console.WriteLine($"== catalog: requests per `ProviderHost ask` at the emulator (5 models, 2 per page), {runs} runs each");
            Console.WriteLine("mode                 run  /v1/models  /v1/messages  exit");
            var failures = 0;
            foreach (var withCatalog in new[] { false, true })
            {
                for (var run = 1; run <= runs; run++)
                {
                    var before = (Models: emulator.ModelListRequests.Count, Messages: emulator.MessageRequests.Count);
                    var options = withCatalog
                        ? new RuntimeStatusOptions { Models = new LiveModelCatalog(new LiveModelCatalogOptions { CacheDirectory = LiveModelCatalog.DefaultCacheDirectory(env) }) }
                        : RuntimeStatusOptions.Default;
                    var stderr = new StringWriter();
                    var exit = ProviderHostCli.Run(["ask", "Hello"], env, TextWriter.Null, stderr, statusOptions: options);
                    failures += exit == 0 ? 0 : 1;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{(withCatalog ? "live catalog (disk)" : "no catalog"),-20} {run,3}  {emulator.ModelListRequests.Count - before.Models,10}  {emulator.MessageRequests.Count - before.Messages,12}  {exit,4}"));
                    if (exit != 0)
                    {
                        Console.WriteLine("  " + stderr.ToString().Trim());
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"total: {emulator.ModelListRequests.Count} /v1/models, {emulator.MessageRequests.Count} /v1/messages, {emulator.Requests.Count} requests"));
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
