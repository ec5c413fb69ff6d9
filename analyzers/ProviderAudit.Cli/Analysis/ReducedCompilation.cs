using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProviderAudit.Cli.Analysis;

/// <summary>
/// The project's compilation with the body of every member outside the <see cref="AnalysisScope"/> replaced by
/// <c>throw null</c>, so running the analyzers over all of it binds only the members that can hold a finding. Every
/// declaration stays as it is, so names, types and usings mean the same; each replaced body keeps its length and its
/// line breaks, so every position, line and column is the original's, and diagnostics map back to the project's own
/// syntax trees (<see cref="MapBack"/>) for reports and fixes.
/// </summary>
internal sealed class ReducedCompilation
{
    private const string Stub = "throw null;";
    private const string ExpressionStub = "throw null";

    private readonly Dictionary<SyntaxTree, SyntaxTree> _originals;

    private ReducedCompilation(Compilation compilation, Dictionary<SyntaxTree, SyntaxTree> originals)
    {
        Compilation = compilation;
        _originals = originals;
    }

    public Compilation Compilation { get; }

    public static ReducedCompilation Create(Compilation compilation, AnalysisScope scope, CancellationToken cancellationToken)
    {
        var trees = compilation.SyntaxTrees.ToList();
        var reduced = new SyntaxTree[trees.Count];
        Parallel.For(0, trees.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var tree = trees[i];
            var keep = scope.Spans.TryGetValue(tree, out var spans) ? spans : [];
            reduced[i] = Reduce(tree, keep, cancellationToken);
        });

        var originals = new Dictionary<SyntaxTree, SyntaxTree>();
        for (var i = 0; i < trees.Count; i++)
        {
            originals[reduced[i]] = trees[i];
        }

        // Per-file options (.editorconfig severities, generated code) are keyed by tree: the copies answer as their originals.
        var options = compilation.Options;
        if (options.SyntaxTreeOptionsProvider is { } treeOptions)
        {
            options = options.WithSyntaxTreeOptionsProvider(new MappedTreeOptions(treeOptions, originals));
        }

        return new ReducedCompilation(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(reduced).WithOptions(options), originals);
    }

    /// <summary>The project's analyzer options, answering for a copied tree as for its original.</summary>
    public AnalyzerOptions Map(AnalyzerOptions options) =>
        new(options.AdditionalFiles, new MappedAnalyzerConfigOptions(options.AnalyzerConfigOptionsProvider, _originals));

    /// <summary>The reduced trees that stand for <paramref name="originals"/>.</summary>
    public IEnumerable<SyntaxTree> Trees(IEnumerable<SyntaxTree> originals)
    {
        var wanted = originals.ToHashSet();
        return _originals.Where(pair => wanted.Contains(pair.Value)).Select(pair => pair.Key);
    }

    /// <summary>The diagnostic as if reported on the project's own tree (same spans, since the text keeps its positions).</summary>
    public Diagnostic MapBack(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree || !_originals.TryGetValue(tree, out var original) || ReferenceEquals(original, tree))
        {
            return diagnostic;
        }

        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            diagnostic.Id,
            descriptor.Category,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Severity,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            diagnostic.WarningLevel,
            diagnostic.IsSuppressed,
            descriptor.Title,
            descriptor.Description,
            descriptor.HelpLinkUri,
            Map(diagnostic.Location),
            diagnostic.AdditionalLocations.Select(Map),
            descriptor.CustomTags,
            diagnostic.Properties);
    }

    private sealed class MappedTreeOptions(SyntaxTreeOptionsProvider inner, IReadOnlyDictionary<SyntaxTree, SyntaxTree> originals) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            inner.IsGenerated(originals.GetValueOrDefault(tree, tree), cancellationToken);

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            inner.TryGetDiagnosticValue(originals.GetValueOrDefault(tree, tree), diagnosticId, cancellationToken, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            inner.TryGetGlobalDiagnosticValue(diagnosticId, cancellationToken, out severity);
    }

    private sealed class MappedAnalyzerConfigOptions(AnalyzerConfigOptionsProvider inner, IReadOnlyDictionary<SyntaxTree, SyntaxTree> originals) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => inner.GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(originals.GetValueOrDefault(tree, tree));

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => inner.GetOptions(textFile);
    }

    private Location Map(Location location) =>
        location.SourceTree is { } tree && _originals.TryGetValue(tree, out var original) && !ReferenceEquals(original, tree)
            ? Location.Create(original, location.SourceSpan)
            : location;

    private static SyntaxTree Reduce(SyntaxTree tree, IReadOnlyList<TextSpan> keep, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (keep.Any(s => s == root.FullSpan))
        {
            return tree;
        }

        var text = tree.GetText(cancellationToken);
        var source = text.ToString();
        var changes = new List<TextChange>();
        foreach (var body in Bodies(root))
        {
            if (keep.Any(k => k.IntersectsWith(body.Span)) || Replacement(source, body) is not { } replacement)
            {
                continue;
            }

            changes.Add(new TextChange(body.Span, replacement));
        }

        return changes.Count == 0
            ? tree
            : CSharpSyntaxTree.ParseText(text.WithChanges(changes), (CSharpParseOptions)tree.Options, tree.FilePath, cancellationToken);
    }

    /// <summary>Member bodies (blocks and expression bodies), outermost only: methods, constructors, operators, accessors, expression-bodied properties.</summary>
    private static IEnumerable<SyntaxNode> Bodies(SyntaxNode root) =>
        root.DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax))
            .Where(n => n is BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax }
                or ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax });

    /// <summary>
    /// A stub of the same length with the same line breaks, or null to keep the body (too short for the stub, or holding
    /// preprocessor directives, which act beyond the body).
    /// </summary>
    private static string? Replacement(string source, SyntaxNode body)
    {
        var span = body.Span;
        var original = source.AsSpan(span.Start, span.Length);
        if (original.Contains('#') && body.DescendantTrivia().Any(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia)))
        {
            return null;
        }

        // Keep the braces or the arrow; blank the inside, line breaks kept.
        var (open, close, stub) = body is BlockSyntax ? (1, 1, Stub) : (2, 0, ExpressionStub);
        if (span.Length < open + close + stub.Length + 1)
        {
            return null;
        }

        var chars = new char[span.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            var c = original[i];
            chars[i] = i < open || i >= chars.Length - close || c is '\r' or '\n' ? c : ' ';
        }

        // The stub goes into the first run of blanks long enough for it (after a space, so `=>throw` is `=> throw`).
        var run = 0;
        for (var i = open; i < chars.Length - close; i++)
        {
            run = chars[i] == ' ' ? run + 1 : 0;
            if (run == stub.Length + 1)
            {
                stub.AsSpan().CopyTo(chars.AsSpan(i - stub.Length + 1));
                return new string(chars);
            }
        }

        return null;
    }
}
