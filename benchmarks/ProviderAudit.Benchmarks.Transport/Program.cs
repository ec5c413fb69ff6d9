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

var root = new RootCommand("ProviderAudit's transport benchmarks; see docs/performance.md.") { requests, micro };
return await root.Parse(args).InvokeAsync();
