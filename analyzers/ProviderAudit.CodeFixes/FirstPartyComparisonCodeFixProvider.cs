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
        /// Fix All rewrites every fixable PA0001 site in scope to its documented capability, whatever diagnostic and
        /// equivalence key it was started from (see <see cref="CapabilityFixAllProvider"/>).
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => CapabilityFixAllProvider.Instance;

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
