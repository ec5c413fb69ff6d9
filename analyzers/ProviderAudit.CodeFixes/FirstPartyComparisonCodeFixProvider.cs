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
    /// Offers, on every PA0001 diagnostic, the rewrite to <c>provider.ModelIdFormat().IsFirstParty</c> and to
    /// <c>provider.AuthTransport().IsFirstParty</c>, the analyzer's inferred concern first.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FirstPartyComparisonCodeFixProvider))]
    [Shared]
    public sealed class FirstPartyComparisonCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticContract.FirstPartyComparisonId);

        /// <summary>
        /// Fix All resolves every PA0001 site in scope. A site whose concern the analyzer inferred gets that capability;
        /// an ambiguous one gets the capability of the fix Fix All was started from. So `dotnet format analyzers
        /// --diagnostics PA0001` (which starts Fix All from the first offered fix) applies each site's inferred fix,
        /// and a bulk run never overrides what the guarded code says. All sites of a document are rewritten in one
        /// pass, so sites sharing a node never become conflicting edits (as they would with the batch fixer).
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) =>
            {
                var requested = CapabilityNames.FromEquivalenceKey(context.CodeActionEquivalenceKey);
                return requested is null
                    ? null
                    : await CapabilityRewriter.RewriteAsync(
                        document,
                        diagnostics,
                        diagnostic => CapabilityNames.Inferred(diagnostic) ?? requested.Value,
                        context.CancellationToken).ConfigureAwait(false);
            });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CapabilityRewriter.IsFixable(diagnostic))
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern);
                var order = CapabilityNames.InOfferOrder(concern);

                // Offer nothing for a site the rewriter cannot handle rather than a fix that does nothing.
                var first = await CapabilityRewriter.RewriteAsync(context.Document, new[] { diagnostic }, order[0], context.CancellationToken).ConfigureAwait(false);
                if (first is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(order[0].Title(), _ => Task.FromResult(first), order[0].EquivalenceKey()),
                    diagnostic);

                var second = order[1];
                context.RegisterCodeFix(
                    CodeAction.Create(
                        second.Title(),
                        async cancellationToken =>
                            await CapabilityRewriter.RewriteAsync(context.Document, new[] { diagnostic }, second, cancellationToken).ConfigureAwait(false)
                            ?? context.Document,
                        second.EquivalenceKey()),
                    diagnostic);
            }
        }
    }
}
