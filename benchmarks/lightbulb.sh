#!/usr/bin/env bash
# lightbulb: per site, the time from RegisterCodeFixesAsync to the actions being registered, and from invoking the
# first action to its changed document, PA0001 vs CA1820 on the fix-all corpus with 1,000 sites of each (sites
# alternating, 400 of each timed after 40 not counted), p50/p95 and their ratios.
#
# usage: benchmarks/lightbulb.sh [--quick]   (env: BENCH_OUT=dir)
#   --quick: the 100-site corpus, 40 sites of each after 10 (a smoke run: proves the suite works, times nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source benchmarks/corpus.sh
sites=1000 timed=400 warmup=40
if [ "${1:-}" = "--quick" ]; then sites=100 timed=40 warmup=10; fi
dir=${BENCH_OUT:-/tmp/provider-audit-bench}/lightbulb/$sites
build_audit
build_roslyn_bench
echo "== corpus with $sites sites of each rule in $dir"
fix_corpus "$dir" "$sites"
$roslyn_bench lightbulb --project "$dir/Corpus.csproj" --sites "$timed" --warmup "$warmup"
