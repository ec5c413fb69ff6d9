#!/usr/bin/env bash
# analyzer: PA0001's cost where users pay it, three tables:
#   1. build comparison: benchmarks/run.sh (a ≥200k-line corpus built without an analyzer, with PA0001, with
#      BannedApiAnalyzers banning the same member; whole builds in rotating order)
#   2. no provider type: the same ordinary code with its own ApiProvider enum and no ProviderAudit reference;
#      full compilation diagnostics with and without PA0001, in-process, paired rounds
#   3. incremental edit: one-line edits of one file of the 200k-line corpus; that file's diagnostics on each new
#      compilation through CompilationWithAnalyzers (what an IDE re-runs per keystroke), without an analyzer,
#      with PA0001, with PA0001 searching every member (no member filter), with BannedApiAnalyzers
#   4. whole project in-process: the same 200k-line corpus's analyzer diagnostics through CompilationWithAnalyzers, the
#      audit's analyzers and BannedApiAnalyzers in alternating paired rounds, each analyzer's own time (what ReportAnalyzer
#      reports, without the build around it); prints the PA0001 / BannedApiAnalyzers ratio
#   5. overhead in-process: the same corpus's compiler and analyzer diagnostics, whole, per variant in rotating rounds:
#      compiler only, an empty operation analyzer (the floor, benchmarks/FloorAnalyzer), a syntax analyzer typing each
#      comparison's operand (what a syntax-first PA0001 would still pay), the audit, the audit searching every member's
#      operation tree (its cost without the member filter), BannedApiAnalyzers
#
# usage: benchmarks/analyzer.sh [--quick | --in-process-only] [ROUNDS]   (env: BENCH_OUT=dir, BENCH_LINES=n, BENCH_EDITS=60)
#   --quick: a 20k-line corpus, no build comparison, one round and 5 edits (a smoke run: times nothing)
#   --in-process-only: tables 2 to 5 only (the build comparison takes most of the time)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source benchmarks/corpus.sh
quick=false
builds=true
if [ "${1:-}" = "--quick" ]; then quick=true; builds=false; shift; fi
if [ "${1:-}" = "--in-process-only" ]; then builds=false; shift; fi
rounds=${1:-5}
lines=${BENCH_LINES:-200000}
edits=${BENCH_EDITS:-60}
if $quick; then lines=20000; rounds=1; edits=5; fi
out=${BENCH_OUT:-/tmp/provider-audit-bench}/analyzer
banned_version=$(package_version Microsoft.CodeAnalysis.BannedApiAnalyzers)

if $builds; then
  echo "== 1. build comparison (benchmarks/run.sh $rounds)"
  BENCH_LINES=$lines benchmarks/run.sh "$rounds"
else
  build_audit
fi
build_roslyn_bench

echo "== 2. a project that does not reference the provider type"
rm -rf "$out"
mkdir -p "$out/no-provider" "$out/incremental"
python3 benchmarks/generate_corpus.py "$out/no-provider" --lines "$lines" --no-provider
standalone_corpus "$out/no-provider" 'dotnet_diagnostic.PA0001.severity = warning\n'
# The harness runs only the analyzers of the rule it measures, whatever else the project loads.
corpus_project "$out/no-provider" "    <Analyzer Include=\"$analyzer_dll\" />"
$roslyn_bench analyzer-no-provider --project "$out/no-provider/Corpus.csproj" --rounds "$rounds"

echo "== 3. incremental single-file edit"
python3 benchmarks/generate_corpus.py "$out/incremental" --lines "$lines"
standalone_corpus "$out/incremental" 'dotnet_diagnostic.PA0001.severity = warning\ndotnet_diagnostic.RS0030.severity = warning\n'
printf 'F:ProviderAudit.Runtime.ApiProvider.FirstParty; ask provider.ModelIdFormat() or provider.AuthTransport()\n' > "$out/incremental/BannedSymbols.txt"
corpus_project "$out/incremental" "    <Reference Include=\"ProviderAudit.Abstractions\" HintPath=\"$capabilities_dll\" />
    <Analyzer Include=\"$analyzer_dll\" />
    <PackageReference Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\" Version=\"$banned_version\" PrivateAssets=\"all\" />
    <AdditionalFiles Include=\"BannedSymbols.txt\" />"
$roslyn_bench analyzer-incremental --project "$out/incremental/Corpus.csproj" --edits "$edits"

echo "== 4. whole project in-process: each analyzer's own time, PA0001 vs BannedApiAnalyzers"
$roslyn_bench analyzer-whole --project "$out/incremental/Corpus.csproj" --rounds "$rounds"

echo "== 5. overhead in-process: compiler only, the floor, a syntax-first floor, the audit, BannedApiAnalyzers"
$roslyn_bench analyzer-overhead --project "$out/incremental/Corpus.csproj" --rounds "$rounds"
