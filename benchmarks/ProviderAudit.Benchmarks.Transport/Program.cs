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
var loop = new Command("micro-loop", "The microbenchmark's request in a plain loop, to run under a profiler.") { loopClient, loopCount };
loop.SetAction((parse, _) => OneRequestBenchmarks.LoopAsync(parse.GetValue(loopClient)!, parse.GetValue(loopCount)));

var root = new RootCommand("ProviderAudit's transport benchmarks; see docs/performance.md.") { requests, micro, loop };
return await root.Parse(args).InvokeAsync();
