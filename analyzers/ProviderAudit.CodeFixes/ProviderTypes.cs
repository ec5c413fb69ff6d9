using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes
{
    /// <summary>How a value that may hold a provider is typed, which decides the shape of the capability call.</summary>
    internal enum ProviderShape
    {
        /// <summary><c>ApiProvider</c>: call the capability directly.</summary>
        Value,

        /// <summary><c>ApiProvider?</c>: call it through <c>?.</c> so null keeps its old answer.</summary>
        Nullable,

        /// <summary><c>object</c>, <c>Enum</c>, an interface the enum implements: type-test first.</summary>
        Boxed,
    }

    /// <summary>
    /// A provider enum the fixes can rewrite: <c>ProviderAudit.Runtime.ApiProvider</c>, or a type configured with
    /// <c>provider_audit.additional_provider_types</c> that has <c>ModelIdFormat()</c>/<c>AuthTransport()</c> extension
    /// methods in its own namespace (where the analyzer looks for them too).
    /// </summary>
    internal sealed class ProviderTypes
    {
        public const string ApiProviderMetadataName = "ProviderAudit.Runtime.ApiProvider";
        public const string DefaultFirstPartyMember = "FirstParty";
        public const string FirstPartyMemberKey = "provider_audit.first_party_member";

        private ProviderTypes(INamedTypeSymbol providerEnum, object firstPartyValue)
        {
            ApiProvider = providerEnum;
            FirstPartyValue = firstPartyValue;
            Namespace = providerEnum.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
            FullyQualifiedName = providerEnum.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }

        /// <summary>The provider enum (named for the usual case).</summary>
        public INamedTypeSymbol ApiProvider { get; }

        public object FirstPartyValue { get; }

        /// <summary>Namespace to import for the extension methods; null for the global namespace.</summary>
        public string? Namespace { get; }

        /// <summary><c>global::…</c> name of the enum.</summary>
        public string FullyQualifiedName { get; }

        /// <summary>
        /// Null when the compilation lacks the enum, the first-party member or either capability extension method:
        /// then there is nothing to rewrite to.
        /// </summary>
        public static ProviderTypes? Resolve(Compilation compilation, string metadataName, string firstPartyMember)
        {
            var providerEnum = compilation.GetTypeByMetadataName(metadataName);
            if (providerEnum is null || providerEnum.TypeKind != TypeKind.Enum || !CapabilityExtensionMethods.ExistFor(providerEnum))
            {
                return null;
            }

            foreach (var member in providerEnum.GetMembers(firstPartyMember))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value })
                {
                    return new ProviderTypes(providerEnum, value);
                }
            }

            return null;
        }

        public ProviderShape? Classify(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, ApiProvider))
            {
                return ProviderShape.Value;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], ApiProvider))
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
                foreach (var implemented in ApiProvider.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, type))
                    {
                        return ProviderShape.Boxed;
                    }
                }
            }

            return null;
        }

        public bool IsProviderTyped(ITypeSymbol? type)
        {
            var shape = Classify(type);
            return shape == ProviderShape.Value || shape == ProviderShape.Nullable;
        }
    }
}
