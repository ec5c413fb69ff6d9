using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers
{
    /// <summary>Every diagnostic ProviderAudit reports, declared once.</summary>
    public static class ProviderAuditDescriptors
    {
        /// <summary>Own category, so users' <c>Design</c>-category settings neither silence nor escalate the audit.</summary>
        public const string Category = "ProviderAudit";

        private const string HelpLinkBase = "https://github.com/provider-audit/provider-audit/blob/main/docs/rules/";

        /// <summary>
        /// PA0001. Message arguments: {0} the compared member (e.g. <c>ApiProvider.FirstParty</c>),
        /// {1} the inferred concern with its reason, {2} what to ask instead.
        /// </summary>
        public static readonly DiagnosticDescriptor FirstPartyComparison = new DiagnosticDescriptor(
            id: DiagnosticContract.FirstPartyComparisonId,
            title: "Ask the capability, not the provider: comparison with the first-party provider",
            messageFormat: "Comparison with {0} {1}; Claude Platform on AWS uses first-party model ids but not first-party auth or endpoints: {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "'First party' used to mean both 'model ids look like claude-…' and 'requests go to api.anthropic.com with an Anthropic key or OAuth token'. Claude Platform on AWS splits the two, so every check must ask the capability it is about: provider.ModelIdFormat().IsFirstParty or provider.AuthTransport().IsFirstParty.",
            helpLinkUri: HelpLinkBase + DiagnosticContract.FirstPartyComparisonId + ".md");

        /// <summary>PA0002. Message arguments: {0} the key, {1} the value as written, {2} what is wrong and how to fix it.</summary>
        public static readonly DiagnosticDescriptor InvalidConfiguration = new DiagnosticDescriptor(
            id: DiagnosticContract.InvalidConfigurationId,
            title: "Invalid ProviderAudit configuration",
            messageFormat: "Invalid ProviderAudit setting '{0} = {1}': {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A provider_audit.* key in .editorconfig has a value the audit cannot use; until it is fixed the setting is ignored and the audit runs without it.",
            helpLinkUri: HelpLinkBase + DiagnosticContract.InvalidConfigurationId + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>
        /// PA0003 on the declaration of an enum the compilation declares. Message arguments: {0} the enum
        /// (e.g. <c>MyApp.Backend</c>), {1} the missing extension methods. A symbol diagnostic, so the IDE shows it and
        /// offers its fix as the code is edited.
        /// </summary>
        public static readonly DiagnosticDescriptor MissingProviderMapping = new DiagnosticDescriptor(
            id: DiagnosticContract.MissingProviderMappingId,
            title: MissingProviderMappingTitle,
            messageFormat: MissingProviderMappingMessage,
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: MissingProviderMappingDescription,
            helpLinkUri: HelpLinkBase + DiagnosticContract.MissingProviderMappingId + ".md");

        // The two PA0003 descriptors differ only in their tags; each is a literal `new DiagnosticDescriptor(...)` because
        // release tracking (RS2002) reads descriptors from field initializers, not from a shared factory method.

        /// <summary>
        /// PA0003 for an enum from a referenced assembly, on its first finding: where that is depends on every PA0001 of
        /// the compilation, so it is reported when the compilation ends (builds, <c>dotnet format</c>, full-solution
        /// analysis). Same id, title, message and severity as <see cref="MissingProviderMapping"/>.
        /// </summary>
        public static readonly DiagnosticDescriptor MissingProviderMappingAtFirstFinding = new DiagnosticDescriptor(
            id: DiagnosticContract.MissingProviderMappingId,
            title: MissingProviderMappingTitle,
            messageFormat: MissingProviderMappingMessage,
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: MissingProviderMappingDescription,
            helpLinkUri: HelpLinkBase + DiagnosticContract.MissingProviderMappingId + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>
        /// Every rule's descriptors, which each rule's analyzer declares while reporting only its own: with its own alone,
        /// <c>dotnet format analyzers --diagnostics</c> (SDK 10.0.401) applied no fix (see docs/rules/README.md).
        /// </summary>
        public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All = System.Collections.Immutable.ImmutableArray.Create(
            FirstPartyComparison, InvalidConfiguration, MissingProviderMapping, MissingProviderMappingAtFirstFinding);

        private const string MissingProviderMappingTitle = "Provider enum has no capability mapping";

        private const string MissingProviderMappingMessage = "Provider enum {0} has no capability mapping (missing {1}), so its PA0001 findings cannot be rewritten: add the mapping ToApiProvider(), ModelIdFormat(), AuthTransport() (code fix 'Add capability mapping')";

        private const string MissingProviderMappingDescription = "A provider enum configured with provider_audit.additional_provider_types needs ModelIdFormat() and AuthTransport() extension methods before its first-party checks can ask a capability. The code fix writes an internal, C# 7.3 mapping: the configured first-party member to FirstParty, every other member to the ProviderAudit.Runtime.ApiProvider backend its name spells (AmazonBedrock, VertexAI, AzureFoundry, ClaudePlatformOnAws…), and members whose names match nothing or could mean two backends (Aws) unmapped, with a comment for the team to decide.";
    }
}
