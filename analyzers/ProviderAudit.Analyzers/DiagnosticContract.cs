namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// What the analyzer promises the code fixes (and any other consumer of its diagnostics):
    /// the id, and the property that carries the concern the flagged check guards.
    /// </summary>
    public static class DiagnosticContract
    {
        /// <summary>Every comparison with the first-party provider member.</summary>
        public const string FirstPartyComparisonId = "PA0001";

        /// <summary>Diagnostic property holding one of the <see cref="Concerns"/> values.</summary>
        public const string ConcernProperty = "Concern";

        /// <summary>Code-fix equivalence key for the model-ID format rewrite (stable: Fix All and dotnet format use it).</summary>
        public const string UseModelIdFormatEquivalenceKey = "PA0001.UseModelIdFormat";

        /// <summary>Code-fix equivalence key for the auth-transport rewrite.</summary>
        public const string UseAuthTransportEquivalenceKey = "PA0001.UseAuthTransport";

        /// <summary>The values of <see cref="ConcernProperty"/>.</summary>
        public static class Concerns
        {
            /// <summary>The guarded code is about model ids, catalog, aliases.</summary>
            public const string ModelIdFormat = "ModelIdFormat";

            /// <summary>The guarded code is about headers, keys, tokens, endpoints, credentials, clients.</summary>
            public const string AuthTransport = "AuthTransport";

            /// <summary>Neither or both.</summary>
            public const string Ambiguous = "Ambiguous";
        }
    }
}
