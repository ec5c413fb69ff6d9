using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// What the analyzer promises the code fixes (and any other consumer of its diagnostics, e.g. a CLI): the ids,
    /// where each diagnostic is located, and the properties that describe the flagged check and, when it can be
    /// rewritten, exactly how. The analyzer decides everything semantic (which type, which shape, whether a fix is
    /// safe); the code fixes only read these properties and rewrite syntax.
    /// </summary>
    /// <remarks>
    /// <para>Location of a <see cref="FirstPartyComparisonId"/> diagnostic:</para>
    /// <list type="bullet">
    /// <item><c>==</c> / <c>!=</c> (either operand order, lifted/nullable, casts, constants equal to the
    /// first-party member, <c>using static</c>, aliases, underlying values such as <c>(int)p == 0</c>): the whole
    /// <c>BinaryExpressionSyntax</c>.</item>
    /// <item><c>Equals</c> calls (<c>p.Equals(X)</c>, <c>X.Equals(p)</c>, <c>Enum.Equals(a, X)</c>,
    /// <c>object.Equals(a, X)</c>, <c>EqualityComparer&lt;ApiProvider&gt;.Default.Equals(a, X)</c>) and membership
    /// tests (<c>new[] { X, … }.Contains(p)</c>, <c>Set.Contains(p)</c>): the whole
    /// <c>InvocationExpressionSyntax</c>.</item>
    /// <item>Patterns (<c>is X</c>, <c>is not X</c>, inside <c>or</c>/<c>and</c>, property, positional and tuple
    /// patterns, switch expression arms, <c>case X when …:</c>): the <c>ConstantPatternSyntax</c> of X.
    /// Exception forced by the C# parser: in <c>e is X</c> with nothing else after <c>is</c> (no <c>not</c>,
    /// <c>or</c>, <c>and</c>, braces), X is parsed as a type and the statement is an <c>is</c>
    /// <c>BinaryExpressionSyntax</c> (kind <c>IsExpression</c>); there the location is the whole
    /// <c>e is X</c> binary expression.</item>
    /// <item>A classic <c>case ApiProvider.FirstParty:</c> label: the whole <c>CaseSwitchLabelSyntax</c>.</item>
    /// </list>
    /// <para>Properties always present: <see cref="ConcernProperty"/>, <see cref="NoFixProperty"/>,
    /// <see cref="HasCapabilityFixProperty"/>, <see cref="ProviderTypeProperty"/>. With <c>NoFix=true</c>:
    /// <see cref="NoFixReasonProperty"/>, and <see cref="FixableAfterProperty"/> when another rule's fix makes it fixable. With <c>NoFix=false</c>: <see cref="FixShapeProperty"/>,
    /// <see cref="ImportNamespaceProperty"/>, <see cref="NullableCapabilityProperty"/>, for string checks
    /// <see cref="ProviderIdParserProperty"/> and <see cref="FirstPartyIdsProperty"/>, and per shape the keys listed on <see cref="FixShapes"/>; the
    /// diagnostic's <c>AdditionalLocations</c> then hold the nodes the rewrite works on (see
    /// <see cref="FixShapes"/>). A consumer that finds a property missing or a value it does not know must treat
    /// the diagnostic as not fixable.</para>
    /// </remarks>
    public static class DiagnosticContract
    {
        /// <summary>The provider type the audit knows without configuration (its metadata name).</summary>
        public const string ProviderTypeMetadataName = ProviderTarget.ApiProviderMetadataName;

        /// <summary>The first-party member compared against when <c>provider_audit.first_party_member</c> is not set.</summary>
        public const string DefaultFirstPartyMember = AuditConfiguration.DefaultFirstPartyMember;

        /// <summary>
        /// The prefix of every .editorconfig / .globalconfig key the audit reads; a project without such keys is audited
        /// only for <see cref="ProviderTypeMetadataName"/>.
        /// </summary>
        public const string ConfigurationKeyPrefix = AuditConfiguration.KeyPrefix;

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

        /// <summary>Diagnostic property holding one of the <see cref="Concerns"/> values. Stable.</summary>
        public const string ConcernProperty = "Concern";

        /// <summary>
        /// Diagnostic property, "true" when no rewrite must be offered (the reason is in <see cref="NoFixReasonProperty"/>),
        /// "false" when the site can be rewritten as the fix properties describe. Stable.
        /// </summary>
        public const string NoFixProperty = "NoFix";

        /// <summary>Diagnostic property, present when <c>NoFix=true</c>: one of the <see cref="NoFixReasons"/> values.</summary>
        public const string NoFixReasonProperty = "NoFixReason";

        /// <summary>
        /// Diagnostic property, present on a finding that has no fix yet but gets one once another rule's fix is applied: that
        /// rule's id. Today only <see cref="MissingProviderMappingId"/> (PA0003), on a PA0001 finding with
        /// <c>NoFixReason=NoCapabilityMethods</c> whose enum PA0003's fix can map and whose check has a shape the capability
        /// fixes rewrite. A report says "becomes fixable with PA0003's fix", not "change it by hand". Absent when the mapping
        /// must be written by hand, or the check would still need a hand rewrite after it.
        /// </summary>
        public const string FixableAfterProperty = "FixableAfter";

        /// <summary>
        /// Diagnostic property, "true" when the compared type has <c>ModelIdFormat()</c> and <c>AuthTransport()</c>
        /// extension methods (always for <c>ProviderAudit.Runtime.ApiProvider</c>), and for provider-name comparisons in a
        /// compilation that has <c>ProviderAudit.Runtime.ApiProviderIds</c> to parse the name; "false" for configured extra
        /// provider types without them and for provider names without that parser.
        /// </summary>
        public const string HasCapabilityFixProperty = "HasCapabilityFix";

        /// <summary>
        /// Diagnostic property holding the compared provider type's metadata name
        /// (e.g. <c>ProviderAudit.Runtime.ApiProvider</c>, nested types as <c>Outer+Inner</c>), or <c>System.String</c>
        /// for provider-name comparisons.
        /// </summary>
        public const string ProviderTypeProperty = "ProviderType";

        /// <summary>Diagnostic property, present when <c>NoFix=false</c>: one of the <see cref="FixShapes"/> values.</summary>
        public const string FixShapeProperty = "FixShape";

        /// <summary>
        /// Diagnostic property, present when <c>NoFix=false</c>: the namespace whose <c>using</c> directive brings the
        /// capability extension methods into scope at this site, or the empty string when they already are.
        /// </summary>
        public const string ImportNamespaceProperty = "ImportNamespace";

        /// <summary>
        /// Diagnostic property: how the provider value the rewrite asks about is typed — one of the <see cref="Shapes"/>
        /// values. For <see cref="FixShapes.Comparison"/>, <see cref="FixShapes.IsPattern"/> and
        /// <see cref="FixShapes.Membership"/> the operand; for <see cref="FixShapes.ConstantCaseLabel"/>,
        /// <see cref="FixShapes.SwitchArm"/> and <see cref="FixShapes.PatternCaseLabel"/> the switch's governing expression.
        /// </summary>
        public const string OperandShapeProperty = "OperandShape";

        /// <summary>
        /// Diagnostic property for pattern sites (<see cref="FixShapes.IsPattern"/>, <see cref="FixShapes.SwitchArm"/>,
        /// <see cref="FixShapes.PatternCaseLabel"/>): how the value matched against the flagged constant pattern is
        /// typed, one of <see cref="Shapes.Value"/>, <see cref="Shapes.Nullable"/>, <see cref="Shapes.Boxed"/>.
        /// </summary>
        public const string ConstantShapeProperty = "ConstantShape";

        /// <summary>Diagnostic property for <see cref="FixShapes.Comparison"/>: "true" for <c>!=</c>, else "false".</summary>
        public const string NegatedProperty = "Negated";

        /// <summary>
        /// Diagnostic property for <see cref="FixShapes.IsPattern"/>: "true" when the tested expression may be evaluated
        /// more than once (a name or a chain of member names), else "false".
        /// </summary>
        public const string RepeatableOperandProperty = "RepeatableOperand";

        /// <summary>
        /// Diagnostic property, present when a rewrite writes the provider type (a type pattern such as
        /// <c>ApiProvider p</c>): the type as it must be spelled at this site — the simple name when it binds there
        /// (once <see cref="ImportNamespaceProperty"/> is imported), else the <c>global::</c> name.
        /// </summary>
        public const string ProviderTypeSyntaxProperty = "ProviderTypeSyntax";

        /// <summary>
        /// Diagnostic property for <see cref="FixShapes.SwitchArm"/>: one of the <see cref="CatchAlls"/> values — what a
        /// switch expression that listed every named provider without a catch-all needs once its FirstParty arm is guarded.
        /// </summary>
        public const string CatchAllProperty = "CatchAll";

        /// <summary>
        /// Diagnostic property, present when <c>NoFix=false</c>: "true" when the capability methods return a nullable
        /// reference (<c>IModelIdFormat?</c>: a PA0003 mapping of an enum with values that map to no backend), so the rewrite
        /// reads <c>p.ModelIdFormat()?.IsFirstParty == true</c> and a value without a backend keeps the old answer (not first
        /// party); "false" otherwise.
        /// </summary>
        public const string NullableCapabilityProperty = "NullableCapability";

        /// <summary>
        /// Diagnostic property, present on fixable provider-name checks (<c>ProviderType=System.String</c>): how to spell
        /// <c>ProviderAudit.Runtime.ApiProviderIds</c> at the site (simple or <c>global::</c> name). The rewrite reads the id and
        /// asks the capability — <c>ApiProviderIds.Find(id, "anthropic")?.ModelIdFormat().IsFirstParty == true</c>, with the ids
        /// of <see cref="FirstPartyIdsProperty"/> — so null and ids no backend has (<c>"openai"</c>) keep the old answer, false.
        /// Patterns and case labels type-test the value first (the type written, <see cref="ProviderTypeSyntaxProperty"/>, is
        /// <c>string</c>).
        /// </summary>
        public const string ProviderIdParserProperty = "ProviderIdParser";

        /// <summary>
        /// Diagnostic property, present with <see cref="ProviderIdParserProperty"/>: the host's first-party ids
        /// (<c>provider_audit.string_provider_names</c>) that <c>ApiProviderIds</c> does not read by itself, comma-separated
        /// in ordinal order (<c>anthropic</c>), or the empty string. The rewrite passes each as a string argument of
        /// <c>ApiProviderIds.Find</c>. The analyzer only admits ids of ASCII letters, digits and <c>- _ . : / @ +</c>.
        /// </summary>
        public const string FirstPartyIdsProperty = "FirstPartyIds";

        /// <summary>
        /// Diagnostic property, present when the first-party constant the check reads is a local constant
        /// (<c>const ApiProvider Fp = ApiProvider.FirstParty; … p == Fp</c>): the span (<c>start,length</c>) of its declarator.
        /// The rewrite removes that declaration once nothing in its block names it any more, so the fix does not leave an
        /// unused local behind (warning CS0219).
        /// </summary>
        public const string LocalConstantProperty = "LocalConstant";

        /// <summary>Code-fix equivalence key for the model-ID format rewrite (stable: Fix All and dotnet format use it).</summary>
        public const string UseModelIdFormatEquivalenceKey = "PA0001.UseModelIdFormat";

        /// <summary>Code-fix equivalence key for the auth-transport rewrite.</summary>
        public const string UseAuthTransportEquivalenceKey = "PA0001.UseAuthTransport";

        /// <summary>
        /// PA0001's Fix All rewrites each site to its documented capability (the inferred concern; the model-ID format for an
        /// ambiguous one) whatever diagnostic and equivalence key it is started from, so the IDE, <c>dotnet format</c> and the
        /// CLI give one result. Started with this key — which no code action offers, so neither the IDE nor
        /// <c>dotnet format</c> can start from it — ambiguous sites get the auth transport instead: for a caller that chose
        /// that on purpose (<c>provider-audit fix --ambiguous auth-transport</c>).
        /// </summary>
        public const string AmbiguousToAuthTransportEquivalenceKey = "PA0001.AmbiguousToAuthTransport";

        /// <summary>The values of <see cref="ConcernProperty"/>. Stable.</summary>
        public static class Concerns
        {
            /// <summary>The guarded code is about model ids, catalog, aliases.</summary>
            public const string ModelIdFormat = "ModelIdFormat";

            /// <summary>The guarded code is about headers, keys, tokens, endpoints, credentials, clients.</summary>
            public const string AuthTransport = "AuthTransport";

            /// <summary>Neither or both.</summary>
            public const string Ambiguous = "Ambiguous";
        }

        /// <summary>The values of <see cref="NoFixReasonProperty"/>: why a flagged check has no automatic rewrite.</summary>
        public static class NoFixReasons
        {
            /// <summary>Inside a lambda converted to <c>Expression&lt;T&gt;</c>: a method call changes what a LINQ/EF provider can translate.</summary>
            public const string ExpressionTree = "ExpressionTree";

            /// <summary><c>(p, x) == (ApiProvider.FirstParty, y)</c>: no single capability call can stand in for one tuple element.</summary>
            public const string TupleEquality = "TupleEquality";

            /// <summary>A configured provider enum without <c>ModelIdFormat()</c>/<c>AuthTransport()</c> extension methods.</summary>
            public const string NoCapabilityMethods = "NoCapabilityMethods";

            /// <summary>
            /// A provider name compared as a string in a compilation without <c>ProviderAudit.Runtime.ApiProviderIds</c>: there
            /// is no provider value to ask and nothing to parse the name into one.
            /// </summary>
            public const string StringProviderName = "StringProviderName";

            /// <summary>
            /// Not reported since the rewrite passes the host's first-party ids to <c>ApiProviderIds.Find</c>
            /// (<see cref="FirstPartyIdsProperty"/>); kept so consumers that know the value keep compiling. It meant: a provider
            /// name compared with a string <c>ApiProviderIds.Parse</c> did not read as first party.
            /// </summary>
            public const string UnknownProviderId = "UnknownProviderId";

            /// <summary>
            /// <c>(int)p == 0</c> and other comparisons of the enum's underlying number: the number is not a provider,
            /// and the rewrite would silently change code that may rely on the numbering.
            /// </summary>
            public const string UnderlyingValue = "UnderlyingValue";

            /// <summary>
            /// An operand is a <c>default</c> or <c>null</c> literal (<c>Equals(default, ApiProvider.FirstParty)</c>): the
            /// comparison has a constant answer, and a rewrite around the literal would not compile (CS8716) or never match.
            /// </summary>
            public const string DefaultOrNullOperand = "DefaultOrNullOperand";

            /// <summary><c>goto case ApiProvider.FirstParty;</c> jumps to the label: rewriting it would not compile (CS0159).</summary>
            public const string GotoCaseTarget = "GotoCaseTarget";

            /// <summary>
            /// <c>Contains</c> on a provider set declared elsewhere (a field or local): the set may be read by other code,
            /// so removing FirstParty from it would change them, and keeping it leaves the question unanswered here.
            /// </summary>
            public const string NamedProviderSet = "NamedProviderSet";

            /// <summary>The check's own syntax has errors (code being typed): a rewrite of broken syntax would guess. Fix the syntax first.</summary>
            public const string BrokenSyntax = "BrokenSyntax";

            /// <summary>A shape the rewrite cannot reproduce exactly (e.g. a set with non-constant elements, a provider typed as something else).</summary>
            public const string UnsupportedShape = "UnsupportedShape";
        }

        /// <summary>
        /// The values of <see cref="FixShapeProperty"/>: which node the rewrite replaces and what it becomes.
        /// <c>AdditionalLocations[0]</c> is always that host node.
        /// </summary>
        public static class FixShapes
        {
            /// <summary>
            /// <c>a == X</c>, <c>a != X</c>, <c>Equals(…)</c>, <c>e is X</c> parsed as a type test: the whole expression becomes a
            /// capability test on the operand. <c>AdditionalLocations[1]</c>: the operand. Keys: <see cref="OperandShapeProperty"/>,
            /// <see cref="NegatedProperty"/>.
            /// </summary>
            public const string Comparison = "Comparison";

            /// <summary>
            /// <c>e is …X…</c>. <c>AdditionalLocations[0]</c>: the <c>IsPatternExpressionSyntax</c>, <c>[1]</c>: the tested
            /// expression. Keys: <see cref="ConstantShapeProperty"/>, <see cref="OperandShapeProperty"/>,
            /// <see cref="RepeatableOperandProperty"/>.
            /// </summary>
            public const string IsPattern = "IsPattern";

            /// <summary>A switch expression arm whose pattern contains X. Keys: <see cref="ConstantShapeProperty"/>, <see cref="OperandShapeProperty"/>, <see cref="CatchAllProperty"/>.</summary>
            public const string SwitchArm = "SwitchArm";

            /// <summary><c>case …X… [when …]:</c> in a switch statement. Keys: <see cref="ConstantShapeProperty"/>, <see cref="OperandShapeProperty"/>.</summary>
            public const string PatternCaseLabel = "PatternCaseLabel";

            /// <summary><c>case X:</c> in a switch statement. Keys: <see cref="OperandShapeProperty"/> (the governing expression).</summary>
            public const string ConstantCaseLabel = "ConstantCaseLabel";

            /// <summary>
            /// <c>new[] { X, A, … }.Contains(p)</c> (bound to <c>Enumerable.Contains</c> or <c>MemoryExtensions.Contains</c>):
            /// becomes <c>capability(p) || new[] { A, … }.Contains(p)</c>. <c>AdditionalLocations[1]</c>: the operand
            /// <c>p</c>; <c>[2…]</c>: the initializer elements equal to X, which the rewrite removes. Keys:
            /// <see cref="OperandShapeProperty"/>, <see cref="RepeatableOperandProperty"/>.
            /// </summary>
            public const string Membership = "Membership";
        }

        /// <summary>The values of <see cref="OperandShapeProperty"/> and <see cref="ConstantShapeProperty"/>.</summary>
        public static class Shapes
        {
            /// <summary>The provider enum itself: the capability is called directly.</summary>
            public const string Value = "Value";

            /// <summary>Its nullable: called through <c>?.</c>, so null keeps its old answer.</summary>
            public const string Nullable = "Nullable";

            /// <summary>A nullable that is a <c>x?.Provider</c> chain ending in a non-nullable provider: the call joins the chain.</summary>
            public const string NullableChain = "NullableChain";

            /// <summary><c>object</c>, <c>Enum</c>, <c>ValueType</c> or an interface the enum implements: type-tested first.</summary>
            public const string Boxed = "Boxed";

            /// <summary>Not a provider (an is-pattern over a tuple or an object with a provider property).</summary>
            public const string Other = "Other";
        }

        /// <summary>The values of <see cref="CatchAllProperty"/>.</summary>
        public static class CatchAlls
        {
            /// <summary>No catch-all needed.</summary>
            public const string None = "None";

            /// <summary>Append <c>var unmatched =&gt; throw new SwitchExpressionException(unmatched)</c>, what the compiler generated.</summary>
            public const string SwitchExpressionException = "SwitchExpressionException";

            /// <summary>Append <c>_ =&gt; throw new InvalidOperationException()</c> (targets without SwitchExpressionException).</summary>
            public const string InvalidOperationException = "InvalidOperationException";
        }
    }
}
