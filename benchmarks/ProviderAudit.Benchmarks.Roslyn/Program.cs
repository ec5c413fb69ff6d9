using System.CommandLine;
using ProviderAudit.Benchmarks.Roslyn;

var project = new Option<FileInfo>("--project") { Required = true, Description = "The generated corpus project (benchmarks/*.sh writes it)." };
var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 3, Description = "Measured rounds." };
var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 1, Description = "Rounds run first and not counted." };
var sites = new Option<int>("--sites") { Required = true, Description = "Sites of each rule the corpus was generated with." };
var only = new Option<string?>("--only") { Description = "Time one rule only (for profiling); prints no comparison." };
var noFormat = new Option<bool>("--no-format") { Description = "Skip the whole-process dotnet format runs." };

var fixAll = new Command("fix-all", "PA0001 vs CA1820 Fix All on one corpus: dotnet format and in-process.") { project, sites, rounds, warmup, noFormat, only };
fixAll.SetAction((parse, cancellationToken) => FixAllBenchmark.RunAsync(
    parse.GetValue(project)!.FullName, parse.GetValue(sites), parse.GetValue(rounds), parse.GetValue(warmup), !parse.GetValue(noFormat), parse.GetValue(only), cancellationToken));

var lightbulbSites = new Option<int>("--sites") { DefaultValueFactory = _ => 400, Description = "Sites of each rule to time." };
var lightbulbWarmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 40, Description = "Sites of each rule timed first and not counted." };
var lightbulb = new Command("lightbulb", "Per-site RegisterCodeFixesAsync and action-to-document times, PA0001 vs CA1820.") { project, lightbulbSites, lightbulbWarmup, only };
lightbulb.SetAction((parse, cancellationToken) => LightbulbBenchmark.RunAsync(
    parse.GetValue(project)!.FullName, parse.GetValue(lightbulbSites), parse.GetValue(lightbulbWarmup), parse.GetValue(only), cancellationToken));

var noProvider = new Command("analyzer-no-provider", "Compilation diagnostics with and without PA0001 on a project that never references the provider type.") { project, rounds };
noProvider.SetAction((parse, cancellationToken) => AnalyzerBenchmark.NoProviderAsync(parse.GetValue(project)!.FullName, parse.GetValue(rounds), cancellationToken));

var edits = new Option<int>("--edits") { DefaultValueFactory = _ => 60, Description = "Measured edits per variant." };
var incremental = new Command("analyzer-incremental", "One-file edits in a large project: the file's diagnostics per new compilation, without an analyzer, with PA0001, with BannedApiAnalyzers.") { project, edits };
incremental.SetAction((parse, cancellationToken) => AnalyzerBenchmark.IncrementalAsync(parse.GetValue(project)!.FullName, parse.GetValue(edits), cancellationToken));

var whole = new Command("analyzer-whole", "The whole project's analyzer diagnostics in-process: each analyzer's own time, the audit's analyzers vs BannedApiAnalyzers in paired rounds.") { project, rounds, only };
whole.SetAction((parse, cancellationToken) => AnalyzerBenchmark.WholeProjectAsync(parse.GetValue(project)!.FullName, parse.GetValue(rounds), parse.GetValue(only), cancellationToken));

var overhead = new Command("analyzer-overhead", "The whole project's compiler and analyzer diagnostics in-process: compiler only, with an empty operation analyzer, with the audit, with BannedApiAnalyzers.") { project, rounds };
overhead.SetAction((parse, cancellationToken) => OverheadBenchmark.RunAsync(parse.GetValue(project)!.FullName, parse.GetValue(rounds), cancellationToken));

var root = new RootCommand("ProviderAudit's Roslyn benchmarks; see docs/performance.md.") { fixAll, lightbulb, noProvider, incremental, whole, overhead };
return await root.Parse(args).InvokeAsync();
