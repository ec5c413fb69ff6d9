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
    /// <item>any other value maps to the <c>ApiProvider</c> member whose name equals one of its member names, ignoring case and
    /// underscores (<c>Bedrock</c>, <c>BEDROCK</c>, <c>Claude_Platform_Aws</c>), except <c>FirstParty</c>, which only the
    /// configured member reaches — the old checks treated only that member as first party;</item>
    /// <item>a value that matches nothing, or whose aliases match different members, maps to nothing and says so.</item>
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
            var firstPartyProvider = providers.FirstOrDefault(p => p.Name == "FirstParty");
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

                var matches = aliases
                    .Select(alias => (Alias: alias, Provider: providers.FirstOrDefault(p => !SymbolEqualityComparer.Default.Equals(p, firstPartyProvider) && Normalize(p.Name) == Normalize(alias.Name))))
                    .Where(match => match.Provider != null)
                    .ToList();
                var distinct = matches.Select(m => m.Provider!).Distinct<IFieldSymbol>(SymbolEqualityComparer.Default).ToList();
                if (distinct.Count == 1)
                {
                    values.Add(new MappedValue(matches[0].Alias, distinct[0], null));
                }
                else if (distinct.Count > 1)
                {
                    values.Add(new MappedValue(aliases[0], null, string.Join(" and ", matches.Select(m => Name(hostEnum, m.Alias))) + " share one value but are named like different ApiProvider members (" + string.Join(", ", distinct.Select(p => p.Name)) + ")"));
                }
                else
                {
                    values.Add(new MappedValue(aliases[0], null, UnmatchedReason(hostEnum, aliases, firstPartyProvider, firstPartyMemberName)));
                }
            }

            var isFlags = hostEnum.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
            return new ProviderMappingPlan(hostEnum, values, isFlags);
        }

        private static string UnmatchedReason(INamedTypeSymbol hostEnum, List<IFieldSymbol> aliases, IFieldSymbol? firstPartyProvider, string firstPartyMemberName)
        {
            var names = string.Join(" / ", aliases.Select(a => Name(hostEnum, a)));
            if (firstPartyProvider != null && aliases.Any(a => Normalize(a.Name) == Normalize(firstPartyProvider.Name)))
            {
                return names + " is named like ApiProvider.FirstParty, but the first-party member is " + hostEnum.Name + "." + firstPartyMemberName + " (provider_audit.first_party_member), which the old checks compared with";
            }

            return names + " matches no ApiProvider member by name";
        }

        private static string Name(INamedTypeSymbol hostEnum, IFieldSymbol member) => hostEnum.Name + "." + member.Name;

        private static string Normalize(string name) => name.Replace("_", string.Empty).ToUpperInvariant();
    }
}
