using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers.Internals.Configuration
{
    /// <summary>
    /// The <c>provider_audit.*</c> settings of one compilation, read from .editorconfig / .globalconfig.
    /// Values are compilation-wide: the audit resolves types once per compilation, so the values of every
    /// section that applies to one of its files are combined.
    /// </summary>
    internal sealed class AuditConfiguration
    {
        public const string KeyPrefix = "provider_audit.";
        public const string AdditionalProviderTypesKey = "provider_audit.additional_provider_types";
        public const string FirstPartyMemberKey = "provider_audit.first_party_member";
        public const string StringProviderNamesKey = "provider_audit.string_provider_names";
        public const string StringProviderMembersKey = "provider_audit.string_provider_members";

        public const string DefaultFirstPartyMember = "FirstParty";

        /// <summary>The longest provider id accepted in <see cref="StringProviderNamesKey"/>.</summary>
        private const int LongestProviderId = 64;

        private static readonly string[] KnownKeys =
        {
            AdditionalProviderTypesKey, FirstPartyMemberKey, StringProviderNamesKey, StringProviderMembersKey,
        };

        private AuditConfiguration(
            ImmutableArray<string> additionalProviderTypes,
            string firstPartyMember,
            ImmutableHashSet<string> stringProviderNames,
            ImmutableHashSet<string> stringProviderMembers,
            ImmutableHashSet<string> stringProviderElements,
            ImmutableArray<ConfigurationProblem> problems)
        {
            AdditionalProviderTypes = additionalProviderTypes;
            FirstPartyMember = firstPartyMember;
            StringProviderNames = stringProviderNames;
            StringProviderMembers = stringProviderMembers;
            StringProviderElements = stringProviderElements;
            Problems = problems;
        }

        /// <summary>Fully-qualified metadata names of the extra provider enums.</summary>
        public ImmutableArray<string> AdditionalProviderTypes { get; }

        /// <summary>The member of the extra provider enums that means "first party".</summary>
        public string FirstPartyMember { get; }

        /// <summary>
        /// The host's first-party ids: string values that mean "first party" (compared ignoring case), the runtime's own
        /// (<c>firstParty</c>, <c>first-party</c>) when the key is not set. The fixes pass the ones the runtime does not know
        /// to <c>ApiProviderIds.Find</c>.
        /// </summary>
        public ImmutableHashSet<string> StringProviderNames { get; }

        /// <summary>Names of methods/properties/fields that return a provider name as a string; empty (with no element either) turns string checks off.</summary>
        public ImmutableHashSet<string> StringProviderMembers { get; }

        /// <summary>
        /// <c>Member.Element</c> entries: the element (by name, or <c>Item1</c>, <c>Item2</c>, …) of the tuple a member returns
        /// that holds the provider name (<c>Split.provider</c> for <c>var (provider, model) = Split(id)</c>).
        /// </summary>
        public ImmutableHashSet<string> StringProviderElements { get; }

        public ImmutableArray<ConfigurationProblem> Problems { get; }

        public static AuditConfiguration Read(AnalyzerOptions options, Compilation compilation)
        {
            var raw = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var problems = ImmutableArray.CreateBuilder<ConfigurationProblem>();
            var unknownKeys = new Dictionary<string, string>(StringComparer.Ordinal);

            Collect(options.AnalyzerConfigOptionsProvider.GlobalOptions, raw, unknownKeys);
            foreach (var tree in compilation.SyntaxTrees)
            {
                Collect(options.AnalyzerConfigOptionsProvider.GetOptions(tree), raw, unknownKeys);
            }

            foreach (var unknown in unknownKeys)
            {
                problems.Add(new ConfigurationProblem(
                    unknown.Key,
                    unknown.Value,
                    RuleTexts.Configuration.UnknownKey(KnownKeys)));
            }

            var types = ImmutableArray.CreateBuilder<string>();
            foreach (var value in Values(raw, AdditionalProviderTypesKey))
            {
                foreach (var entry in SplitList(value, AdditionalProviderTypesKey, problems, RuleTexts.Configuration.ProviderTypesHowTo))
                {
                    if (IsQualifiedName(entry))
                    {
                        if (!types.Contains(entry))
                        {
                            types.Add(entry);
                        }
                    }
                    else
                    {
                        problems.Add(new ConfigurationProblem(AdditionalProviderTypesKey, value, RuleTexts.Configuration.NotQualifiedName(entry)));
                    }
                }
            }

            var firstPartyMember = DefaultFirstPartyMember;
            var memberValues = Values(raw, FirstPartyMemberKey);
            if (memberValues.Count > 1)
            {
                problems.Add(new ConfigurationProblem(FirstPartyMemberKey, string.Join(" | ", memberValues), RuleTexts.Configuration.ConflictingSections));
            }
            else if (memberValues.Count == 1)
            {
                var member = memberValues[0].Trim();
                if (SyntaxFacts.IsValidIdentifier(member))
                {
                    firstPartyMember = member;
                }
                else
                {
                    problems.Add(new ConfigurationProblem(FirstPartyMemberKey, memberValues[0], RuleTexts.Configuration.NotAnIdentifier));
                }
            }

            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
            var nameValues = Values(raw, StringProviderNamesKey);
            foreach (var value in nameValues)
            {
                foreach (var entry in SplitList(value, StringProviderNamesKey, problems, RuleTexts.Configuration.ProviderIdsHowTo))
                {
                    if (ProviderIdProblem(entry) is { } problem)
                    {
                        problems.Add(new ConfigurationProblem(StringProviderNamesKey, value, problem));
                    }
                    else
                    {
                        names.Add(entry);
                    }
                }
            }

            if (nameValues.Count == 0)
            {
                names.UnionWith(ProviderIds.FirstParty);
            }

            var members = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var elements = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var value in Values(raw, StringProviderMembersKey))
            {
                foreach (var entry in SplitList(value, StringProviderMembersKey, problems, RuleTexts.Configuration.ProviderMembersHowTo))
                {
                    var parts = entry.Split('.');
                    if (parts.Length == 1 && SyntaxFacts.IsValidIdentifier(entry))
                    {
                        members.Add(entry);
                    }
                    else if (parts.Length == 2 && SyntaxFacts.IsValidIdentifier(parts[0]) && SyntaxFacts.IsValidIdentifier(parts[1]))
                    {
                        elements.Add(entry);
                    }
                    else
                    {
                        problems.Add(new ConfigurationProblem(StringProviderMembersKey, value, RuleTexts.Configuration.NotAMemberName(entry)));
                    }
                }
            }

            return new AuditConfiguration(types.ToImmutable(), firstPartyMember, names.ToImmutable(), members.ToImmutable(), elements.ToImmutable(), problems.ToImmutable());
        }

        /// <summary>Why <paramref name="id"/> cannot be a first-party id, or null: it is written into code the fixes generate and read by ApiProviderIds.</summary>
        private static string? ProviderIdProblem(string id)
        {
            if (id.Length > LongestProviderId)
            {
                return RuleTexts.Configuration.IdTooLong(id.Substring(0, 16), LongestProviderId);
            }

            foreach (var c in id)
            {
                if (!(c < 128 && (char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':' || c == '/' || c == '@' || c == '+')))
                {
                    return RuleTexts.Configuration.NotAnId(id);
                }
            }

            return ProviderIds.OtherBackendOf(id) is { } backend
                ? RuleTexts.Configuration.OtherBackendsId(id, backend)
                : null;
        }

        private static void Collect(AnalyzerConfigOptions options, Dictionary<string, List<string>> raw, Dictionary<string, string> unknownKeys)
        {
            foreach (var key in KnownKeys)
            {
                if (options.TryGetValue(key, out var value))
                {
                    if (!raw.TryGetValue(key, out var list))
                    {
                        list = new List<string>();
                        raw.Add(key, list);
                    }

                    if (!list.Contains(value))
                    {
                        list.Add(value);
                    }
                }
            }

            foreach (var key in options.Keys)
            {
                if (key.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase)
                    && Array.IndexOf(KnownKeys, key) < 0
                    && !unknownKeys.ContainsKey(key)
                    && options.TryGetValue(key, out var value))
                {
                    unknownKeys.Add(key, value);
                }
            }
        }

        private static List<string> Values(Dictionary<string, List<string>> raw, string key)
            => raw.TryGetValue(key, out var list) ? list : new List<string>();

        private static List<string> SplitList(string value, string key, ImmutableArray<ConfigurationProblem>.Builder problems, string howTo)
        {
            var result = new List<string>();
            var parts = value.Split(',');
            foreach (var part in parts)
            {
                var entry = part.Trim();
                if (entry.Length == 0)
                {
                    problems.Add(new ConfigurationProblem(key, value, RuleTexts.Configuration.Empty(inList: parts.Length > 1, howTo)));
                    return new List<string>();
                }

                result.Add(entry);
            }

            return result;
        }

        /// <summary>A metadata name: identifiers separated by '.' (namespaces) and '+' (nesting); a generic type carries its arity (<c>Outer`1</c>).</summary>
        private static bool IsQualifiedName(string name)
        {
            foreach (var segment in name.Split('.', '+'))
            {
                var tick = segment.IndexOf('`');
                var identifier = tick < 0 ? segment : segment.Substring(0, tick);
                if (!SyntaxFacts.IsValidIdentifier(identifier) || (tick >= 0 && !IsArity(segment.Substring(tick + 1))))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsArity(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>One bad setting: the key, its value as written, and what is wrong with it and how to fix it.</summary>
    internal sealed class ConfigurationProblem
    {
        public ConfigurationProblem(string key, string value, string explanation)
        {
            Key = key;
            Value = value;
            Explanation = explanation;
        }

        public string Key { get; }

        public string Value { get; }

        public string Explanation { get; }
    }
}
