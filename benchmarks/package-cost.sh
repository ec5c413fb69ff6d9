#!/usr/bin/env bash
# package-cost: what adopting the audit costs a library's build, with the ProviderAudit package of this checkout
# (capability types + analyzer, no dependencies) against the single ProviderAudit package of an older commit (the
# 0.1.0 layout: runtime + analyzer, the SDK graph as dependencies).
#
# Both packages are packed into their own local feeds; one generated library (benchmarks/generate_corpus.py, its own
# code using ApiProvider the way application code does) is copied twice, each copy referencing one package by a plain
# PackageReference, as a team adds it. Then:
#   1. the package graph each copy restores (obj/project.assets.json);
#   2. analyzer time per build (-p:ReportAnalyzer=true): PA0001's own, and every other analyzer the package brought;
#   3. whole builds (--no-incremental, restore done), old and new alternated in pairs, ROUNDS pairs; the ratio new/old
#      of each pair and the median.
# The library targets net10.0: the old package restores nowhere else (lib/net8.0 only).
#
# usage: benchmarks/package-cost.sh [ROUNDS]   (env: BENCH_OUT=dir, BENCH_LINES=n (default 20000), BENCH_OLD_REF=commit (default e9df163, the last 0.1.0-layout commit))
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
rounds=${1:-5}
lines=${BENCH_LINES:-20000}
old_ref=${BENCH_OLD_REF:-e9df163}
out=${BENCH_OUT:-/tmp/provider-audit-bench}/package-cost
source benchmarks/corpus.sh
export MSBUILDTERMINALLOGGER=off

rm -rf "$out"
mkdir -p "$out/old-src" "$out/logs"

echo "== packing the old single package from $old_ref ($(git rev-parse --short "$old_ref"))"
git archive "$old_ref" | tar -x -C "$out/old-src"
dotnet pack "$out/old-src/analyzers/ProviderAudit.Package/ProviderAudit.Package.csproj" -c Release -o "$out/feed-old" \
  --artifacts-path "$out/artifacts-old" -nologo -v:q -clp:NoSummary
echo "== packing ProviderAudit from this checkout"
dotnet pack abstractions/ProviderAudit.Abstractions/ProviderAudit.Abstractions.csproj -c Release -o "$out/feed-new" \
  --artifacts-path "$out/artifacts-new" -nologo -v:q -clp:NoSummary
old_version=$(ls "$out/feed-old" | sed -n 's/^ProviderAudit\.\([0-9][^/]*\)\.nupkg$/\1/p')
new_version=$(ls "$out/feed-new" | sed -n 's/^ProviderAudit\.\([0-9][^/]*\)\.nupkg$/\1/p')

echo "== generating a ${lines}-line library"
python3 benchmarks/generate_corpus.py "$out/corpus" --lines "$lines"

# library NAME FEED VERSION: a standalone copy referencing ProviderAudit VERSION from FEED only (own packages folder).
library() {
  local dir=$out/$1
  mkdir -p "$dir"
  cp -r "$out/corpus/src" "$dir/src"
  standalone_corpus "$dir" 'dotnet_diagnostic.PA0001.severity = warning\n'
  cat > "$dir/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$out/packages-$1" /></config>
  <packageSources><add key="local" value="$2" /></packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="ProviderAudit*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
  corpus_project "$dir" "    <PackageReference Include=\"ProviderAudit\" Version=\"$3\" />"
}
library old "$out/feed-old" "$old_version"
library new "$out/feed-new" "$new_version"

echo
echo "== 1. packages restored (net10.0)"
for v in old new; do
  python3 - "$out/$v/obj/project.assets.json" "$v" <<'PY'
import json, sys
assets = json.load(open(sys.argv[1]))
target = next(iter(assets['targets'].values()))
packages = sorted(k for k, v in target.items() if v.get('type') == 'package')
print(f"{sys.argv[2]}: {len(packages)} package(s): {', '.join(p.split('/')[0] for p in packages[:12])}{' …' if len(packages) > 12 else ''}")
PY
done

build() { # variant, log
  local start end
  start=$(date +%s.%N)
  dotnet build "$out/$1/Corpus.csproj" --no-restore --no-incremental -c Release -nologo -nr:false \
    -p:ReportAnalyzer=true -v:d > "$2" 2>&1
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }' > "$2.wall"
  grep -q "Build succeeded" "$2" || { echo "build of $1 failed: $2" >&2; exit 1; }
}

echo
echo "== warm-up (compiler server, file cache): one build of each, not counted"
build old "$out/logs/warmup-old.log"
build new "$out/logs/warmup-new.log"

echo "== $rounds paired rounds (old, new alternating; who goes first alternates too)"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order=(old new); else order=(new old); fi
  for v in "${order[@]}"; do build "$v" "$out/logs/round$r-$v.log"; done
  echo "round $r: old $(cat "$out/logs/round$r-old.log.wall") s, new $(cat "$out/logs/round$r-new.log.wall") s"
done

echo
python3 - "$out/logs" "$rounds" "$lines" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import re, statistics, sys
logs, rounds, lines, cores, load = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]

def analyzers(path):
    """Per-assembly analyzer seconds from ReportAnalyzer's summary ("  0.123   12  AssemblyName, Version=…")."""
    text = open(path, encoding='utf-8', errors='replace').read()
    times = {}
    for m in re.finditer(r'^\s*(<?\d+(?:\.\d+)?)\s+\S+\s+([A-Za-z][\w.]*), Version=', text, re.M):
        seconds = 0.0005 if m.group(1).startswith('<') else float(m.group(1))
        times.setdefault(m.group(2), seconds)  # MSBuild may echo the summary; the first one counts
    return times

rows = []
for r in range(1, rounds + 1):
    row = {}
    for v in ('old', 'new'):
        base = f'{logs}/round{r}-{v}.log'
        row[v] = (float(open(base + '.wall').read()), analyzers(base))
    rows.append(row)

def median(values):
    return statistics.median(values) if values else float('nan')

print(f'Library: {lines:,} generated lines, net10.0; {rounds} paired rounds; {cores} cores; load average at the end {load}.\n')
print('| | old single package | new ProviderAudit | new / old |')
print('|---|---|---|---|')
walls = {v: [row[v][0] for row in rows] for v in ('old', 'new')}
ratios = [row['new'][0] / row['old'][0] for row in rows]
print(f"| whole build, median (s) | {median(walls['old']):.2f} | {median(walls['new']):.2f} | {median(ratios):.2f}x (pairs: {', '.join(f'{x:.2f}' for x in ratios)}) |")
names = sorted({name for row in rows for v in ('old', 'new') for name in row[v][1]})
pa = 'ProviderAudit.Analyzers'
for name in [pa] + [n for n in names if n != pa]:
    old = median([row['old'][1].get(name, 0.0) for row in rows])
    new = median([row['new'][1].get(name, 0.0) for row in rows])
    if old == 0 and new == 0:
        continue
    ratio = f'{new / old:.2f}x' if old > 0 and new > 0 else '—'
    print(f'| analyzer {name} (s) | {old:.3f} | {new:.3f} | {ratio} |')
print(f"\nPer-round wall times (s): old {', '.join(f'{w:.1f}' for w in walls['old'])}; new {', '.join(f'{w:.1f}' for w in walls['new'])}")
PY
