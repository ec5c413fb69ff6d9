using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProviderAudit.Cli.Analysis;

/// <summary>Computes <see cref="FindingIdentity"/>: what a finding is, independent of where its lines are.</summary>
internal static class FindingIdentities
{
    /// <summary>The member holding the flagged code and the code itself as tokens joined by single spaces.</summary>
    public static async Task<(string Member, string Expression)> DescribeAsync(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);

        // Tokens only: whitespace, line breaks and comments inside the check do not change what it is.
        var expression = string.Join(' ', root.DescendantTokens(span).Where(t => span.Contains(t.Span) && t.Span.Length > 0).Select(t => t.Text));

        var symbol = model.GetEnclosingSymbol(span.Start, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && symbol.ContainingSymbol is not null)
        {
            symbol = symbol.ContainingSymbol;
        }

        return (symbol?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? "", expression);
    }

    public static string Fingerprint(string ruleId, string file, string member, string expression)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ruleId, file, member, expression)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
