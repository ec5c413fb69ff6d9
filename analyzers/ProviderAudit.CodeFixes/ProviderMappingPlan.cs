using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProviderAudit.CodeFixes
{
    /// <summary>One value of the host's enum and the <c>ApiProvider</c> member it maps to, or why it maps to none.</summary>
    internal sealed class MappedValue
    {
        public MappedValue(IFieldSymbol member, IFieldSymbol? provider, string? unmappedReason)
        {
            Member = member;
            Provider = provider;
            UnmappedReason = unmappedReason;
        }

        /// <summary>The member the switch arm names (for aliases sharing a value: the first-party member, else the one that matched, else the first).</summary>
        public IFieldSymbol Member { get; }

        /// <summary>The <c>ApiProvider</c> member; null when the value maps to no backend.</summary>
        public IFieldSymbol? Provider { get; }

        /// <summary>For an unmapped value, the sentence the generated code carries for the team.</summary>
        public string? UnmappedReason { get; }
    }

    /// <summary>
    /// Decides, for each value of a host provider enum, which <c>ProviderAudit.Runtime.ApiProvider</c> it is. The rule, and
    /// the only one (a mapping that guesses would silently move checks between backends):
    /// <list type="bullet">
    /// <item>the value of the configured first-party member (<c>provider_audit.first_party_member</c>) is <c>FirstParty</c>;</item>
    /// <item>any other value maps to the backend one of its member names spells (<see cref="ProviderSpellings"/>:
    /// <c>AmazonBedrock</c>, <c>VertexAI</c>, <c>AzureFoundry</c>, <c>Claude_Platform_Aws</c> …), except <c>FirstParty</c>,
    /// which only the configured member reaches — the old checks treated only that member as first party;</item>
    /// <item>a value whose names spell no backend, could mean two (<c>Aws</c>), or whose aliases spell different ones, maps
    /// to nothing and says why.</item>
    /// </list>
    /// </summary>
    internal sealed class ProviderMappingPlan
    {
        private ProviderMappingPlan(INamedTypeSymbol hostEnum, IReadOnlyList<MappedValue> values, bool isFlags)
        {
            HostEnum = hostEnum;
            Values = values;
            IsFlags = isFlags;
        }

        public INamedTypeSymbol HostEnum { get; }

        /// <summary>One entry per distinct value, in declaration order.</summary>
        public IReadOnlyList<MappedValue> Values { get; }

        /// <summary><c>[Flags]</c>: combinations of members are values too, and map to nothing.</summary>
        public bool IsFlags { get; }

        /// <summary>Some value maps to no backend, so <c>ToApiProvider()</c> returns <c>ApiProvider?</c> and the capabilities may be null.</summary>
        public bool HasUnmappedValues => IsFlags || Values.Any(v => v.Provider is null);

        public static ProviderMappingPlan Create(INamedTypeSymbol hostEnum, string firstPartyMemberName, INamedTypeSymbol apiProvider)
        {
            var providers = apiProvider.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
            var firstPartyProvider = providers.FirstOrDefault(p => p.Name == FirstParty);
            var members = hostEnum.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
            var firstPartyMember = members.FirstOrDefault(m => m.Name == firstPartyMemberName);

            var values = new List<MappedValue>();
            foreach (var group in members.GroupBy(m => m.ConstantValue))
            {
                var aliases = group.ToList();
                if (firstPartyMember != null && Equals(group.Key, firstPartyMember.ConstantValue))
                {
                    values.Add(new MappedValue(firstPartyMember, firstPartyProvider, firstPartyProvider is null ? "ApiProvider has no FirstParty member" : null));
                    continue;
                }

                var readings = aliases.Select(alias => (Alias: alias, Spelling: ProviderSpellings.Read(alias.Name))).ToList();
                var matches = readings.Where(r => r.Spelling.Kind == SpellingKind.Backend).ToList();
                var distinct = matches.Select(m => m.Spelling.Provider!).Distinct().ToList();
                if (distinct.Count == 1)
                {
                    var provider = providers.FirstOrDefault(p => p.Name == distinct[0]);
                    values.Add(provider is null
                        ? new MappedValue(matches[0].Alias, null, Name(hostEnum, matches[0].Alias) + " names " + distinct[0] + ", which this version of ApiProvider does not have")
                        : new MappedValue(matches[0].Alias, provider, null));
                }
                else if (distinct.Count > 1)
                {
                    values.Add(new MappedValue(aliases[0], null, string.Join(" and ", matches.Select(m => Name(hostEnum, m.Alias))) + " share one value but name different backends (" + string.Join(", ", distinct) + ")"));
                }
                else
                {
                    values.Add(new MappedValue(aliases[0], null, UnmatchedReason(hostEnum, readings, firstPartyMemberName)));
                }
            }

            var isFlags = hostEnum.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
            return new ProviderMappingPlan(hostEnum, values, isFlags);
        }

        private const string FirstParty = "FirstParty";

        private static string UnmatchedReason(INamedTypeSymbol hostEnum, List<(IFieldSymbol Alias, SpellingMatch Spelling)> readings, string firstPartyMemberName)
        {
            var firstPartyNamed = readings.FirstOrDefault(r => r.Spelling.Kind == SpellingKind.FirstPartyNamed);
            if (firstPartyNamed.Alias != null)
            {
                return Name(hostEnum, firstPartyNamed.Alias) + " is named like Anthropic's own API, but the first-party member is " + hostEnum.Name + "." + firstPartyMemberName
                    + " (provider_audit.first_party_member), which the old checks compared with";
            }

            var ambiguous = readings.FirstOrDefault(r => r.Spelling.Kind == SpellingKind.Ambiguous);
            var reading = ambiguous.Alias != null ? ambiguous : readings[0];
            return Name(hostEnum, reading.Alias) + " " + reading.Spelling.Reason;
        }

        private static string Name(INamedTypeSymbol hostEnum, IFieldSymbol member) => hostEnum.Name + "." + member.Name;
    }
}
