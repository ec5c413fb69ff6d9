using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// PA0003's fix, "Add capability mapping": writes <c>ToApiProvider()</c>, <c>ModelIdFormat()</c> and <c>AuthTransport()</c>
    /// for a host provider enum (see <see cref="ProviderMappingWriter"/>), after which its PA0001 findings get the capability fixes.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProviderMappingCodeFixProvider))]
    [Shared]
    public sealed class ProviderMappingCodeFixProvider : CodeFixProvider
    {
        public const string Title = "Add capability mapping";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticContract.MissingProviderMappingId);

        /// <summary>
        /// Every PA0003 in scope, whatever action Fix All started from (<c>dotnet format</c> starts it without an
        /// equivalence key). The mappings are written one after another, each on the solution the previous one produced.
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => new AddAllMappings();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                // Offer nothing rather than a fix that does nothing; the mapping itself is written only when chosen.
                if (!await ProviderMappingWriter.CanAddAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        async cancellationToken =>
                            await ProviderMappingWriter.AddAsync(context.Document, diagnostic, cancellationToken).ConfigureAwait(false)
                            ?? context.Document.Project.Solution,
                        DiagnosticContract.AddProviderMappingEquivalenceKey),
                    diagnostic);
            }
        }

        private sealed class AddAllMappings : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
                Task.FromResult<CodeAction?>(CodeAction.Create(
                    Title,
                    cancellationToken => AddAllAsync(fixAllContext, cancellationToken),
                    DiagnosticContract.AddProviderMappingEquivalenceKey));

            private static async Task<Solution> AddAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var solution = context.Solution;
                var work = new List<(DocumentId Document, Diagnostic Diagnostic)>();
                foreach (var project in ProjectsInScope(context))
                {
                    var diagnostics = context.Scope == FixAllScope.Document && context.Document != null
                        ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                        : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    foreach (var diagnostic in diagnostics.Where(d => d.Id == DiagnosticContract.MissingProviderMappingId))
                    {
                        if (diagnostic.Location.SourceTree is { } tree && project.GetDocument(tree) is { } document)
                        {
                            work.Add((document.Id, diagnostic));
                        }
                    }
                }

                // One order whatever order the diagnostics came in (the mappings of two referenced enums may land in one
                // file, one after the other): by file and enum, later positions first within a file, so a mapping
                // inserted into a file never moves a diagnostic still to be fixed there.
                var ordered = work
                    .OrderBy(w => w.Diagnostic.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                    .ThenByDescending(w => w.Diagnostic.Location.SourceSpan.Start)
                    .ThenBy(w => w.Diagnostic.Properties.TryGetValue(DiagnosticContract.ProviderTypeProperty, out var type) ? type : null, System.StringComparer.Ordinal);
                foreach (var item in ordered)
                {
                    var document = solution.GetDocument(item.Document);
                    if (document != null)
                    {
                        solution = await ProviderMappingWriter.AddAsync(document, item.Diagnostic, cancellationToken).ConfigureAwait(false) ?? solution;
                    }
                }

                return solution;
            }

            private static IEnumerable<Project> ProjectsInScope(FixAllContext context) =>
                context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
        }
    }
}
