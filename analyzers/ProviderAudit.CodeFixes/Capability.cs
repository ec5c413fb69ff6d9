using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes
{
    /// <summary>The two questions a first-party check can really be asking.</summary>
    internal enum Capability
    {
        ModelIdFormat,
        AuthTransport,
    }

    internal static class CapabilityNames
    {
        public static string ExtensionMethod(this Capability capability) =>
            capability == Capability.ModelIdFormat ? "ModelIdFormat" : "AuthTransport";

        public static string Title(this Capability capability) =>
            capability == Capability.ModelIdFormat ? "Use model-ID format capability" : "Use auth-transport capability";

        public static string EquivalenceKey(this Capability capability) =>
            capability == Capability.ModelIdFormat
                ? DiagnosticContract.UseModelIdFormatEquivalenceKey
                : DiagnosticContract.UseAuthTransportEquivalenceKey;

        /// <summary>The capability the analyzer inferred for the flagged check; null when ambiguous or absent.</summary>
        public static Capability? Inferred(Microsoft.CodeAnalysis.Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern);
            return concern == DiagnosticContract.Concerns.ModelIdFormat ? Capability.ModelIdFormat
                : concern == DiagnosticContract.Concerns.AuthTransport ? Capability.AuthTransport
                : (Capability?)null;
        }

        /// <summary>
        /// What an ambiguous site gets when Fix All was started without a capability (no equivalence key): the model-ID
        /// format, the rewrite that keeps Claude Platform on AWS where the old check put first-party-shaped code.
        /// </summary>
        public const Capability ForAmbiguousSites = Capability.ModelIdFormat;

        /// <summary>
        /// The inferred concern's fix comes first; an ambiguous (or unknown) concern lists model-ID format first,
        /// the rewrite that keeps Claude Platform on AWS closest to its old first-party behaviour.
        /// </summary>
        public static Capability[] InOfferOrder(string? concern) =>
            concern == DiagnosticContract.Concerns.AuthTransport
                ? new[] { Capability.AuthTransport, Capability.ModelIdFormat }
                : new[] { ForAmbiguousSites, Capability.AuthTransport };
    }
}
