#!/usr/bin/env python3
"""Writes a large C# project that uses ProviderAudit.Runtime.ApiProvider the way application code does.

Most code is ordinary (loops, LINQ, string and dictionary work, comparisons of other enums, ints and
strings), so the analyzers pay for every operation they inspect; about one line in 1,000 is a
first-party provider check in one of the forms PA0001 flags, and about as many use ApiProvider.FirstParty
as a plain value or compare with other members (not flagged). Deterministic for a given seed.

With --sites N the corpus instead holds exactly N PA0001 sites and N CA1820 sites (an empty-string
comparison, what roslyn-analyzers' string-emptiness fixer rewrites), placed at random statements of
otherwise ordinary code, so the two fixers are timed on the same files (benchmarks/fix-all.sh).

With --no-provider the same ordinary code declares its own ApiProvider enum and never references
ProviderAudit.Runtime: a project PA0001 has nothing to look at (benchmarks/analyzer.sh).

usage: generate_corpus.py OUT_DIR [--lines N] [--seed S] [--check-share F | --sites N | --no-provider]
"""
import argparse
import os
import random

PROVIDER_CHECKS = [
    # (template, needs) — {p} is an ApiProvider expression in scope
    'if ({p} == ApiProvider.FirstParty)\n{{\n    headers["x-api-key"] = apiKey;\n}}',
    'if ({p} != ApiProvider.FirstParty)\n{{\n    modelId = "anthropic." + modelId;\n}}',
    'var useOAuth = {p} is ApiProvider.FirstParty && token.Length > 0;',
    'if ({p} is not ApiProvider.FirstParty)\n{{\n    baseUrl = "https://gateway.example.invalid";\n}}',
    'if ({p} is ApiProvider.Vertex or ApiProvider.FirstParty)\n{{\n    aliases.Add("claude-sonnet-4-6");\n}}',
    'switch ({p})\n{{\n    case ApiProvider.FirstParty:\n        count += 2;\n        break;\n    case ApiProvider.Bedrock:\n        count += 3;\n        break;\n    default:\n        count++;\n        break;\n}}',
    'var label = {p} switch\n{{\n    ApiProvider.FirstParty => "claude-opus-4-1",\n    ApiProvider.Bedrock => "anthropic.claude-opus-4-1-v1:0",\n    _ => "claude-opus-4-1@20250805",\n}};\ncount += label.Length;',
    'if ({p}.Equals(ApiProvider.FirstParty))\n{{\n    count += catalog.Count;\n}}',
    'if (settings is {{ Provider: ApiProvider.FirstParty }})\n{{\n    headers["authorization"] = "Bearer " + token;\n}}',
    'count += {p} == ApiProvider.FirstParty ? 1 : 0;',
]

NOT_FLAGGED = [
    'var chosen = ApiProvider.FirstParty;\ncount += (int)chosen;',
    'if ({p} == ApiProvider.Bedrock)\n{{\n    count++;\n}}',
    'count += Describe(ApiProvider.FirstParty).Length;',
    'if ({p}.AuthTransport().IsFirstParty)\n{{\n    headers["x-api-key"] = apiKey;\n}}',
    'if ({p}.ModelIdFormat().IsFirstParty)\n{{\n    aliases.Add(modelId);\n}}',
]

# CA1820 sites: each compares a string with "" or string.Empty (== / != / Equals), the forms its fixer
# rewrites to a Length or string.IsNullOrEmpty test.
EMPTY_STRING_CHECKS = [
    'if (key == "")\n{{\n    headers["empty"] = apiKey;\n}}',
    'if (key != string.Empty)\n{{\n    modelId = key + "-" + modelId;\n}}',
    'var blank = key.Equals("");\ncount += blank ? 1 : 0;',
    'if (words[0] == string.Empty)\n{{\n    aliases.Add("claude-sonnet-4-6");\n}}',
    'count += token != "" ? token.Length : 0;',
]

ORDINARY = [
    'for (var i = 0; i < items.Count; i++)\n{{\n    if (items[i] % 3 == 0 && items[i] != count)\n    {{\n        count += items[i] * 2 - 1;\n    }}\n}}',
    'var evens = items.Where(x => x % 2 == 0).Select(x => x * x).ToList();\ncount += evens.Count > 3 ? evens[0] : evens.Count;',
    'var builder = new StringBuilder();\nforeach (var word in words)\n{{\n    if (!string.IsNullOrEmpty(word) && word.Length > 2)\n    {{\n        builder.Append(word.ToUpperInvariant()).Append(\',\');\n    }}\n}}\ncount += builder.Length;',
    'if (map.TryGetValue(key, out var existing) && existing != null)\n{{\n    map[key] = existing + "-" + count.ToString(CultureInfo.InvariantCulture);\n}}\nelse\n{{\n    map[key] = "new";\n}}',
    'switch (color)\n{{\n    case Color.Red:\n        count += 1;\n        break;\n    case Color.Green when count > 10:\n        count -= 1;\n        break;\n    default:\n        count *= 2;\n        break;\n}}',
    'var shade = color switch {{ Color.Red => 1, Color.Green => 2, _ => 3 }};\ncount += shade == 2 ? shade : -shade;',
    'if (color == Color.Blue || color.Equals(Color.Green) || color is Color.Red)\n{{\n    count ^= 0x5A;\n}}',
    'var total = 0L;\nwhile (total < 1000 && count >= 0)\n{{\n    total += count + 7;\n    count = (count * 31 + 17) % 1009;\n}}',
    'var pair = (count, key);\nif (pair.count > 5 && pair.key.StartsWith("k", StringComparison.Ordinal))\n{{\n    count = pair.count - 1;\n}}',
    'var found = words.FirstOrDefault(w => w.Equals(key, StringComparison.OrdinalIgnoreCase));\ncount += found?.Length ?? 0;',
    'try\n{{\n    count = checked(count + items.Sum());\n}}\ncatch (OverflowException)\n{{\n    count = 0;\n}}',
    'var text = $"{{key}}:{{count}}:{{color}}";\ncount += text.Length > 10 ? text.IndexOf(\':\') : 0;',
]

HEADER = """// Generated by benchmarks/generate_corpus.py: a benchmark corpus, not product code.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProviderAudit.Runtime;

namespace Corpus.Area{area}
{{
"""


def indent(text, spaces):
    pad = ' ' * spaces
    return '\n'.join(pad + line if line else line for line in text.split('\n'))


def statement_groups(rng, check_share):
    """One method's statement groups: (provider expression, [group texts]). Consumes rng as the corpus always has."""
    provider = rng.choice(['provider', 'settings.Provider', 'other'])
    body = []
    for _ in range(rng.randint(3, 5)):
        roll = rng.random()
        if roll < check_share:
            body.append(rng.choice(PROVIDER_CHECKS).format(p=provider))
        elif roll < check_share * 2:
            body.append(rng.choice(NOT_FLAGGED).format(p=provider))
        else:
            body.append(rng.choice(ORDINARY).format(p=provider))
    return provider, body


def method(index, body):
    # Each statement group in its own block, so templates can repeat their locals.
    text = '\n'.join('{\n' + indent(part, 4) + '\n}' for part in body)
    return (
        f'public int Work{index}(ApiProvider provider, ApiProvider other, Settings settings, List<int> items, '
        f'string[] words, Dictionary<string, string> map, string key, Color color)\n'
        '{\n'
        '    var count = items.Count;\n'
        '    var headers = new Dictionary<string, string>();\n'
        '    var aliases = new List<string>();\n'
        '    var catalog = new List<string> { "claude-haiku-4-5" };\n'
        '    string apiKey = key, token = key, modelId = "claude-sonnet-4-6", baseUrl = "";\n'
        f'{indent(text, 4)}\n'
        '    return count + headers.Count + aliases.Count + modelId.Length + baseUrl.Length + apiKey.Length + token.Length;\n'
        '}\n'
    )


def file_text(header, area, class_index, methods):
    parts = [header.format(area=area)]
    parts.append(f'    public sealed class Service{class_index}\n    {{\n')
    parts.append(indent('private static string Describe(ApiProvider provider) => provider.ToString();', 8) + '\n\n')
    for m, (_, body) in enumerate(methods):
        parts.append(indent(method(m, body), 8) + '\n')
    parts.append('    }\n}\n')
    return ''.join(parts)


SHARED = """// Generated by benchmarks/generate_corpus.py.
using ProviderAudit.Runtime;

namespace Corpus
{
    public enum Color { Red, Green, Blue }

    public sealed record Settings(ApiProvider Provider, string Name);
}
"""


NO_PROVIDER_SHARED = """// Generated by benchmarks/generate_corpus.py --no-provider: this project's own enum, not ProviderAudit.Runtime's.
namespace Corpus
{
    public enum ApiProvider { FirstParty, Bedrock, Vertex, Foundry, ClaudePlatformAws }

    public enum Color { Red, Green, Blue }

    public sealed record Settings(ApiProvider Provider, string Name);
}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('out_dir')
    parser.add_argument('--lines', type=int, default=200_000, help='minimum number of C# lines (default 200000)')
    parser.add_argument('--seed', type=int, default=4242)
    parser.add_argument('--check-share', type=float, default=0.01,
                        help='share of statement groups that are FirstParty checks (default 0.01: about one flagged check per 1,000 lines)')
    parser.add_argument('--sites', type=int, default=None,
                        help='exactly this many PA0001 sites and as many CA1820 sites, nothing else flagged (--check-share is ignored)')
    parser.add_argument('--no-provider', action='store_true',
                        help='no reference to ProviderAudit.Runtime: a local ApiProvider enum and no provider checks')
    args = parser.parse_args()
    header, shared = HEADER, SHARED
    if args.no_provider:
        if args.sites is not None:
            parser.error('--no-provider has no sites')
        args.check_share = 0.0
        header = HEADER.replace('using ProviderAudit.Runtime;\n', '')
        shared = NO_PROVIDER_SHARED

    rng = random.Random(args.seed)
    check_share = 0.0 if args.sites is not None else args.check_share
    files = []
    lines = shared.count('\n')
    while lines < args.lines:
        methods = [statement_groups(rng, check_share) for _ in range(20)]
        files.append(methods)
        lines += file_text(header, len(files) // 50, len(files) - 1, methods).count('\n')
    if args.sites is not None:
        # Ordinary groups become sites, chosen by a second generator so the ordinary code is the same as without --sites.
        slots = [(f, m, g) for f, methods in enumerate(files) for m, (_, body) in enumerate(methods) for g in range(len(body))]
        if 2 * args.sites > len(slots):
            parser.error(f'--sites {args.sites} needs {2 * args.sites} statement groups; {args.lines} lines have {len(slots)}: raise --lines')
        placement = random.Random(args.seed + 1)
        for n, (f, m, g) in enumerate(placement.sample(slots, 2 * args.sites)):
            provider, body = files[f][m]
            templates = PROVIDER_CHECKS if n < args.sites else EMPTY_STRING_CHECKS
            body[g] = placement.choice(templates).format(p=provider)

    src = os.path.join(args.out_dir, 'src')
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, 'Shared.cs'), 'w', encoding='utf-8') as f:
        f.write(shared)
    lines = shared.count('\n')
    for index, methods in enumerate(files):
        text = file_text(header, index // 50, index, methods)
        with open(os.path.join(src, f'Area{index // 50}_Service{index}.cs'), 'w', encoding='utf-8') as f:
            f.write(text)
        lines += text.count('\n')
    checks = 0
    for name in os.listdir(src):
        with open(os.path.join(src, name), encoding='utf-8') as f:
            text = f.read()
        checks += text.count('ApiProvider.FirstParty')
    sites = f', {args.sites} PA0001 and {args.sites} CA1820 sites' if args.sites is not None else ''
    print(f'{len(files) + 1} files, {lines} lines, {checks} mentions of ApiProvider.FirstParty{sites} in {src}')


if __name__ == '__main__':
    main()
