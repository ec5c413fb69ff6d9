using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>One token of a program with the trivia around it, so a mutation moves the token and leaves the layout.</summary>
internal readonly record struct Piece(string Leading, string Text, string Trailing, SyntaxKind Kind = SyntaxKind.None)
{
    public override string ToString() => Leading + Text + Trailing;
}

/// <summary>A program as the list of its tokens; mutations edit the list, <see cref="ToString"/> writes it back.</summary>
internal sealed class TokenProgram
{
    private TokenProgram(ImmutableArray<Piece> pieces) => Pieces = pieces;

    public ImmutableArray<Piece> Pieces { get; }

    public int Count => Pieces.Length;

    public static TokenProgram Parse(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var pieces = root.DescendantTokens()
            .Select(token => new Piece(token.LeadingTrivia.ToFullString(), token.Text, token.TrailingTrivia.ToFullString(), token.Kind()))
            .ToImmutableArray();
        return new TokenProgram(pieces);
    }

    public static TokenProgram Of(IEnumerable<Piece> pieces) => new([.. pieces]);

    public TokenProgram With(Func<List<Piece>, List<Piece>> edit) => new([.. edit([.. Pieces])]);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var piece in Pieces)
        {
            text.Append(piece.Leading).Append(piece.Text).Append(piece.Trailing);
        }

        return text.ToString();
    }
}

/// <summary>
/// The four ways a program is mutated. Positions are taken modulo the current token count, so any list of mutations
/// applies to any program. Removed tokens keep their trivia (and a space), so neighbours never fuse into one token.
/// </summary>
internal abstract record TokenMutation
{
    public abstract List<Piece> Apply(List<Piece> pieces);

    protected static int At(int position, int count) => count == 0 ? 0 : ((position % count) + count) % count;
}

internal sealed record DeleteToken(int Position) : TokenMutation
{
    public override List<Piece> Apply(List<Piece> pieces)
    {
        if (pieces.Count == 0)
        {
            return pieces;
        }

        var at = At(Position, pieces.Count);
        pieces[at] = pieces[at] with { Text = string.Empty, Trailing = pieces[at].Trailing.Length == 0 ? " " : pieces[at].Trailing };
        return pieces;
    }

    public override string ToString() => $"delete token {Position}";
}

internal sealed record DuplicateToken(int Position) : TokenMutation
{
    public override List<Piece> Apply(List<Piece> pieces)
    {
        if (pieces.Count == 0)
        {
            return pieces;
        }

        var at = At(Position, pieces.Count);
        pieces.Insert(at + 1, new Piece(" ", pieces[at].Text, " "));
        return pieces;
    }

    public override string ToString() => $"duplicate token {Position}";
}

/// <summary>Swaps a token with one a few places after it (near swaps keep more programs compiling).</summary>
internal sealed record SwapTokens(int Position, int Distance) : TokenMutation
{
    public override List<Piece> Apply(List<Piece> pieces)
    {
        if (pieces.Count < 2)
        {
            return pieces;
        }

        var first = At(Position, pieces.Count);
        var second = At(first + Distance, pieces.Count);
        (var a, var b) = (pieces[first].Text, pieces[second].Text);
        pieces[first] = pieces[first] with { Text = b };
        pieces[second] = pieces[second] with { Text = a };
        return pieces;
    }

    public override string ToString() => $"swap token {Position} with the one {Distance} after it";
}

/// <summary>Inserts a snippet from <see cref="Vocabulary"/> or a copy of one of the program's own tokens.</summary>
internal sealed record InsertToken(int Position, string Text) : TokenMutation
{
    /// <summary>Tokens and short token runs that turn one comparison form into another.</summary>
    public static readonly string[] Vocabulary =
    [
        "default", "null", "!", "(", ")", "?", "?.", ".", ",", ";", "is", "not", "or", "and", "==", "!=", "&&", "||",
        "ApiProvider.FirstParty", "ApiProvider.Bedrock", "ApiProvider.Vertex", "ApiProvider.ClaudePlatformAws", "(ApiProvider)0", "(object)", "(int)",
        "maybe", "boxed", "settings?.Provider", "ApiProvider", "FirstParty",
        "(ApiProvider?)", "0", "\"firstParty\"", "var", "p", "provider", "case", ":", "when", "=>", "{", "}", "switch", "_",
        "new[] { ApiProvider.FirstParty, ApiProvider.Vertex }", ".Contains(", ".Equals(", "Equals(", "default(ApiProvider)",
        "goto case ApiProvider.FirstParty;", "Expression<Func<ApiProvider, bool>>", "{ Provider: ApiProvider.FirstParty }",
        "Backend.Anthropic", "Backend.Bedrock", "(Backend)0", "Backend", "Anthropic", "GetApiProvider()", "\"bedrock\"", ".ToApiProvider()",
        "static", "const", "readonly", "async", "await", "ref", "out", "in", "$\"{", "}\"", "/*", "*/", "#if X", "#endif",
    ];

    public override List<Piece> Apply(List<Piece> pieces)
    {
        // A directive only counts at the start of a line.
        var piece = Text.StartsWith('#') ? new Piece("\n", Text, "\n") : new Piece(" ", Text, " ");
        pieces.Insert(pieces.Count == 0 ? 0 : At(Position, pieces.Count + 1), piece);
        return pieces;
    }

    public override string ToString() => $"insert `{Text}` at token {Position}";
}

/// <summary>A seed program and the mutations applied to it.</summary>
internal sealed record Mutant(int Seed, ImmutableArray<TokenMutation> Mutations)
{
    public string Apply(TokenProgram program)
    {
        var pieces = program.Pieces.ToList();
        foreach (var mutation in Mutations)
        {
            pieces = mutation.Apply(pieces);
        }

        return TokenProgram.Of(pieces).ToString();
    }

    public override string ToString() => string.Join("; ", Mutations);
}
