using Microsoft.CodeAnalysis;

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

    /// <summary>The runtime types the fixes rewrite to, resolved once per compilation.</summary>
    internal sealed class ProviderTypes
    {
        public const string ApiProviderMetadataName = "ProviderAudit.Runtime.ApiProvider";
        public const string CapabilitiesMetadataName = "ProviderAudit.Runtime.ApiProviderCapabilities";
        public const string RuntimeNamespace = "ProviderAudit.Runtime";

        private ProviderTypes(INamedTypeSymbol apiProvider, INamedTypeSymbol capabilities, object firstPartyValue)
        {
            ApiProvider = apiProvider;
            Capabilities = capabilities;
            FirstPartyValue = firstPartyValue;
        }

        public INamedTypeSymbol ApiProvider { get; }

        public INamedTypeSymbol Capabilities { get; }

        public object FirstPartyValue { get; }

        /// <summary>Null when the compilation lacks the runtime's provider enum or its capability extension methods: then there is nothing to rewrite to.</summary>
        public static ProviderTypes? Resolve(Compilation compilation)
        {
            var apiProvider = compilation.GetTypeByMetadataName(ApiProviderMetadataName);
            var capabilities = compilation.GetTypeByMetadataName(CapabilitiesMetadataName);
            if (apiProvider is null || capabilities is null || apiProvider.TypeKind != TypeKind.Enum)
            {
                return null;
            }

            foreach (var member in apiProvider.GetMembers("FirstParty"))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value })
                {
                    return new ProviderTypes(apiProvider, capabilities, value);
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
