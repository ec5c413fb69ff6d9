using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers
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
        public const string DefaultStringProviderName = "firstParty";

        private static readonly string[] KnownKeys =
        {
            AdditionalProviderTypesKey, FirstPartyMemberKey, StringProviderNamesKey, StringProviderMembersKey,
        };

        private AuditConfiguration(
            ImmutableArray<string> additionalProviderTypes,
            string firstPartyMember,
            ImmutableHashSet<string> stringProviderNames,
            ImmutableHashSet<string> stringProviderMembers,
            ImmutableArray<ConfigurationProblem> problems)
        {
            AdditionalProviderTypes = additionalProviderTypes;
            FirstPartyMember = firstPartyMember;
            StringProviderNames = stringProviderNames;
            StringProviderMembers = stringProviderMembers;
            Problems = problems;
        }

        /// <summary>Fully-qualified metadata names of the extra provider enums.</summary>
        public ImmutableArray<string> AdditionalProviderTypes { get; }

        /// <summary>The member of the extra provider enums that means "first party".</summary>
        public string FirstPartyMember { get; }

        /// <summary>String values that mean "first party" (compared ignoring case).</summary>
        public ImmutableHashSet<string> StringProviderNames { get; }

        /// <summary>Names of methods/properties/fields that return a provider name as a string; empty turns string checks off.</summary>
        public ImmutableHashSet<string> StringProviderMembers { get; }

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
                    "unknown ProviderAudit key; the known keys are " + string.Join(", ", KnownKeys)));
            }

            var types = ImmutableArray.CreateBuilder<string>();
            foreach (var value in Values(raw, AdditionalProviderTypesKey))
            {
                foreach (var entry in SplitList(value, AdditionalProviderTypesKey, problems, "list fully-qualified enum names separated by commas, e.g. MyApp.Backends.BackendKind"))
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
                        problems.Add(new ConfigurationProblem(AdditionalProviderTypesKey, value, "'" + entry + "' is not a fully-qualified type name; write Namespace.TypeName (nested types as Namespace.Outer+Inner)"));
                    }
                }
            }

            var firstPartyMember = DefaultFirstPartyMember;
            var memberValues = Values(raw, FirstPartyMemberKey);
            if (memberValues.Count > 1)
            {
                problems.Add(new ConfigurationProblem(FirstPartyMemberKey, string.Join(" | ", memberValues), "set to different values in different .editorconfig sections; one project needs one value"));
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
                    problems.Add(new ConfigurationProblem(FirstPartyMemberKey, memberValues[0], "not a C# identifier; name the enum member that means first party, e.g. FirstParty"));
                }
            }

            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
            var nameValues = Values(raw, StringProviderNamesKey);
            foreach (var value in nameValues)
            {
                names.UnionWith(SplitList(value, StringProviderNamesKey, problems, "list the provider names that mean first party separated by commas, e.g. firstParty, first-party"));
            }

            if (nameValues.Count == 0)
            {
                names.Add(DefaultStringProviderName);
            }

            var members = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var value in Values(raw, StringProviderMembersKey))
            {
                foreach (var entry in SplitList(value, StringProviderMembersKey, problems, "list member names separated by commas, e.g. GetApiProvider, ProviderName"))
                {
                    if (SyntaxFacts.IsValidIdentifier(entry))
                    {
                        members.Add(entry);
                    }
                    else
                    {
                        problems.Add(new ConfigurationProblem(StringProviderMembersKey, value, "'" + entry + "' is not a member name; write the bare method/property name, e.g. GetApiProvider"));
                    }
                }
            }

            return new AuditConfiguration(types.ToImmutable(), firstPartyMember, names.ToImmutable(), members.ToImmutable(), problems.ToImmutable());
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
                    problems.Add(new ConfigurationProblem(key, value, (parts.Length == 1 ? "empty value" : "empty entry in the list") + "; " + howTo + ", or remove the key"));
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
