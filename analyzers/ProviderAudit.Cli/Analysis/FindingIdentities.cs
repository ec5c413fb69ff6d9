using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ProviderAudit.Cli.Analysis;

/// <summary>Computes <see cref="FindingIdentity"/>: what a finding is, independent of where its lines and its file are.</summary>
internal static class FindingIdentities
{
    /// <summary>
    /// The member holding the flagged code, the code itself as tokens joined by single spaces, and a hash of the
    /// statement around it (what tells two identical checks in one member apart when one is added or removed).
    /// </summary>
    public static async Task<(string Member, string Expression, string Context)> DescribeAsync(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);

        // Tokens only: whitespace, line breaks and comments inside the check do not change what it is.
        var expression = Tokens(root, span);

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var around = node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax or SwitchExpressionArmSyntax or ArrowExpressionClauseSyntax or MemberDeclarationSyntax);
        var context = Hash(around is null ? expression : Tokens(root, around.Span));

        var symbol = model.GetEnclosingSymbol(span.Start, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && symbol.ContainingSymbol is not null)
        {
            symbol = symbol.ContainingSymbol;
        }

        return (symbol?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? "", expression, context);
    }

    /// <summary>
    /// The identity a baseline matches on: rule, member and expression. Not the file, so moving or renaming a file keeps
    /// every finding in it; the member is fully qualified, so the same check in another type is another finding.
    /// </summary>
    public static string Fingerprint(string ruleId, string member, string expression) => Hash(string.Join('\n', ruleId, member, expression));

    private static string Tokens(SyntaxNode root, TextSpan span) =>
        string.Join(' ', root.DescendantTokens(span).Where(t => span.Contains(t.Span) && t.Span.Length > 0).Select(t => t.Text));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
