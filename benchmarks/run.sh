#!/usr/bin/env bash
# Builds one generated ≥200k-line corpus four ways, side by side in one run, and reports median times:
#   baseline  no analyzer
#   floor     an analyzer that registers PA0001's operation kinds and does nothing (benchmarks/FloorAnalyzer): what the
#             compiler charges any operation analyzer, the part of the audit's build overhead its own work cannot remove
#   audit     ProviderAudit.Analyzers (PA0001)
#   banned    Microsoft.CodeAnalysis.BannedApiAnalyzers banning F:ProviderAudit.Runtime.ApiProvider.FirstParty
# Each round builds every variant from scratch (--no-incremental, same compiler server), in a rotating
# order so drift on a shared machine hits all three alike; medians over the rounds are reported.
#
# usage: benchmarks/run.sh [ROUNDS]   (env: BENCH_OUT=dir (the corpus goes to dir/build), BENCH_LINES=n, BENCH_CHECK_SHARE=0.01)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
rounds=${1:-5}
out=${BENCH_OUT:-/tmp/provider-audit-bench}/build
lines=${BENCH_LINES:-200000}
check_share=${BENCH_CHECK_SHARE:-0.01}
source benchmarks/corpus.sh
banned_version=$(package_version Microsoft.CodeAnalysis.BannedApiAnalyzers)

build_audit

echo "== generating the corpus in $out"
rm -rf "$out"
mkdir -p "$out"
python3 benchmarks/generate_corpus.py "$out" --lines "$lines" --check-share "$check_share"
standalone_corpus "$out" 'dotnet_diagnostic.PA0001.severity = warning\ndotnet_diagnostic.RS0030.severity = warning\n'

echo "== building the floor analyzer (benchmarks/FloorAnalyzer)"
mkdir -p "$out/floor-analyzer"
standalone_corpus "$out/floor-analyzer" ''
cat > "$out/floor-analyzer/FloorAnalyzer.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$repo/benchmarks/FloorAnalyzer/*.cs" />
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="$(package_version Microsoft.CodeAnalysis.CSharp)" PrivateAssets="all" />
  </ItemGroup>
</Project>
PROJ
dotnet build "$out/floor-analyzer/FloorAnalyzer.csproj" -c Release -nologo -v:q -clp:NoSummary -o "$out/floor-analyzer/bin"
floor_dll=$out/floor-analyzer/bin/FloorAnalyzer.dll

write_project() { # name, extra items
  mkdir -p "$out/$1"
  cat > "$out/$1/Corpus.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <!-- Only the analyzer under test runs: no SDK code-quality or style analyzers in any variant. -->
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
    <NoWarn>\$(NoWarn);CS0168;CS0219;CS8321</NoWarn>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="../src/**/*.cs" />
    <Reference Include="ProviderAudit.Abstractions" HintPath="$capabilities_dll" />
  </ItemGroup>
$2
</Project>
PROJ
}
write_project baseline ''
write_project floor "  <ItemGroup>
    <Analyzer Include=\"$floor_dll\" />
  </ItemGroup>"
write_project audit "  <ItemGroup>
    <Analyzer Include=\"$analyzer_dll\" />
  </ItemGroup>"
write_project banned "  <ItemGroup>
    <PackageReference Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\" Version=\"$banned_version\" PrivateAssets=\"all\" />
    <AdditionalFiles Include=\"BannedSymbols.txt\" />
  </ItemGroup>"
printf 'F:ProviderAudit.Runtime.ApiProvider.FirstParty; ask provider.ModelIdFormat() or provider.AuthTransport()\n' > "$out/banned/BannedSymbols.txt"

variants=(baseline floor audit banned)
for v in "${variants[@]}"; do
  dotnet restore "$out/$v/Corpus.csproj" -nologo -v:q
done

build() { # variant, log
  local start end
  start=$(date +%s.%N)
  # Processor time (user + system of the build and the compiler it starts) beside wall time: on this 2-core VM the
  # wall time of one variant moves ±10 % between rounds even with nothing else running, processor time much less.
  /usr/bin/time -f '%U %S' -o "$2.cpu" dotnet build "$out/$1/Corpus.csproj" --no-restore --no-incremental -c Release -nologo -nr:false \
    -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$2" 2>&1
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }' > "$2.wall"
}

echo "== warm-up (compiler server, file cache): one build per variant, not counted"
mkdir -p "$out/logs"
for v in "${variants[@]}"; do build "$v" "$out/logs/warmup-$v.log"; done

for r in $(seq 1 "$rounds"); do
  shift_by=$(( (r - 1) % ${#variants[@]} ))
  order=("${variants[@]:$shift_by}" "${variants[@]:0:$shift_by}")
  echo "== round $r/$rounds: ${order[*]}"
  for v in "${order[@]}"; do build "$v" "$out/logs/round$r-$v.log"; done
done

python3 benchmarks/summarize.py "$out/logs" "$rounds" "$lines"
