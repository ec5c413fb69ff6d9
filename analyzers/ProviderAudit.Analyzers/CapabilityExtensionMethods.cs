using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// Whether a provider enum has <c>ModelIdFormat()</c> and <c>AuthTransport()</c> extension methods, i.e. whether a
    /// check on it can be rewritten to a capability. Shared by the analyzer (the <c>HasCapabilityFix</c> property, PA0003)
    /// and the code fixes, so both answer the same way.
    /// </summary>
    public static class CapabilityExtensionMethods
    {
        /// <summary>The mapping's translation to <c>ProviderAudit.Runtime.ApiProvider</c>.</summary>
        public const string ToApiProvider = "ToApiProvider";

        /// <summary>The model-id format capability.</summary>
        public const string ModelIdFormat = "ModelIdFormat";

        /// <summary>The auth-transport capability.</summary>
        public const string AuthTransport = "AuthTransport";

        /// <summary>Both capability methods exist (in the enum's own assembly; see <see cref="Find"/> for the compilation-wide lookup).</summary>
        public static bool ExistFor(INamedTypeSymbol enumType) => Find(enumType, null).IsComplete;

        /// <summary>Both capability methods exist and are accessible in <paramref name="compilation"/>.</summary>
        public static bool ExistFor(INamedTypeSymbol enumType, Compilation compilation) => Find(enumType, compilation).IsComplete;

        /// <summary>
        /// Looks for the mapping's extension methods in two places: static classes of the enum's namespace as seen from
        /// <paramref name="compilation"/> (where ApiProviderCapabilities lives, and where a library ships a mapping for its
        /// enum), and methods of that name declared anywhere in the compilation's own source (the PA0003 fix puts a mapping
        /// for a referenced enum next to the code that uses it). Both are cheap: one namespace's types, and the
        /// compiler's declaration index; searching every referenced namespace would cost a walk of all symbols.
        /// </summary>
        public static CapabilityMapping Find(INamedTypeSymbol enumType, Compilation? compilation)
        {
            IMethodSymbol? toApiProvider = null, modelIdFormat = null, authTransport = null;
            var ns = enumType.ContainingNamespace;
            if (ns != null)
            {
                if (compilation != null)
                {
                    ns = compilation.GetCompilationNamespace(ns) ?? ns;
                }

                foreach (var type in ns.GetTypeMembers())
                {
                    if (!type.IsStatic || !type.MightContainExtensionMethods)
                    {
                        continue;
                    }

                    toApiProvider ??= Extension(type.GetMembers(ToApiProvider), enumType, compilation);
                    modelIdFormat ??= Extension(type.GetMembers(ModelIdFormat), enumType, compilation);
                    authTransport ??= Extension(type.GetMembers(AuthTransport), enumType, compilation);
                }
            }

            if (compilation != null)
            {
                toApiProvider ??= Extension(compilation.GetSymbolsWithName(ToApiProvider, SymbolFilter.Member), enumType, compilation);
                modelIdFormat ??= Extension(compilation.GetSymbolsWithName(ModelIdFormat, SymbolFilter.Member), enumType, compilation);
                authTransport ??= Extension(compilation.GetSymbolsWithName(AuthTransport, SymbolFilter.Member), enumType, compilation);
            }

            return new CapabilityMapping(toApiProvider, modelIdFormat, authTransport);
        }

        /// <summary>
        /// Whether <paramref name="member"/> is one of the mapping's own methods for <paramref name="enumType"/>: an extension
        /// method on it named <see cref="ToApiProvider"/>, <see cref="ModelIdFormat"/> or <see cref="AuthTransport"/>. Code in
        /// them translates a provider; it does not check one, so PA0001 does not report there.
        /// </summary>
        public static bool IsMappingMethod(ISymbol? member, INamedTypeSymbol enumType) =>
            member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: 1 } method
            && (method.Name == ToApiProvider || method.Name == ModelIdFormat || method.Name == AuthTransport)
            && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, enumType);

        /// <summary>
        /// Whether PA0003's fix can write the mapping of <paramref name="enumType"/> in <paramref name="compilation"/>: the
        /// runtime's <c>ApiProvider</c> is there to map to, an extension method can name the enum (top-level or nested in
        /// non-generic types, visible to the whole assembly), no <c>ToApiProvider</c> returning something else owns
        /// the name (a second one would make calls ambiguous, CS0121), and the class the rest is added to has no plain
        /// method taking the name of a missing one (CS0111).
        /// </summary>
        public static bool CanWriteMapping(INamedTypeSymbol enumType, CapabilityMapping mapping, Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName(ProviderTarget.ApiProviderMetadataName) is not { TypeKind: TypeKind.Enum } apiProvider
                || !compilation.IsSymbolAccessibleWithin(enumType, compilation.Assembly))
            {
                return false;
            }

            for (var type = enumType.ContainingType; type != null; type = type.ContainingType)
            {
                if (type.IsGenericType)
                {
                    return false;
                }
            }

            return (mapping.ToApiProvider is null || ReturnsApiProvider(mapping.ToApiProvider, apiProvider) is not null)
                && !HolderTakesMissingName(enumType, mapping);
        }

        /// <summary>
        /// A class holding part of the mapping (where the fix adds the rest) already declares a method with a missing
        /// capability's name and the enum as its only parameter, not as an extension: the added one would be CS0111.
        /// </summary>
        private static bool HolderTakesMissingName(INamedTypeSymbol enumType, CapabilityMapping mapping)
        {
            foreach (var holder in new[] { mapping.ToApiProvider, mapping.ModelIdFormat, mapping.AuthTransport })
            {
                if (holder is null)
                {
                    continue;
                }

                foreach (var missing in new[] { mapping.ModelIdFormat is null ? ModelIdFormat : null, mapping.AuthTransport is null ? AuthTransport : null })
                {
                    foreach (var member in missing is null ? ImmutableArray<ISymbol>.Empty : holder.ContainingType.GetMembers(missing))
                    {
                        if (member is IMethodSymbol { Parameters.Length: 1 } method && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, enumType))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>False for <c>ApiProvider</c>, true for <c>ApiProvider?</c>, null for anything else.</summary>
        public static bool? ReturnsApiProvider(IMethodSymbol method, INamedTypeSymbol apiProvider)
        {
            if (SymbolEqualityComparer.Default.Equals(method.ReturnType, apiProvider))
            {
                return false;
            }

            return method.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], apiProvider)
                ? true
                : (bool?)null;
        }

        private static IMethodSymbol? Extension(System.Collections.Generic.IEnumerable<ISymbol> candidates, INamedTypeSymbol enumType, Compilation? compilation)
        {
            foreach (var member in candidates)
            {
                if (member is IMethodSymbol method && IsMappingMethod(method, enumType)
                    && (compilation is null || compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)))
                {
                    return method;
                }
            }

            return null;
        }
    }

    /// <summary>The extension methods of one provider enum's capability mapping that exist; null for each one missing.</summary>
    public sealed class CapabilityMapping
    {
        public CapabilityMapping(IMethodSymbol? toApiProvider, IMethodSymbol? modelIdFormat, IMethodSymbol? authTransport)
        {
            ToApiProvider = toApiProvider;
            ModelIdFormat = modelIdFormat;
            AuthTransport = authTransport;
        }

        public IMethodSymbol? ToApiProvider { get; }

        public IMethodSymbol? ModelIdFormat { get; }

        public IMethodSymbol? AuthTransport { get; }

        /// <summary>
        /// The namespace whose import brings the capability methods into scope (that of the class declaring
        /// <see cref="ModelIdFormat"/>); null for the global namespace or when the method is missing.
        /// </summary>
        public string? ImportNamespace =>
            ModelIdFormat?.ContainingType?.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

        /// <summary>Both capabilities exist: checks on the enum can be rewritten.</summary>
        public bool IsComplete => ModelIdFormat != null && AuthTransport != null;

        /// <summary>
        /// A capability method may return null — it returns <c>IModelIdFormat?</c>, or (declared where nullable annotations
        /// are off, as the PA0003 fix writes it there) an unannotated reference while <c>ToApiProvider()</c> returns
        /// <c>ApiProvider?</c> — so the enum has members that map to no backend and a rewritten check reads
        /// <c>p.ModelIdFormat()?.IsFirstParty == true</c>.
        /// </summary>
        public bool CapabilityMayBeNull => MayBeNull(ModelIdFormat) || MayBeNull(AuthTransport);

        /// <summary>The missing methods as a message lists them, e.g. <c>ModelIdFormat(), AuthTransport()</c>.</summary>
        public string DescribeMissing()
        {
            var missing = new System.Collections.Generic.List<string>();
            if (ModelIdFormat is null)
            {
                missing.Add(CapabilityExtensionMethods.ModelIdFormat + "()");
            }

            if (AuthTransport is null)
            {
                missing.Add(CapabilityExtensionMethods.AuthTransport + "()");
            }

            return string.Join(", ", missing);
        }

        private bool MayBeNull(IMethodSymbol? method) =>
            method != null
            && (method.ReturnNullableAnnotation == NullableAnnotation.Annotated
                || method.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                || (method.ReturnNullableAnnotation == NullableAnnotation.None && method.ReturnType.IsReferenceType
                    && ToApiProvider?.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T));
    }
}
