using System.Collections.Generic;
using System.Linq;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.Concerns;

namespace ProviderAudit.CodeFixes
{
    /// <summary>What a host enum member's name says about the Claude backend it stands for.</summary>
    internal enum SpellingKind
    {
        /// <summary>Names exactly one backend: <see cref="SpellingMatch.Provider"/>.</summary>
        Backend,

        /// <summary>Named like Anthropic's own API (<c>Anthropic</c>, <c>FirstParty</c>, <c>Direct</c>): first party only if configured so.</summary>
        FirstPartyNamed,

        /// <summary>Could mean more than one backend (<c>Aws</c>, <c>Google</c>, <c>Azure</c>, <c>Claude</c>): never guessed.</summary>
        Ambiguous,

        /// <summary>Names no Claude backend (<c>OpenAI</c>, <c>Gemini</c>, <c>None</c>).</summary>
        None,
    }

    /// <summary>The reading of one member name: its kind, the <c>ApiProvider</c> member it names, and for the team why it is unmapped.</summary>
    internal sealed class SpellingMatch
    {
        public SpellingMatch(SpellingKind kind, string? provider, string reason)
        {
            Kind = kind;
            Provider = provider;
            Reason = reason;
        }

        public SpellingKind Kind { get; }

        /// <summary>For <see cref="SpellingKind.Backend"/>: the <c>ApiProvider</c> member name (<c>Bedrock</c>, <c>Vertex</c>, …).</summary>
        public string? Provider { get; }

        /// <summary>Why the name maps to nothing, in words the generated comment uses (after the member's name).</summary>
        public string Reason { get; }
    }

    /// <summary>
    /// Reads the backend a host enum member names, by the spellings real code uses: <c>Bedrock</c>, <c>AmazonBedrock</c>,
    /// <c>AwsBedrock</c>; <c>Vertex</c>, <c>VertexAI</c>, <c>GoogleVertex</c>; <c>Foundry</c>, <c>AzureFoundry</c>,
    /// <c>AzureAIFoundry</c>; <c>ClaudePlatformAws</c>, <c>ClaudePlatformOnAws</c>, <c>Cpa</c>; <c>Anthropic</c>,
    /// <c>FirstParty</c>, <c>Direct</c>. A name is split into words (<c>AWS_Bedrock</c> → aws, bedrock; <c>VertexAI</c> →
    /// vertex, ai); it names a backend when it holds that backend's word and otherwise only words that belong with it
    /// (its cloud, <c>Anthropic</c>/<c>Claude</c>, <c>Api</c>). Anything else is not guessed: a name that fits two backends
    /// (<c>Aws</c>: Bedrock or Claude Platform on AWS) is ambiguous, one with a word that does not belong (<c>AzureBedrock</c>,
    /// <c>BedrockConverse</c>) or without a backend word (<c>OpenAI</c>) names none. Both stay unmapped with a comment for
    /// the team: a wrong guess would move checks between backends silently.
    /// </summary>
    internal static class ProviderSpellings
    {
        /// <summary>Words that say nothing about which backend (<c>AnthropicApi</c>, <c>BedrockProvider</c>).</summary>
        private static readonly HashSet<string> Filler = new HashSet<string> { "api", "service", "provider", "backend", "client", "sdk" };

        private static readonly HashSet<string> ClaudeWords = new HashSet<string> { "anthropic", "claude" };

        private sealed class Backend
        {
            public Backend(string provider, string display, string word, params string[] companions)
            {
                Provider = provider;
                Display = display;
                Word = word;
                Companions = new HashSet<string>(companions.Concat(ClaudeWords));
            }

            public string Provider { get; }

            public string Display { get; }

            public string Word { get; }

            public HashSet<string> Companions { get; }
        }

        private static readonly Backend[] Clouds =
        {
            new Backend("Bedrock", "Amazon Bedrock", "bedrock", "amazon", "aws", "runtime"),
            new Backend("Vertex", "Vertex AI", "vertex", "google", "gcp", "cloud", "ai"),
            new Backend("Foundry", "Microsoft Foundry", "foundry", "azure", "microsoft", "ai"),
        };

        /// <summary>Clouds named without their Claude service: each could mean two things.</summary>
        private static readonly (string[] Words, string Meanings)[] CloudsAlone =
        {
            (new[] { "aws", "amazon" }, "could mean Amazon Bedrock or Claude Platform on AWS"),
            (new[] { "google", "gcp" }, "could mean Vertex AI or Google's own models"),
            (new[] { "azure", "microsoft" }, "could mean Microsoft Foundry or Azure OpenAI"),
        };

        public static SpellingMatch Read(string memberName)
        {
            var words = IdentifierWords.Split(memberName).Where(w => !Filler.Contains(w)).ToList();
            var named = Clouds.Where(c => words.Contains(c.Word)).ToList();
            if (named.Count > 1)
            {
                return new SpellingMatch(SpellingKind.Ambiguous, null, "names more than one backend (" + string.Join(", ", named.Select(c => c.Display)) + ")");
            }

            if (named.Count == 1)
            {
                var cloud = named[0];
                var stray = words.Where(w => w != cloud.Word && !cloud.Companions.Contains(w)).Distinct().ToList();
                return stray.Count == 0
                    ? new SpellingMatch(SpellingKind.Backend, cloud.Provider, string.Empty)
                    : new SpellingMatch(SpellingKind.None, null, "names " + cloud.Display + " with words that do not belong to it (" + string.Join(", ", stray) + ")");
            }

            if (IsClaudePlatformOnAws(words))
            {
                return new SpellingMatch(SpellingKind.Backend, "ClaudePlatformAws", string.Empty);
            }

            if (IsFirstPartyNamed(words))
            {
                return new SpellingMatch(SpellingKind.FirstPartyNamed, "FirstParty", string.Empty);
            }

            foreach (var (cloudWords, meanings) in CloudsAlone)
            {
                if (words.Count > 0 && words.Any(cloudWords.Contains) && words.All(w => cloudWords.Contains(w) || ClaudeWords.Contains(w) || w == "cloud" || w == "ai"))
                {
                    return new SpellingMatch(SpellingKind.Ambiguous, null, meanings);
                }
            }

            if (words.Count > 0 && words.All(ClaudeWords.Contains))
            {
                return new SpellingMatch(SpellingKind.Ambiguous, null, "names Claude, which every backend serves");
            }

            return new SpellingMatch(SpellingKind.None, null, "matches no Claude backend by name");
        }

        /// <summary><c>ClaudePlatformAws</c>, <c>ClaudePlatformOnAws</c>, <c>AnthropicPlatformAws</c>, <c>Cpa</c>.</summary>
        private static bool IsClaudePlatformOnAws(List<string> words)
        {
            if (words.Count == 1 && words[0] == "cpa")
            {
                return true;
            }

            return words.Contains("platform")
                && (words.Contains("aws") || words.Contains("amazon"))
                && words.All(w => w == "platform" || w == "aws" || w == "amazon" || w == "on" || ClaudeWords.Contains(w));
        }

        /// <summary><c>Anthropic</c>, <c>FirstParty</c>, <c>First_Party</c>, <c>Direct</c>, <c>AnthropicApi</c>, <c>AnthropicDirect</c>, <c>ClaudeDirect</c>.</summary>
        private static bool IsFirstPartyNamed(List<string> words)
        {
            var rest = words.ToList();
            var firstParty = rest.Remove("anthropic") | rest.Remove("direct") | rest.Remove("firstparty") | (rest.Contains("first") && rest.Contains("party") && rest.Remove("first") && rest.Remove("party"));
            return firstParty && rest.All(w => w == "claude" || w == "anthropic" || w == "direct");
        }
    }
}
