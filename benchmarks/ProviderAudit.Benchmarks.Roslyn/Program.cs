using System.CommandLine;
using ProviderAudit.Benchmarks.Roslyn;

var project = new Option<FileInfo>("--project") { Required = true, Description = "The generated corpus project (benchmarks/*.sh writes it)." };
var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 3, Description = "Measured rounds." };
var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 1, Description = "Rounds run first and not counted." };
var sites = new Option<int>("--sites") { Required = true, Description = "Sites of each rule the corpus was generated with." };
var noFormat = new Option<bool>("--no-format") { Description = "Skip the whole-process dotnet format runs." };

var fixAll = new Command("fix-all", "PA0001 vs CA1820 Fix All on one corpus: dotnet format and in-process.") { project, sites, rounds, warmup, noFormat };
fixAll.SetAction((parse, cancellationToken) => FixAllBenchmark.RunAsync(
    parse.GetValue(project)!.FullName, parse.GetValue(sites), parse.GetValue(rounds), parse.GetValue(warmup), !parse.GetValue(noFormat), cancellationToken));

var root = new RootCommand("ProviderAudit's Roslyn benchmarks; see docs/performance.md.") { fixAll };
return await root.Parse(args).InvokeAsync();
