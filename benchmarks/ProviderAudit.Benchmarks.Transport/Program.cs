using System.CommandLine;
using BenchmarkDotNet.Running;
using ProviderAudit.Benchmarks.Transport;

var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 3, Description = "Measured rounds per scenario." };
var quick = new Option<bool>("--quick") { Description = "A smoke run: one round of a few requests (proves the suite works, times nothing)." };
var requests = new Command("requests", "Every client against the gateway emulator on loopback: req/s, p50/p99 and ratios to first party; credential resolutions.") { rounds, quick };
requests.SetAction((parse, cancellationToken) => parse.GetValue(quick)
    ? RequestsBenchmark.RunAsync(1, 10, 2, cancellationToken)
    : RequestsBenchmark.RunAsync(parse.GetValue(rounds), 300, 25, cancellationToken));

var micro = new Command("micro", "BenchmarkDotNet: one request through each client with no socket (pass BenchmarkDotNet options after --).");
micro.TreatUnmatchedTokensAsErrors = false;
micro.SetAction(parse =>
{
    BenchmarkSwitcher.FromAssembly(typeof(OneRequestBenchmarks).Assembly).Run([.. parse.UnmatchedTokens, "--filter", "*"]);
    return 0;
});

var loopClient = new Option<string>("--client") { Required = true, Description = "One of the clients the microbenchmark compares, e.g. \"CPA API key (runtime)\"." };
var loopCount = new Option<int>("--count") { DefaultValueFactory = _ => 20_000, Description = "Requests to send." };
var loopBody = new Option<int>("--body") { DefaultValueFactory = _ => 0, Description = "The user message's size in bytes (0: a small request)." };
var loop = new Command("micro-loop", "The microbenchmark's request in a plain loop, to run under a profiler.") { loopClient, loopCount, loopBody };
loop.SetAction((parse, _) => OneRequestBenchmarks.LoopAsync(parse.GetValue(loopClient)!, parse.GetValue(loopBody), parse.GetValue(loopCount)));

var costRounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 5, Description = "Measured rounds." };
var costRequests = new Option<int>("--requests") { DefaultValueFactory = _ => 2_000, Description = "Requests per client per round." };
var cost = new Command("cost", "The microbenchmark's request in loops, clients rotating: CPU time, wall time and allocations per request, ratios to first party.") { costRounds, costRequests };
cost.SetAction((parse, _) => RequestCostBenchmark.RunAsync(parse.GetValue(costRounds), parse.GetValue(costRequests)));

var catalogRuns = new Option<int>("--runs") { DefaultValueFactory = _ => 5, Description = "`ask` runs per mode." };
var catalog = new Command("catalog", "Requests per `ProviderHost ask` at the emulator with and without the live model catalog (cold, then warm cache).") { catalogRuns };
catalog.SetAction((parse, _) => CatalogRequestCount.RunAsync(parse.GetValue(catalogRuns)));

var root = new RootCommand("ProviderAudit's transport benchmarks; see docs/performance.md.") { requests, micro, loop, cost, catalog };
return await root.Parse(args).InvokeAsync();
