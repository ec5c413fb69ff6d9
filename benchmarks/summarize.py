#!/usr/bin/env python3
"""Reads the logs of benchmarks/run.sh and prints the median table (markdown) for docs/performance.md.

usage: summarize.py LOG_DIR ROUNDS LINES
"""
import os
import re
import statistics
import sys

VARIANTS = ['baseline', 'floor', 'audit', 'banned']
ANALYZERS = {
    # PA0001's own analyzer (the package's other rules, PA0002/PA0003, have analyzers of their own: see AUDIT_ALL).
    'audit': 'ProviderAudit.Analyzers.Rules.FirstPartyComparisonAnalyzer',
    'banned': 'Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.CSharpSymbolIsBannedAnalyzer',
    'floor': 'ProviderAudit.Benchmarks.Floor.EmptyOperationAnalyzer',
}


# The assembly line of ReportAnalyzer's table: the time of every ProviderAudit analyzer together.
AUDIT_ALL = 'ProviderAudit.Analyzers, Version'


def analyzer_time(text, name):
    m = re.search(r'^\s*(<?\d+(?:\.\d+)?)\s+\S+\s+' + re.escape(name), text, re.M)
    if not m:
        return float('nan')
    return 0.0005 if m.group(1).startswith('<') else float(m.group(1))


def parse(log_path, variant):
    with open(log_path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    with open(log_path + '.wall', encoding='utf-8') as f:
        wall = float(f.read().strip())
    cpu = float('nan')
    if os.path.exists(log_path + '.cpu'):
        with open(log_path + '.cpu', encoding='utf-8') as f:
            # /usr/bin/time may put the child's exit status on a line of its own first.
            user, system = f.read().split()[-2:]
            cpu = float(user) + float(system)
    csc = None
    # Task performance summary: "   12345 ms  Csc    1 calls"
    m = re.search(r'^\s*(\d+) ms\s+Csc\s+\d+ calls', text, re.M)
    if m:
        csc = int(m.group(1)) / 1000
    analyzer = analyzer_time(text, ANALYZERS[variant]) if variant in ANALYZERS else 0.0
    if variant == 'audit' and analyzer != analyzer:
        # Logs of builds before the analyzer was split by rule (one class reported PA0001-PA0003).
        analyzer = analyzer_time(text, 'ProviderAudit.Analyzers.FirstPartyComparisonAnalyzer')
    audit_all = analyzer_time(text, AUDIT_ALL) if variant == 'audit' else 0.0
    # MSBuild prints each warning more than once and with differently spelled paths: count distinct sites.
    warnings = len(set(re.findall(r'([^\s/]+\.cs\(\d+,\d+\)): warning (?:PA0001|RS0030)', text)))
    failed = 'Build FAILED' in text
    return wall, csc, analyzer, warnings, failed, audit_all, cpu


def main():
    log_dir, rounds, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rows = {}
    # Logs of runs before the floor variant existed have no floor builds.
    present = [v for v in VARIANTS if os.path.exists(f'{log_dir}/round1-{v}.log')]
    samples_by = {v: [parse(f'{log_dir}/round{r}-{v}.log', v) for r in range(1, rounds + 1)] if v in present else [] for v in VARIANTS}
    for v in present:
        samples = samples_by[v]
        if any(s[4] for s in samples):
            sys.exit(f'{v}: a build failed, see {log_dir}')
        rows[v] = {
            'wall': statistics.median(s[0] for s in samples),
            'csc': statistics.median(s[1] for s in samples if s[1] is not None) if any(s[1] is not None for s in samples) else float('nan'),
            'analyzer': statistics.median(s[2] for s in samples),
            'warnings': samples[-1][3],
            'walls': [s[0] for s in samples],
            'cpu': statistics.median(s[6] for s in samples),
        }
    base = rows['baseline']
    print(f'\nCorpus: {lines:,}+ lines; {rounds} rounds; medians.\n')
    print('| Variant | Build wall time (s) | Csc task (s) | Processor time (s) | Analyzer time (s) | Analyzer / build | Build vs baseline | Warnings |')
    print('|---|---|---|---|---|---|---|---|')
    labels = {'baseline': 'no analyzer', 'floor': 'empty operation analyzer (the floor)', 'audit': 'ProviderAudit (PA0001)',
              'banned': 'BannedApiAnalyzers (RS0030)'}
    for v in present:
        r = rows[v]
        share = '—' if v == 'baseline' else f"{100 * r['analyzer'] / r['wall']:.2f} %"
        delta = '—' if v == 'baseline' else f"{100 * (r['wall'] - base['wall']) / base['wall']:+.1f} %"
        analyzer = '—' if v == 'baseline' else f"{r['analyzer']:.3f}"
        print(f"| {labels[v]} | {r['wall']:.2f} | {r['csc']:.2f} | {r['cpu']:.2f} | {analyzer} | {share} | {delta} | {r['warnings']} |")
    # Paired per round: the builds of one round ran back to back on the same machine state.
    audit, banned, baseline = samples_by['audit'], samples_by['banned'], samples_by['baseline']
    ratios = [a[2] / b[2] for a, b in zip(audit, banned)]
    all_ratios = [a[5] / b[2] for a, b in zip(audit, banned)]
    overheads = [100 * (a[0] - c[0]) / c[0] for a, c in zip(audit, baseline)]
    print(f"\nPA0001 / BannedApiAnalyzers analyzer time, median of {rounds} paired rounds: {statistics.median(ratios):.2f}x "
          f"(rounds {', '.join(f'{r:.2f}' for r in ratios)}; every ProviderAudit analyzer: {statistics.median(all_ratios):.2f}x)")
    print(f"Build overhead of the audit vs no analyzer, median of paired rounds: {statistics.median(overheads):+.1f} % "
          f"(rounds {', '.join(f'{o:+.1f}' for o in overheads)})")
    cpu_overheads = [100 * (a[6] - c[6]) / c[6] for a, c in zip(audit, baseline)]
    if cpu_overheads and all(o == o for o in cpu_overheads):
        print(f"Processor-time overhead of the audit vs no analyzer, median of paired rounds: {statistics.median(cpu_overheads):+.1f} % "
              f"(rounds {', '.join(f'{o:+.1f}' for o in cpu_overheads)})")
    if 'floor' in present:
        floor = samples_by['floor']
        floors = [100 * (f[0] - c[0]) / c[0] for f, c in zip(floor, baseline)]
        above = [100 * (a[0] - f[0]) / c[0] for a, f, c in zip(audit, floor, baseline)]
        print(f"Build overhead of the empty operation analyzer (the floor) vs no analyzer: {statistics.median(floors):+.1f} % "
              f"(rounds {', '.join(f'{o:+.1f}' for o in floors)})")
        print(f"The audit above the floor, in % of the no-analyzer build, median of paired rounds: {statistics.median(above):+.1f} % "
              f"(rounds {', '.join(f'{o:+.1f}' for o in above)})")
        cpu_floors = [100 * (f[6] - c[6]) / c[6] for f, c in zip(floor, baseline)]
        cpu_above = [100 * (a[6] - f[6]) / c[6] for a, f, c in zip(audit, floor, baseline)]
        if all(o == o for o in cpu_floors + cpu_above):
            print(f"Processor time: the floor {statistics.median(cpu_floors):+.1f} % (rounds {', '.join(f'{o:+.1f}' for o in cpu_floors)}); "
                  f"the audit above the floor {statistics.median(cpu_above):+.1f} % (rounds {', '.join(f'{o:+.1f}' for o in cpu_above)})")
    print('\nPer-round wall times (s): ' + '; '.join(f"{v} " + ', '.join(f'{w:.1f}' for w in rows[v]['walls']) for v in present))


if __name__ == '__main__':
    main()
