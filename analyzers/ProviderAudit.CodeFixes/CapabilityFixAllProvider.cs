using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// PA0001's Fix All: every fixable site in scope gets its documented capability — the concern the analyzer inferred,
    /// the model-ID format for an ambiguous one — whatever diagnostic it was started from and whatever equivalence key it
    /// was started with. The IDE starts it from the fix a person picked on one site, <c>dotnet format</c> from the first
    /// fix of whichever diagnostic it meets first (or from none), the CLI from a document's first fixable site: letting the
    /// starting key decide ambiguous sites made the same tree come out differently run to run (measured 2026-12-06: 4 of 5
    /// <c>dotnet format</c> runs chose <c>AuthTransport()</c>, 1 <c>ModelIdFormat()</c>).
    /// </summary>
    /// <remarks>
    /// The one exception is a key no code action offers, so neither the IDE nor <c>dotnet format</c> can start from it:
    /// <see cref="DiagnosticContract.AmbiguousToAuthTransportEquivalenceKey"/>, for a caller that chose the auth transport for
    /// ambiguous sites on purpose (<c>provider-audit fix --ambiguous auth-transport</c>). All sites of a document are
    /// rewritten in one pass, so sites sharing a node never become conflicting edits (as they would with the batch fixer).
    /// </remarks>
    internal sealed class CapabilityFixAllProvider : DocumentBasedFixAllProvider
    {
        public const string Title = "Ask each check's own capability (ambiguous checks: model-ID format)";

        private const string AmbiguousToAuthTransportTitle = "Ask each check's own capability (ambiguous checks: auth transport)";

        public static CapabilityFixAllProvider Instance { get; } = new CapabilityFixAllProvider();

        private CapabilityFixAllProvider()
        {
        }

        /// <summary>What an ambiguous site becomes in a Fix All started with <paramref name="equivalenceKey"/>.</summary>
        public static Capability ForAmbiguousSites(string? equivalenceKey) =>
            equivalenceKey == DiagnosticContract.AmbiguousToAuthTransportEquivalenceKey ? Capability.AuthTransport : CapabilityNames.ForAmbiguousSites;

        protected override string GetFixAllTitle(FixAllContext fixAllContext) =>
            ForAmbiguousSites(fixAllContext.CodeActionEquivalenceKey) == Capability.AuthTransport ? AmbiguousToAuthTransportTitle : Title;

        protected override Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var ambiguous = ForAmbiguousSites(fixAllContext.CodeActionEquivalenceKey);
            return CapabilityRewriter.RewriteAsync(
                document,
                diagnostics,
                diagnostic => CapabilityNames.Inferred(diagnostic) ?? ambiguous,
                fixAllContext.CancellationToken);
        }
    }
}
