#!/usr/bin/env bash
# provider-audit on the ≥200k-line corpus of generate_corpus.py, side by side with `dotnet build` and
# `dotnet format` on the same corpus, in one run; prints median times (seconds) with the tool's own split into
# load / analyze / preview fixes (audit) and load / analyze / fix / write (fix).
#
# Each round, in a rotating order: `dotnet build --no-incremental` (compiler + PA0001 as an analyzer reference),
# `provider-audit audit`, `provider-audit fix`, `dotnet format analyzers --diagnostics PA0001 --severity warn`;
# the corpus is put back (git checkout) after each fix. The tool is the packed package, installed with
# `dotnet tool install --tool-path`, as a user runs it.
#
# usage: benchmarks/tool.sh [ROUNDS]   (env: BENCH_OUT=dir, BENCH_LINES=n, BENCH_CHECK_SHARE=0.01)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
rounds=${1:-3}
out=${BENCH_OUT:-/tmp/provider-audit-tool-bench}
lines=${BENCH_LINES:-200000}
check_share=${BENCH_CHECK_SHARE:-0.01}
source benchmarks/corpus.sh
export MSBUILDTERMINALLOGGER=off

rm -rf "$out"
mkdir -p "$out/logs"

echo "== packing and installing the tool; building the analyzer, code fixes and capability types (Release)"
dotnet pack analyzers/ProviderAudit.Cli/ProviderAudit.Cli.csproj -c Release -o "$out/feed" --artifacts-path "$out/artifacts" -nologo -v:q -clp:NoSummary
version=$(ls "$out/feed" | sed -n 's/^ProviderAudit\.Cli\.\(.*\)\.nupkg$/\1/p')
# From outside the repository: its nuget.config maps every package to one source, which --add-source cannot extend.
(cd "$out" && dotnet tool install ProviderAudit.Cli --tool-path "$out/tools" --add-source "$out/feed" --version "$version" > /dev/null)
tool="$out/tools/provider-audit"
build_audit

echo "== generating the corpus in $out/corpus"
corpus=$out/corpus
mkdir -p "$corpus"
python3 benchmarks/generate_corpus.py "$corpus" --lines "$lines" --check-share "$check_share"
standalone_corpus "$corpus" 'dotnet_diagnostic.PA0001.severity = warning\n'
printf 'bin/\nobj/\n' > "$corpus/.gitignore"
# The analyzer and the code fixes as analyzer references: what the build and `dotnet format` run.
corpus_project "$corpus" "    <Reference Include=\"ProviderAudit.Abstractions\" HintPath=\"$capabilities_dll\" />
    <Analyzer Include=\"$analyzer_dll\" />
    <Analyzer Include=\"$codefix_dll\" />" \
  "    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>"
(cd "$corpus" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@invalid commit -qm corpus)
cs_lines=$(find "$corpus/src" -name '*.cs' -exec cat {} + | wc -l)

timed() { # name, log, command...
  local name=$1 log=$2 start end status
  shift 2
  start=$(date +%s.%N)
  set +e
  "$@" > "$log" 2>&1
  status=$?
  set -e
  end=$(date +%s.%N)
  echo "$start $end $status" | awk '{ printf "%.3f %d\n", $2 - $1, $3 }' > "$log.wall"
}
reset_corpus() { (cd "$corpus" && git checkout -q -- . && git clean -fdq); }

run_step() { # step, round
  local log="$out/logs/round$2-$1.log"
  case $1 in
    build) timed build "$log" dotnet build "$corpus/Corpus.csproj" --no-restore --no-incremental -nologo -nr:false ;;
    audit) timed audit "$log" "$tool" audit "$corpus/Corpus.csproj" --format sarif -o "$out/logs/round$2.sarif" ;;
    fix) timed fix "$log" "$tool" fix "$corpus/Corpus.csproj"; (cd "$corpus" && git diff --stat | tail -1) > "$log.changed"; reset_corpus ;;
    format) timed format "$log" dotnet format analyzers "$corpus/Corpus.csproj" --diagnostics PA0001 --severity warn --no-restore; (cd "$corpus" && git diff --stat | tail -1) > "$log.changed"; reset_corpus ;;
  esac
}

steps=(build audit fix format)
echo "== warm-up: one of each, not counted"
for s in "${steps[@]}"; do run_step "$s" 0; done
for r in $(seq 1 "$rounds"); do
  shift_by=$(( (r - 1) % ${#steps[@]} ))
  order=("${steps[@]:$shift_by}" "${steps[@]:0:$shift_by}")
  echo "== round $r/$rounds: ${order[*]}"
  for s in "${order[@]}"; do run_step "$s" "$r"; done
done

python3 benchmarks/summarize_tool.py "$out/logs" "$rounds" "$cs_lines"
