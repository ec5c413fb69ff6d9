#!/usr/bin/env bash
# transport: the first-party AnthropicClient vs the runtime's request clients (first party, CPA SigV4 with temporary
# credentials from awsCredentialExport, CPA API key) against the gateway emulator on loopback, sequential and 32
# concurrent, small and 100 kB bodies, streaming and not: req/s, p50/p99 and their ratios to first party, then
# credential resolutions per credential lifetime at 32-way concurrency. Then the requests each `ProviderHost ask` sends
# with the live model catalog (cold cache, then warm) and without it, counted at the emulator. Then (not with --quick)
# BenchmarkDotNet: one request through each client with no socket (the client's own CPU and allocations per request).
#
# usage: benchmarks/transport.sh [--quick] [ROUNDS]
#   --quick: one round of a few requests, no BenchmarkDotNet (a smoke run: proves the suite works, times nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
quick=false
if [ "${1:-}" = "--quick" ]; then quick=true; shift; fi
rounds=${1:-3}
project=benchmarks/ProviderAudit.Benchmarks.Transport
echo "== building $project (Release)"
dotnet build "$project/ProviderAudit.Benchmarks.Transport.csproj" -c Release -nologo -v:q -clp:NoSummary
bench="dotnet $project/bin/Release/net10.0/ProviderAudit.Benchmarks.Transport.dll"
if $quick; then
  $bench requests --quick
  $bench catalog --runs 2
else
  $bench requests --rounds "$rounds"
  $bench catalog --runs 5
  # BenchmarkDotNet writes its reports under the current directory.
  mkdir -p "${BENCH_OUT:-/tmp/provider-audit-bench}/transport"
  (cd "${BENCH_OUT:-/tmp/provider-audit-bench}/transport" && $bench micro --inProcess)
fi
