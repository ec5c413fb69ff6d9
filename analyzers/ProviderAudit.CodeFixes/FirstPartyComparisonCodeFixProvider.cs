using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Offers, on every PA0001 diagnostic the analyzer marked fixable, the rewrite to
    /// <c>provider.ModelIdFormat().IsFirstParty</c> and to <c>provider.AuthTransport().IsFirstParty</c>, the analyzer's
    /// inferred concern first. Offering reads the diagnostic's properties only; each rewrite is computed when its
    /// action is applied (or previewed), from the syntax tree and those properties.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FirstPartyComparisonCodeFixProvider))]
    [Shared]
    public sealed class FirstPartyComparisonCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticContract.FirstPartyComparisonId);

        /// <summary>
        /// Fix All rewrites every fixable PA0001 site in scope, whatever diagnostic it was started from. A site whose
        /// concern the analyzer inferred gets that capability; an ambiguous one gets the capability of the fix Fix All
        /// was started from, or the model-ID format when it was started without one (`dotnet format analyzers
        /// --diagnostics PA0001` starts from whichever diagnostic it meets first, possibly one without a fix, and then
        /// passes no equivalence key). All sites of a document are rewritten in one pass, so sites sharing a node never
        /// become conflicting edits (as they would with the batch fixer).
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            (context, document, diagnostics) =>
            {
                var requested = CapabilityNames.FromEquivalenceKey(context.CodeActionEquivalenceKey) ?? CapabilityNames.ForAmbiguousSites;
                return CapabilityRewriter.RewriteAsync(
                    document,
                    diagnostics,
                    diagnostic => CapabilityNames.Inferred(diagnostic) ?? requested,
                    context.CancellationToken);
            });

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixSite.IsFixable(diagnostic))
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern);
                foreach (var capability in CapabilityNames.InOfferOrder(concern))
                {
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            capability.Title(),
                            async cancellationToken =>
                                await CapabilityRewriter.RewriteAsync(document, new[] { diagnostic }, capability, cancellationToken).ConfigureAwait(false)
                                ?? document,
                            capability.EquivalenceKey()),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }
    }
}
