using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Internals.Detection;

namespace ProviderAudit.Cli.Analysis;

/// <summary>
/// Which parts of a project the analyzers must see to report every finding, decided before anything is bound:
/// <list type="bullet">
/// <item><see cref="Kind.Everything"/> when the project's options carry any <c>provider_audit.*</c> key (extra provider
/// enums, string provider ids, and PA0002/PA0003, which are reported when the whole compilation has been analyzed);</item>
/// <item><see cref="Kind.Nothing"/> when, without such keys, the compilation has no <c>ProviderAudit.Runtime.ApiProvider</c>
/// with a <c>FirstParty</c> member (the analyzer then registers nothing);</item>
/// <item>otherwise <see cref="Kind.Members"/>: only the members whose syntax can hold a comparison with the first-party
/// constant, as the analyzer's own member filter finds them (<see cref="CandidateMembers"/>, which says how). The analyzer
/// would build operation trees for no other member anyway; here every other member body is not even bound (see
/// <see cref="ReducedCompilation"/>), which is most of the cost of an audit.</item>
/// </list>
/// The type and member names and the key prefix are the analyzer's own defaults, read from <see cref="DiagnosticContract"/>.
/// </summary>
internal sealed class AnalysisScope
{
    public enum Kind
    {
        Everything,
        Nothing,
        Members,
    }

    private AnalysisScope(Kind scope, IReadOnlyDictionary<SyntaxTree, IReadOnlyList<TextSpan>> spans, string reason)
    {
        Scope = scope;
        Spans = spans;
        Reason = reason;
    }

    public Kind Scope { get; }

    /// <summary>With <see cref="Kind.Members"/>: the trees to analyze and, in each, the spans of the members to analyze.</summary>
    public IReadOnlyDictionary<SyntaxTree, IReadOnlyList<TextSpan>> Spans { get; }

    /// <summary>Why this scope, for the progress log.</summary>
    public string Reason { get; }

    public static AnalysisScope For(Project project, Compilation compilation, CancellationToken cancellationToken)
    {
        var options = project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
        if (HasKey(options.GlobalOptions) || compilation.SyntaxTrees.Any(t => HasKey(options.GetOptions(t))))
        {
            return new AnalysisScope(Kind.Everything, ImmutableDictionary<SyntaxTree, IReadOnlyList<TextSpan>>.Empty, $"{DiagnosticContract.ConfigurationKeyPrefix}* settings: every document");
        }

        var provider = compilation.GetTypeByMetadataName(DiagnosticContract.ProviderTypeMetadataName);
        var firstParty = provider is { TypeKind: TypeKind.Enum }
            ? provider.GetMembers(DiagnosticContract.DefaultFirstPartyMember).OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue)
            : null;
        if (firstParty is null)
        {
            return new AnalysisScope(Kind.Nothing, ImmutableDictionary<SyntaxTree, IReadOnlyList<TextSpan>>.Empty, $"no {DiagnosticContract.ProviderTypeMetadataName}: nothing to analyze");
        }

        var candidates = CandidateMembers.For(compilation, [(provider!, firstParty.ConstantValue)], cancellationToken);
        var spans = new Dictionary<SyntaxTree, IReadOnlyList<TextSpan>>();
        var members = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var found = candidates.In(tree, cancellationToken);
            if (found.Count > 0)
            {
                spans[tree] = found.Select(m => m is CompilationUnitSyntax ? m.FullSpan : m.Span).ToList();
                members += found.Count;
            }
        }

        return new AnalysisScope(Kind.Members, spans, $"{members} statement(s) or member(s) in {spans.Count} of {compilation.SyntaxTrees.Count()} document(s) can hold a comparison with {DiagnosticContract.DefaultFirstPartyMember}");
    }

    private static bool HasKey(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
        options.Keys.Any(k => k.StartsWith(DiagnosticContract.ConfigurationKeyPrefix, StringComparison.OrdinalIgnoreCase));
}
