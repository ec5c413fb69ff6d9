namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// What the analyzer promises the code fixes (and any other consumer of its diagnostics):
    /// the ids, where each diagnostic is located, and the properties that describe the flagged check.
    /// </summary>
    /// <remarks>
    /// <para>Location of a <see cref="FirstPartyComparisonId"/> diagnostic (the fixer finds its node with
    /// <c>root.FindNode(span, getInnermostNodeForTie: true)</c> and then climbs to the first ancestor-or-self
    /// of the listed kind):</para>
    /// <list type="bullet">
    /// <item><c>==</c> / <c>!=</c> (either operand order, lifted/nullable, casts, constants equal to the
    /// first-party member, <c>using static</c>, aliases): the whole <c>BinaryExpressionSyntax</c>.</item>
    /// <item><c>Equals</c> calls (<c>p.Equals(X)</c>, <c>X.Equals(p)</c>, <c>Enum.Equals(a, X)</c>,
    /// <c>object.Equals(a, X)</c>, <c>EqualityComparer&lt;ApiProvider&gt;.Default.Equals(a, X)</c>):
    /// the whole <c>InvocationExpressionSyntax</c>.</item>
    /// <item>Patterns (<c>is X</c>, <c>is not X</c>, inside <c>or</c>/<c>and</c>, property, positional and tuple
    /// patterns, switch expression arms, <c>case X when …:</c>): the <c>ConstantPatternSyntax</c> of X.
    /// Exception forced by the C# parser: in <c>e is X</c> with nothing else after <c>is</c> (no <c>not</c>,
    /// <c>or</c>, <c>and</c>, braces), X is parsed as a type and the statement is an <c>is</c>
    /// <c>BinaryExpressionSyntax</c> (kind <c>IsExpression</c>); there the location is the whole
    /// <c>e is X</c> binary expression.</item>
    /// <item>A classic <c>case ApiProvider.FirstParty:</c> label: the whole <c>CaseSwitchLabelSyntax</c>.</item>
    /// </list>
    /// <para>Properties: <see cref="ConcernProperty"/> always; <see cref="NoFixProperty"/>,
    /// <see cref="HasCapabilityFixProperty"/> and <see cref="ProviderTypeProperty"/> always ("true"/"false",
    /// and the provider type's metadata name).</para>
    /// </remarks>
    public static class DiagnosticContract
    {
        /// <summary>Every comparison with the first-party provider member.</summary>
        public const string FirstPartyComparisonId = "PA0001";

        /// <summary>An invalid <c>provider_audit.*</c> key or value in .editorconfig (reported once per compilation, no location).</summary>
        public const string InvalidConfigurationId = "PA0002";

        /// <summary>
        /// A configured provider enum without a capability mapping (<c>ModelIdFormat()</c>/<c>AuthTransport()</c> extension
        /// methods), reported once per enum and compilation: on the enum's name when it is declared in the compilation,
        /// else on its first PA0001 finding (ordered by file path, then position). Properties:
        /// <see cref="ProviderTypeProperty"/> and <see cref="FirstPartyMemberProperty"/>.
        /// </summary>
        public const string MissingProviderMappingId = "PA0003";

        /// <summary>Diagnostic property of PA0003: the configured first-party member of the enum (<c>provider_audit.first_party_member</c>).</summary>
        public const string FirstPartyMemberProperty = "FirstPartyMember";

        /// <summary>Code-fix equivalence key of the PA0003 fix that adds the mapping.</summary>
        public const string AddProviderMappingEquivalenceKey = "PA0003.AddProviderMapping";

        /// <summary>Diagnostic property holding one of the <see cref="Concerns"/> values.</summary>
        public const string ConcernProperty = "Concern";

        /// <summary>
        /// Diagnostic property, "true" when no rewrite must be offered: the check sits inside a lambda converted
        /// to <c>System.Linq.Expressions.Expression&lt;T&gt;</c>, where a method call changes what a LINQ/EF
        /// provider can translate, or it is a tuple equality (<c>(p, x) == (ApiProvider.FirstParty, y)</c>,
        /// located on the whole binary expression) that no single capability call can replace. "false" otherwise.
        /// </summary>
        public const string NoFixProperty = "NoFix";

        /// <summary>
        /// Diagnostic property, "true" when the compared type has <c>ModelIdFormat()</c> and <c>AuthTransport()</c>
        /// extension methods (always for <c>ProviderAudit.Runtime.ApiProvider</c>); "false" for configured extra
        /// provider types without them and for string provider-name comparisons, which cannot be rewritten.
        /// </summary>
        public const string HasCapabilityFixProperty = "HasCapabilityFix";

        /// <summary>
        /// Diagnostic property holding the compared provider type's metadata name
        /// (e.g. <c>ProviderAudit.Runtime.ApiProvider</c>), or <c>System.String</c> for provider-name comparisons.
        /// </summary>
        public const string ProviderTypeProperty = "ProviderType";

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
