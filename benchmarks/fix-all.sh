#!/usr/bin/env bash
# fix-all: PA0001's code fix vs CA1820's (roslyn-analyzers' string-emptiness fixer) on the same generated corpus,
# N sites of each rule at one site of each per 100 lines, for N = 100, 1,000 and 5,000. Each size prints one table:
# load / analysis / fix seconds and fix ms per site, whole process through `dotnet format analyzers` and in-process
# through each fixer's FixAllProvider over the loaded Solution, with PA0001/CA1820 ratios of paired rounds.
#
# usage: benchmarks/fix-all.sh [--quick | --in-process-only] [ROUNDS]   (env: BENCH_OUT=dir, BENCH_SITES="100 1000 5000")
#   --quick: 100 sites, one round, in-process only, no warm-up (a smoke run: proves the suite works, times nothing)
#   --in-process-only: no dotnet format runs (they take most of the time: each loads and analyzes the corpus again)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source benchmarks/corpus.sh
quick=false
format=true
if [ "${1:-}" = "--quick" ]; then quick=true; shift; fi
if [ "${1:-}" = "--in-process-only" ]; then format=false; shift; fi
rounds=${1:-3}
out=${BENCH_OUT:-/tmp/provider-audit-bench}/fix-all
sizes=${BENCH_SITES:-100 1000 5000}
harness_args=(--rounds "$rounds" --warmup 1)
if ! $format; then harness_args+=(--no-format); fi
if $quick; then sizes=100; harness_args=(--rounds 1 --warmup 0 --no-format); fi

build_audit
build_roslyn_bench
for sites in $sizes; do
  dir=$out/$sites
  echo "== corpus with $sites sites of each rule in $dir"
  fix_corpus "$dir" "$sites"
  $roslyn_bench fix-all --project "$dir/Corpus.csproj" --sites "$sites" "${harness_args[@]}"
done
