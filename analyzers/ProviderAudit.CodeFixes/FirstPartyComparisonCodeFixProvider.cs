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
        /// One document-at-a-time provider for every scope: all sites of a document are rewritten in one pass, so two
        /// constants in one switch arm or nested sites never produce conflicting edits (a batch fixer would drop them).
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) =>
            {
                var capability = CapabilityNames.FromEquivalenceKey(context.CodeActionEquivalenceKey);
                return capability is null
                    ? null
                    : await CapabilityRewriter.RewriteAsync(document, diagnostics, capability.Value, context.CancellationToken).ConfigureAwait(false);
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
