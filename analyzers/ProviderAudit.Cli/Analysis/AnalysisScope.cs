using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;

namespace ProviderAudit.Cli.Analysis;

/// <summary>
/// Which parts of a project the analyzers must see to report every finding, decided before anything is bound:
/// <list type="bullet">
/// <item><see cref="Kind.Everything"/> when the project's options carry any <c>provider_audit.*</c> key (extra provider
/// enums, string provider ids, and PA0002/PA0003, which are reported when the whole compilation has been analyzed);</item>
/// <item><see cref="Kind.Nothing"/> when, without such keys, the compilation has no <c>ProviderAudit.Runtime.ApiProvider</c>
/// with a <c>FirstParty</c> member (the analyzer then registers nothing);</item>
/// <item>otherwise <see cref="Kind.Members"/>: only the members (methods, properties, fields, …) whose syntax can hold a
/// comparison with the first-party constant — they name <c>FirstParty</c>, a constant that can equal it, or a field,
/// property or variable whose value is written with one (a named set: <c>static readonly ApiProvider[] Direct = { … }</c>
/// queried elsewhere as <c>Direct.Contains(p)</c>); cast to the provider type or compute with its members
/// (<c>(ApiProvider)Other.None</c>, <c>ApiProvider.Bedrock - 1</c>); or compare something with a zero or <c>default</c>
/// constant or a number cast from a value (the enum's underlying value), in a form the analyzer checks (<c>==</c>/<c>!=</c>
/// whose other side is not plain arithmetic, a constant pattern, a <c>case</c>, an <c>Equals</c>/<c>Contains</c> argument or
/// a collection element). A PA0001 finding needs such a constant side, so every other member is left unbound, which is
/// most of the cost of an audit.</item>
/// </list>
/// The type and member names and the key prefix are the analyzer's own defaults, read from <see cref="DiagnosticContract"/>.
/// </summary>
internal sealed partial class AnalysisScope
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

        var typeNames = ProviderTypeNames(compilation, provider!, cancellationToken);
        var names = FirstPartyNames(compilation, provider!, firstParty, typeNames, cancellationToken);
        var spans = new Dictionary<SyntaxTree, IReadOnlyList<TextSpan>>();
        var members = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var found = CandidateMembers(tree, names, typeNames, cancellationToken);
            if (found.Count > 0)
            {
                spans[tree] = found;
                members += found.Count;
            }
        }

        return new AnalysisScope(Kind.Members, spans, $"{members} member(s) in {spans.Count} of {compilation.SyntaxTrees.Count()} document(s) can hold a comparison with {DiagnosticContract.DefaultFirstPartyMember}");
    }

    private static bool HasKey(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
        options.Keys.Any(k => k.StartsWith(DiagnosticContract.ConfigurationKeyPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The provider type's simple name and the names of the <c>using</c> aliases of it: a cast to it, or arithmetic with its
    /// members, can make the first-party constant without naming it.
    /// </summary>
    private static HashSet<string> ProviderTypeNames(Compilation compilation, INamedTypeSymbol provider, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { provider.Name };
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var alias in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            {
                if (alias.Alias is { } name && alias.NamespaceOrType is NameSyntax target && target.GetLastToken().ValueText == provider.Name)
                {
                    names.Add(name.Name.Identifier.ValueText);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// <c>FirstParty</c>, the provider's other members with its value, constants of the provider type with its value
    /// (declared in the provider's assembly or in a referenced assembly that references it), the names of constant fields
    /// declared in source whose initializer can be the first-party value (<c>const ApiProvider Fp = ApiProvider.FirstParty</c>,
    /// <c>const int None = 0</c>, <c>const ApiProvider Fp = (ApiProvider)0</c>), and the names of fields, properties and
    /// variables whose value is written with one of these (a named set, <c>static readonly ApiProvider[] Direct = { … }</c>,
    /// or <c>_direct = new[] { … }</c> in a constructor), to a fixed point. With <c>using static</c> of the provider
    /// type, every member name of it (<c>Bedrock - 1</c>).
    /// </summary>
    private static HashSet<string> FirstPartyNames(Compilation compilation, INamedTypeSymbol provider, IFieldSymbol firstParty, HashSet<string> typeNames, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { firstParty.Name };
        foreach (var member in provider.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue && Equals(f.ConstantValue, firstParty.ConstantValue)))
        {
            names.Add(member.Name);
        }

        foreach (var field in ConstantFields(compilation, provider))
        {
            names.Add(field);
        }

        // Constants (fields and locals) can be the first-party value; other fields, properties and assigned names matter
        // only as a named set of providers, whose value is a collection.
        var sets = new List<(string Name, ExpressionSyntax Value)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Initializer.Value: { } value, Parent: VariableDeclarationSyntax { Parent: var holder } } variable:
                        if (holder is FieldDeclarationSyntax { Modifiers: var modifiers } && modifiers.Any(SyntaxKind.ConstKeyword)
                            || holder is LocalDeclarationStatementSyntax { IsConst: true })
                        {
                            // The compiler's own value: `const int Zero = 1 - 1` converts to the first-party member as 0 does.
                            model ??= compilation.GetSemanticModel(tree);
                            if (IsFirstPartyValue(model.GetDeclaredSymbol(variable, cancellationToken), provider, firstParty))
                            {
                                names.Add(variable.Identifier.ValueText);
                            }
                        }
                        else if (holder is FieldDeclarationSyntax && IsCollection(value))
                        {
                            sets.Add((variable.Identifier.ValueText, value));
                        }

                        break;
                    case PropertyDeclarationSyntax { Initializer.Value: { } value } property when IsCollection(value):
                        sets.Add((property.Identifier.ValueText, value));
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var value } when IsCollection(value) && left.GetLastToken().IsKind(SyntaxKind.IdentifierToken):
                        sets.Add((left.GetLastToken().ValueText, value));
                        break;
                    case UsingDirectiveSyntax { StaticKeyword.RawKind: not 0, NamespaceOrType: NameSyntax target } when typeNames.Contains(target.GetLastToken().ValueText):
                        foreach (var member in provider.GetMembers().OfType<IFieldSymbol>())
                        {
                            names.Add(member.Name);
                        }

                        break;
                }
            }
        }

        bool added;
        do
        {
            added = false;
            foreach (var (name, value) in sets)
            {
                if (!names.Contains(name) && CanHoldFirstParty(value, names, typeNames))
                {
                    added |= names.Add(name);
                }
            }
        }
        while (added);

        return names;
    }

    /// <summary>A constant equal to the first-party member: of the provider type with its value, or a number that is 0 (it converts to the enum implicitly).</summary>
    private static bool IsFirstPartyValue(ISymbol? constant, INamedTypeSymbol provider, IFieldSymbol firstParty)
    {
        var (type, value) = constant switch
        {
            IFieldSymbol { HasConstantValue: true } field => (field.Type, field.ConstantValue),
            ILocalSymbol { HasConstantValue: true } local => (local.Type, local.ConstantValue),
            _ => (null, null),
        };
        return type is not null
            && (SymbolEqualityComparer.Default.Equals(type, provider) ? Equals(value, firstParty.ConstantValue) : IsZero(value));
    }

    /// <summary>A value that can be a set of providers: an array, a collection initializer or expression, or a call (<c>ImmutableArray.Create(…)</c>, <c>….ToHashSet()</c>).</summary>
    private static bool IsCollection(ExpressionSyntax value) =>
        value is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or InitializerExpressionSyntax or BaseObjectCreationExpressionSyntax
            or InvocationExpressionSyntax
        || value.IsKind(SyntaxKind.CollectionExpression);

    /// <summary>An expression that can be, or be written with, the first-party constant (a zero or <c>default</c> anywhere in it: <c>new ApiProvider[] { 0 }</c>).</summary>
    private static bool CanHoldFirstParty(ExpressionSyntax value, HashSet<string> names, HashSet<string> typeNames) =>
        value.DescendantNodesAndSelf().Any(n => n is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.DefaultLiteralExpression) || IsZero(literal.Token.Value)) || n is DefaultExpressionSyntax)
        || value.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && (names.Contains(t.ValueText) || IsProviderTypeArithmetic(t, typeNames)));

    /// <summary>
    /// The provider type named where it can make a provider constant other than by naming a member with the first-party
    /// value: a cast to it (<c>(ApiProvider)Other.None</c>), or one of its members in enum arithmetic
    /// (<c>ApiProvider.Bedrock - 1</c>, <c>~</c>, <c>&amp;</c>, <c>|</c>, <c>^</c>).
    /// </summary>
    private static bool IsProviderTypeArithmetic(SyntaxToken token, HashSet<string> typeNames)
    {
        if (!typeNames.Contains(token.ValueText))
        {
            return false;
        }

        SyntaxNode name = token.Parent!;
        while (name.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
        {
            name = name.Parent;
        }

        if (name.Parent is CastExpressionSyntax cast && cast.Type == name)
        {
            return true;
        }

        if (name.Parent is not MemberAccessExpressionSyntax access || access.Expression != name)
        {
            return false;
        }

        SyntaxNode operand = access;
        while (operand.Parent is ParenthesizedExpressionSyntax)
        {
            operand = operand.Parent;
        }

        return operand.Parent is PrefixUnaryExpressionSyntax
            || (operand.Parent is BinaryExpressionSyntax binary
                && (binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression) || binary.IsKind(SyntaxKind.BitwiseAndExpression)
                    || binary.IsKind(SyntaxKind.BitwiseOrExpression) || binary.IsKind(SyntaxKind.ExclusiveOrExpression)));
    }

    /// <summary>
    /// Constants of the provider type with the first-party value declared in referenced assemblies: the provider's own, and
    /// those that reference it (no other can declare one).
    /// </summary>
    private static IEnumerable<string> ConstantFields(Compilation compilation, INamedTypeSymbol provider)
    {
        var home = provider.ContainingAssembly;
        foreach (var assembly in compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>())
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, home)
                || assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == home.Identity.Name)))
            {
                foreach (var name in ConstantFields(assembly, provider))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>The constants of the provider type with the first-party value that <paramref name="assembly"/> declares.</summary>
    private static IEnumerable<string> ConstantFields(IAssemblySymbol assembly, INamedTypeSymbol provider)
    {
        var firstParty = provider.GetMembers(DiagnosticContract.DefaultFirstPartyMember).OfType<IFieldSymbol>().First().ConstantValue;
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol child:
                        stack.Push(child);
                        break;
                    case INamedTypeSymbol type when !SymbolEqualityComparer.Default.Equals(type, provider):
                        stack.Push(type);
                        break;
                    case IFieldSymbol { IsConst: true } field when SymbolEqualityComparer.Default.Equals(field.Type, provider) && Equals(field.ConstantValue, firstParty):
                        yield return field.Name;
                        break;
                }
            }
        }
    }

    /// <summary>
    /// The spans of the members of <paramref name="tree"/> that can hold a comparison with the first-party constant
    /// (the whole tree when such syntax is outside any member). The text is searched for the few things that can be a
    /// first-party constant, and only the tokens found are looked at.
    /// </summary>
    private static IReadOnlyList<TextSpan> CandidateMembers(SyntaxTree tree, HashSet<string> names, HashSet<string> typeNames, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var root = tree.GetRoot(cancellationToken);
        var marked = new List<TextSpan>();
        foreach (var position in Positions(text, names.Concat(typeNames)))
        {
            var token = root.FindToken(position, findInsideTrivia: false);
            if (!token.Span.Contains(position) || !IsCandidate(token, names, typeNames))
            {
                continue;
            }

            if (Member(token.Parent!) is not { } member)
            {
                return [root.FullSpan];
            }

            marked.Add(member.Span);
        }

        return marked.Distinct().OrderBy(s => s.Start).ToList();
    }

    private static bool IsCandidate(SyntaxToken token, HashSet<string> names, HashSet<string> typeNames) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => names.Contains(token.ValueText) || IsProviderTypeArithmetic(token, typeNames),
        SyntaxKind.NumericLiteralToken => IsZero(token.Value) && ComparedAsConstant(token.Parent!),
        SyntaxKind.DefaultKeyword => token.Parent is LiteralExpressionSyntax or DefaultExpressionSyntax && ComparedAsConstant(token.Parent),
        SyntaxKind.CloseParenToken => token.Parent is CastExpressionSyntax { Type: PredefinedTypeSyntax } cast && ComparedAsConstant(cast),
        _ => false,
    };

    /// <summary>Where a name of <paramref name="names"/>, a zero, <c>default</c> or the end of a numeric cast may start.</summary>
    private static IEnumerable<int> Positions(string text, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                if (!IsIdentifierPart(text, at - 1) && !IsIdentifierPart(text, at + name.Length))
                {
                    yield return at;
                }
            }
        }

        for (var at = text.IndexOf('0'); at >= 0; at = text.IndexOf('0', at + 1))
        {
            if (!IsIdentifierPart(text, at - 1) && (at == 0 || text[at - 1] != '.'))
            {
                yield return at;
            }
        }

        for (var at = text.IndexOf("default", StringComparison.Ordinal); at >= 0; at = text.IndexOf("default", at + 7, StringComparison.Ordinal))
        {
            if (!IsIdentifierPart(text, at - 1) && !IsIdentifierPart(text, at + 7))
            {
                yield return at;
            }
        }

        foreach (System.Text.RegularExpressions.Match cast in NumericCast().Matches(text))
        {
            yield return cast.Index + cast.Length - 1;
        }
    }

    private static bool IsIdentifierPart(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\s*(?:s?byte|u?short|u?int|u?long|char|n?u?int)\s*\)")]
    private static partial System.Text.RegularExpressions.Regex NumericCast();

    /// <summary>
    /// The method, property, event or field declaration holding <paramref name="node"/>; null outside one (top-level
    /// statements, a type's base list, an enum member), where the whole document is analyzed.
    /// </summary>
    private static SyntaxNode? Member(SyntaxNode node) =>
        node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() is (BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax) and var member
            ? member
            : null;

    /// <summary>
    /// True when <paramref name="expression"/> (a zero, a <c>default</c>, a numeric cast) stands where the analyzer looks
    /// for a constant: a side of <c>==</c>/<c>!=</c> whose other side is not arithmetic that no enum has (<c>%</c>, <c>*</c>,
    /// <c>/</c>) or another literal, a constant pattern (<c>is 0</c>, <c>case 0</c>, a switch arm, a property pattern), an
    /// argument (<c>Equals</c>, <c>Contains</c>), or a collection element.
    /// </summary>
    private static bool ComparedAsConstant(SyntaxNode expression)
    {
        var node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax or CheckedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression) =>
                !IsNeverAnEnum(binary.Left == node ? binary.Right : binary.Left),
            ConstantPatternSyntax or CaseSwitchLabelSyntax or InitializerExpressionSyntax or CollectionElementSyntax => true,
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } => IsEqualsOrContains(invocation),
            _ => false,
        };
    }

    private static bool IsEqualsOrContains(InvocationExpressionSyntax invocation) =>
        (invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax name => name.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => "",
        }) is "Equals" or "Contains";

    private static bool IsNeverAnEnum(ExpressionSyntax other)
    {
        while (other is ParenthesizedExpressionSyntax parenthesized)
        {
            other = parenthesized.Expression;
        }

        return other is LiteralExpressionSyntax
            || other.IsKind(SyntaxKind.ModuloExpression) || other.IsKind(SyntaxKind.MultiplyExpression) || other.IsKind(SyntaxKind.DivideExpression);
    }

    /// <summary>An integral zero: a literal's value, or a constant's (of any integral type, each converts to an enum as 0).</summary>
    private static bool IsZero(object? value) => value switch
    {
        sbyte sb => sb == 0,
        byte b => b == 0,
        short sh => sh == 0,
        ushort us => us == 0,
        int i => i == 0,
        uint u => u == 0,
        long l => l == 0,
        ulong ul => ul == 0,
        _ => false,
    };
}
