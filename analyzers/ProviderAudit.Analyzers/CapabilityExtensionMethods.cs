using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// Whether a provider enum has <c>ModelIdFormat()</c> and <c>AuthTransport()</c> extension methods, i.e. whether a
    /// check on it can be rewritten to a capability. Shared by the analyzer (the <c>HasCapabilityFix</c> property)
    /// and the code fixes, so both answer the same way.
    /// </summary>
    public static class CapabilityExtensionMethods
    {
        /// <summary>
        /// Looks for the capability extension methods in static classes of the enum's own namespace, where
        /// ApiProviderCapabilities lives; searching every namespace would cost a walk of all referenced symbols.
        /// </summary>
        public static bool ExistFor(INamedTypeSymbol enumType)
        {
            var hasModelIdFormat = false;
            var hasAuthTransport = false;
            if (enumType.ContainingNamespace is null)
            {
                return false;
            }

            foreach (var type in enumType.ContainingNamespace.GetTypeMembers())
            {
                if (!type.IsStatic || !type.MightContainExtensionMethods)
                {
                    continue;
                }

                hasModelIdFormat |= HasExtension(type, "ModelIdFormat", enumType);
                hasAuthTransport |= HasExtension(type, "AuthTransport", enumType);
            }

            return hasModelIdFormat && hasAuthTransport;
        }

        private static bool HasExtension(INamedTypeSymbol container, string name, INamedTypeSymbol enumType)
        {
            foreach (var member in container.GetMembers(name))
            {
                if (member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: 1 } method
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, enumType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
