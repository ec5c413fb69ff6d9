#!/usr/bin/env bash
# fix-all: PA0001's code fix vs CA1820's (roslyn-analyzers' string-emptiness fixer) on the same generated corpus,
# N sites of each rule at one site of each per 100 lines, for N = 100, 1,000 and 5,000. Each size prints one table:
# load / analysis / fix seconds and fix ms per site, whole process through `dotnet format analyzers` and in-process
# through each fixer's FixAllProvider over the loaded Solution, with PA0001/CA1820 ratios of paired rounds.
#
# usage: benchmarks/fix-all.sh [--quick] [ROUNDS]   (env: BENCH_OUT=dir, BENCH_SITES="100 1000 5000")
#   --quick: 100 sites, one round, in-process only, no warm-up (a smoke run: proves the suite works, times nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
source benchmarks/corpus.sh
quick=false
if [ "${1:-}" = "--quick" ]; then quick=true; shift; fi
rounds=${1:-3}
out=${BENCH_OUT:-/tmp/provider-audit-bench}/fix-all
sizes=${BENCH_SITES:-100 1000 5000}
harness_args=(--rounds "$rounds" --warmup 1)
if $quick; then sizes=100; harness_args=(--rounds 1 --warmup 0 --no-format); fi
netanalyzers_version=$(package_version Microsoft.CodeAnalysis.NetAnalyzers)

build_audit
build_roslyn_bench
for sites in $sizes; do
  dir=$out/$sites
  echo "== corpus with $sites sites of each rule in $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 benchmarks/generate_corpus.py "$dir" --lines $((sites * 100)) --sites "$sites"
  standalone_corpus "$dir" 'dotnet_diagnostic.PA0001.severity = warning\ndotnet_diagnostic.CA1820.severity = warning\n'
  cat > "$dir/Corpus.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS0168;CS0219;CS8321</NoWarn>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/**/*.cs" />
    <Reference Include="ProviderAudit.Runtime" HintPath="$runtime_dll" />
    <Analyzer Include="$analyzer_dll" />
    <Analyzer Include="$codefix_dll" />
    <!-- CA1820's analyzer and fixer; the SDK's bundled copy steps aside for the package. -->
    <PackageReference Include="Microsoft.CodeAnalysis.NetAnalyzers" Version="$netanalyzers_version" PrivateAssets="all" />
  </ItemGroup>
</Project>
PROJ
  dotnet restore "$dir/Corpus.csproj" -nologo -v:q
  cp -r "$dir/src" "$dir/src.pristine"
  $roslyn_bench fix-all --project "$dir/Corpus.csproj" --sites "$sites" "${harness_args[@]}"
done
