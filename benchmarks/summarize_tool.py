#!/usr/bin/env python3
"""Reads the logs of benchmarks/tool.sh and prints the median table (markdown) for docs/performance.md.

usage: summarize_tool.py LOG_DIR ROUNDS LINES
"""
import os
import re
import statistics
import sys

STEPS = [
    ('build', '`dotnet build --no-incremental` (PA0001 as analyzer)'),
    ('audit', '`provider-audit audit --format sarif`'),
    ('fix', '`provider-audit fix`'),
    ('format', '`dotnet format analyzers --diagnostics PA0001`'),
]
PHASES = ['load', 'analyze', 'preview fixes', 'fix', 'write']


def parse(log):
    with open(log + '.wall', encoding='utf-8') as f:
        wall, status = f.read().split()
    with open(log, encoding='utf-8', errors='replace') as f:
        text = f.read()
    phases = {}
    m = re.search(r'^time: (.*)$', text, re.M)
    if m:
        for part in m.group(1).split(', '):
            name, seconds, _ = part.rsplit(' ', 2)
            phases[name] = float(seconds)
    cpu = {}
    m = re.search(r'^cpu: (.*)$', text, re.M)
    if m:
        for part in m.group(1).split(', '):
            name, seconds, _ = part.rsplit(' ', 2)
            cpu[name] = float(seconds)
    findings = None
    m = re.search(r'^(\d+) finding\(s\)', text, re.M) or re.search(r'fixed (\d+) of', text)
    if m:
        findings = int(m.group(1))
    if findings is None:
        sites = set(re.findall(r'([^\s/]+\.cs\(\d+,\d+\)): warning PA0001', text))
        findings = len(sites) if sites else None
    changed = ''
    if os.path.exists(log + '.changed'):
        with open(log + '.changed', encoding='utf-8') as f:
            changed = f.read().strip()
    return float(wall), int(status), phases, findings, changed, cpu


def main():
    log_dir, rounds, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(f'Corpus: {lines:,} lines of C#; medians of {rounds} rounds (seconds).\n')
    print('| Command | Wall | Load | Analyze | Preview fixes | Fix | Write | Exit | Result |')
    print('|---|---|---|---|---|---|---|---|---|')
    for step, label in STEPS:
        runs = [parse(os.path.join(log_dir, f'round{r}-{step}.log')) for r in range(1, rounds + 1)]
        walls = [r[0] for r in runs]
        cells = []
        for phase in PHASES:
            values = [r[2][phase] for r in runs if phase in r[2]]
            cells.append(f'{statistics.median(values):.2f}' if values else '—')
        statuses = ','.join(sorted({str(r[1]) for r in runs}))
        result = runs[-1][4] or (f'{runs[-1][3]} findings' if runs[-1][3] is not None else '')
        print(f'| {label} | {statistics.median(walls):.2f} | ' + ' | '.join(cells) + f' | {statuses} | {result} |')
    print('\nProcessor seconds per phase of the tool (medians; what a phase costs whatever else the machine runs):\n')
    print('| Command | ' + ' | '.join(p.capitalize() for p in PHASES) + ' |')
    print('|---|' + '---|' * len(PHASES))
    for step, label in STEPS[1:3]:
        runs = [parse(os.path.join(log_dir, f'round{r}-{step}.log')) for r in range(1, rounds + 1)]
        cells = []
        for phase in PHASES:
            values = [r[5][phase] for r in runs if phase in r[5]]
            cells.append(f'{statistics.median(values):.2f}' if values else '—')
        print(f'| {label} | ' + ' | '.join(cells) + ' |')
    print('\nPer round (wall, s): ' + '; '.join(
        f'{step} ' + ', '.join(f'{parse(os.path.join(log_dir, f"round{r}-{step}.log"))[0]:.1f}' for r in range(1, rounds + 1))
        for step, _ in STEPS))


if __name__ == '__main__':
    main()
