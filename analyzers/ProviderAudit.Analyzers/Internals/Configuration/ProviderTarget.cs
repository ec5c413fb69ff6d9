using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers.Internals.Configuration
{
    /// <summary>A provider enum the audit polices, with the constant value of its first-party member.</summary>
    internal sealed class ProviderTarget
    {
        public const string ApiProviderMetadataName = "ProviderAudit.Runtime.ApiProvider";

        private ProviderTarget(INamedTypeSymbol type, IFieldSymbol firstParty, CapabilityMapping mapping, bool isConfigured, Compilation compilation)
        {
            Type = type;
            FirstPartyValue = firstParty.ConstantValue;
            FirstPartyMemberName = firstParty.Name;
            MemberDisplay = type.Name + "." + firstParty.Name;
            MetadataName = MetadataNameOf(type);
            FullyQualifiedName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            Mapping = mapping;
            IsConfigured = isConfigured;
            MappingCanBeWritten = !mapping.IsComplete && CapabilityExtensionMethods.CanWriteMapping(type, mapping, compilation);
            CapabilityNamespace = mapping.ImportNamespace
                ?? (type.ContainingNamespace is { IsGlobalNamespace: false } ns && mapping.ModelIdFormat is null ? ns.ToDisplayString() : string.Empty);
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>The member's value, boxed as the enum's underlying type (how Roslyn reports enum constants).</summary>
        public object? FirstPartyValue { get; }

        /// <summary>E.g. <c>ApiProvider.FirstParty</c>, for messages.</summary>
        public string MemberDisplay { get; }

        /// <summary>The name <c>Compilation.GetTypeByMetadataName</c> finds the type by (<c>Outer+Inner</c> for nested types).</summary>
        public string MetadataName { get; }

        /// <summary><c>global::…</c> name of the enum.</summary>
        public string FullyQualifiedName { get; }

        /// <summary>
        /// Namespace of the capability extension methods (that of the class declaring <c>ModelIdFormat()</c>: the enum's own
        /// namespace, or wherever a mapping for a referenced enum was put), empty for the global namespace.
        /// </summary>
        public string CapabilityNamespace { get; }

        /// <summary>The configured (or, for ApiProvider, the fixed) name of the first-party member.</summary>
        public string FirstPartyMemberName { get; }

        /// <summary>The type's capability mapping as far as it exists.</summary>
        public CapabilityMapping Mapping { get; }

        /// <summary>Whether <c>ModelIdFormat()</c> and <c>AuthTransport()</c> extension methods exist for the type.</summary>
        public bool HasCapabilityFix => Mapping.IsComplete;

        /// <summary>Without a complete mapping, and PA0003's fix can write one (<see cref="CapabilityExtensionMethods.CanWriteMapping"/>).</summary>
        public bool MappingCanBeWritten { get; }

        /// <summary>Listed in <c>provider_audit.additional_provider_types</c> (not the runtime's own ApiProvider).</summary>
        public bool IsConfigured { get; }

        /// <summary>
        /// <c>ProviderAudit.Runtime.ApiProvider</c> (when referenced) and the configured extra enums.
        /// Configured types this compilation does not reference are skipped, as ApiProvider is: one
        /// solution-wide .editorconfig serves projects that do not see every provider type.
        /// </summary>
        public static ImmutableArray<ProviderTarget> Resolve(
            Compilation compilation,
            AuditConfiguration configuration,
            ImmutableArray<ConfigurationProblem>.Builder problems)
        {
            var targets = ImmutableArray.CreateBuilder<ProviderTarget>();
            var apiProvider = compilation.GetTypeByMetadataName(ApiProviderMetadataName);
            if (apiProvider is { TypeKind: TypeKind.Enum } && FindMember(apiProvider, AuditConfiguration.DefaultFirstPartyMember) is { } firstParty)
            {
                targets.Add(new ProviderTarget(apiProvider, firstParty, CapabilityExtensionMethods.Find(apiProvider, compilation), isConfigured: false, compilation));
            }

            foreach (var name in configuration.AdditionalProviderTypes)
            {
                var type = compilation.GetTypeByMetadataName(name);
                if (type is null || (apiProvider is not null && SymbolEqualityComparer.Default.Equals(type, apiProvider)))
                {
                    continue;
                }

                if (type.TypeKind != TypeKind.Enum)
                {
                    problems.Add(new ConfigurationProblem(AuditConfiguration.AdditionalProviderTypesKey, name, RuleTexts.Configuration.NotAnEnum(name, type.TypeKind.ToString().ToLowerInvariant())));
                    continue;
                }

                var member = FindMember(type, configuration.FirstPartyMember);
                if (member is null)
                {
                    problems.Add(new ConfigurationProblem(AuditConfiguration.FirstPartyMemberKey, configuration.FirstPartyMember, RuleTexts.Configuration.NoFirstPartyMember(name, configuration.FirstPartyMember)));
                    continue;
                }

                targets.Add(new ProviderTarget(type, member, CapabilityExtensionMethods.Find(type, compilation), isConfigured: true, compilation));
            }

            return targets.ToImmutable();
        }

        /// <summary>How a value that may hold this provider is typed; null when it cannot hold one.</summary>
        public ProviderShape? Classify(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Type))
            {
                return ProviderShape.Value;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
                && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], Type))
            {
                return ProviderShape.Nullable;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Object:
                case SpecialType.System_ValueType:
                case SpecialType.System_Enum:
                    return ProviderShape.Boxed;
            }

            if (type.TypeKind == TypeKind.Interface)
            {
                foreach (var implemented in Type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, type))
                    {
                        return ProviderShape.Boxed;
                    }
                }
            }

            return null;
        }

        /// <summary>The enum or its nullable.</summary>
        public bool IsProviderTyped(ITypeSymbol? type)
        {
            var shape = Classify(type);
            return shape == ProviderShape.Value || shape == ProviderShape.Nullable;
        }

        private static string MetadataNameOf(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
            }

            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        private static IFieldSymbol? FindMember(INamedTypeSymbol enumType, string name)
        {
            foreach (var member in enumType.GetMembers(name))
            {
                if (member is IFieldSymbol { HasConstantValue: true } field)
                {
                    return field;
                }
            }

            return null;
        }
    }
}
