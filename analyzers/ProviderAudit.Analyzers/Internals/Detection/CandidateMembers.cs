using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// The members of a tree, and in them the statements, whose syntax can hold a comparison with a provider enum's
    /// first-party constant, found before anything in them is bound. Every form the detectors flag needs a side that is that constant (or, in
    /// <c>Contains</c>, a set with it), and a constant is written with one of a few things: the first-party member's name or
    /// another name with its value (an enum alias, a <c>const</c> field here or in an assembly that references the enum's,
    /// every member under <c>using static</c>); a cast to the enum, arithmetic with its members or <c>new</c> of it; a
    /// number equal to its value or folded with others (<c>1 - 1</c>), a numeric cast, or <c>default</c>, standing where a
    /// comparison takes a constant; or a local constant. A
    /// set is a readonly field or a local (<see cref="SingleAssignment"/>: same tree only) whose initializer holds one of
    /// these, so the names of such declarations join the tree's names, to a fixed point. Comparisons elsewhere need no
    /// operation tree, which is most of what an operation analyzer costs a build (docs/performance.md).
    /// </summary>
    /// <remarks>
    /// Found by searching each tree's text for those names, digits, <c>default</c>, <c>const</c> and numeric casts, and
    /// looking only at the tokens found. Shared by the analyzer (which then builds operation trees only for these members)
    /// and by <c>provider-audit audit</c> (which binds nothing else). Two ways to write the constant are not followed, each
    /// needing every constant's value bound to know: arithmetic of named constants that are not the first-party value
    /// (<c>One - One</c>), and a number constant 0 declared in an assembly that does not reference the enum's
    /// (docs/rules/PA0001.md).
    /// </remarks>
    internal sealed class CandidateMembers
    {
        private static readonly char[] Digits = "0123456789".ToCharArray();

        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> Facts = new ConditionalWeakTable<SyntaxTree, TreeFacts>();

        private static readonly Regex NumericCast = new Regex(@"\(\s*(?:s?byte|u?short|u?int|u?long|char|n?u?int)\s*\??\s*\)", RegexOptions.CultureInvariant);

        private readonly HashSet<string> _names;
        private readonly HashSet<string> _typeNames;
        private readonly HashSet<ulong> _values;

        private CandidateMembers(HashSet<string> names, HashSet<string> typeNames, HashSet<ulong> values)
        {
            _names = names;
            _typeNames = typeNames;
            _values = values;
        }

        /// <summary>
        /// The names, type names and numbers that can make the first-party constant of any of <paramref name="targets"/>
        /// (each an enum and its first-party member's value) in <paramref name="compilation"/>: read from its <c>using</c> directives,
        /// its <c>const</c> fields and the constants of referenced assemblies that reference an enum's.
        /// </summary>
        public static CandidateMembers For(Compilation compilation, IEnumerable<(INamedTypeSymbol Type, object? FirstPartyValue)> targets, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var typeNames = new HashSet<string>(StringComparer.Ordinal);
            var values = new HashSet<ulong>();
            var all = targets.ToList();
            foreach (var (type, firstParty) in all)
            {
                typeNames.Add(type.Name);
                values.Add(Magnitude(firstParty) ?? 0);
                foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
                {
                    if (member.HasConstantValue && Equals(member.ConstantValue, firstParty))
                    {
                        names.Add(member.Name);
                    }
                }

                foreach (var constant in ReferencedConstants(compilation, type, firstParty))
                {
                    names.Add(constant);
                }
            }

            var constFields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var facts = Facts.GetValue(tree, t => TreeFacts.Read(t, cancellationToken));
                foreach (var directive in facts.TypeUsings)
                {
                    foreach (var (type, _) in all)
                    {
                        if (directive.Target != type.Name)
                        {
                            continue;
                        }

                        if (directive.Alias is { } alias)
                        {
                            typeNames.Add(alias);
                        }
                        else if (directive.IsStatic)
                        {
                            foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
                            {
                                names.Add(member.Name);
                            }
                        }
                    }
                }

                constFields.UnionWith(facts.ConstFields);
            }

            // The compiler's own value (`const int Zero = 1 - 1` converts to the enum as 0 does), found by name in the
            // declaration table rather than by binding each tree.
            foreach (var name in constFields)
            {
                foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
                {
                    if (symbol is IFieldSymbol { IsConst: true } constant && all.Any(t => IsFirstPartyValue(constant, t.Type, t.FirstPartyValue)))
                    {
                        names.Add(name);
                    }
                }
            }

            return new CandidateMembers(names, typeNames, values);
        }

        /// <summary>
        /// The syntax of <paramref name="tree"/> that can hold a comparison with a first-party constant, in text order, none
        /// inside another: the innermost statement around each candidate; else its member (a method's expression body or
        /// parameter default, a field, property or enum member initializer, and every member with a local constant); the
        /// root alone when such syntax is outside both (a type's base list or attributes).
        /// </summary>
        public IReadOnlyList<SyntaxNode> In(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            var root = tree.GetRoot(cancellationToken);
            var treeNames = new HashSet<string>(_names, StringComparer.Ordinal);
            var pending = new Queue<int>(Positions(text, _names.Concat(_typeNames)));
            var seen = new HashSet<int>();
            var marked = new HashSet<SyntaxNode>();
            while (pending.Count > 0)
            {
                var position = pending.Dequeue();
                if (!seen.Add(position))
                {
                    continue;
                }

                var token = root.FindToken(position, findInsideTrivia: false);
                if (!token.Span.Contains(position))
                {
                    continue;
                }

                if (token.IsKind(SyntaxKind.ConstKeyword))
                {
                    // A local constant can be compared anywhere in its member.
                    if (token.Parent is LocalDeclarationStatementSyntax local && !IsString(local.Declaration.Type) && !Mark(token, marked, wholeMember: true))
                    {
                        return new[] { root };
                    }

                    continue;
                }

                if (!CanMakeFirstParty(token, treeNames))
                {
                    continue;
                }

                if (IsCompared(token) && !Mark(token, marked, wholeMember: false))
                {
                    return new[] { root };
                }

                if (SetDeclaredWith(token) is { } set && treeNames.Add(set))
                {
                    foreach (var at in WordPositions(text, set))
                    {
                        pending.Enqueue(at);
                    }
                }
            }

            return Outermost(marked);
        }

        /// <summary>
        /// Marks the innermost statement holding <paramref name="token"/> (a statement is bound on its own, not its whole
        /// member), else its member; false when it is in neither (the whole tree is needed).
        /// </summary>
        private static bool Mark(SyntaxToken token, HashSet<SyntaxNode> marked, bool wholeMember)
        {
            var statement = wholeMember ? null : token.Parent!.FirstAncestorOrSelf<StatementSyntax>();
            var member = Member(token.Parent!);
            if (statement is not null && (member is null || member.Span.Contains(statement.Span)))
            {
                marked.Add(statement);
                return true;
            }

            if (member is null)
            {
                return false;
            }

            marked.Add(member);
            return true;
        }

        /// <summary>The marked nodes in text order, without those inside another (each operation is searched once).</summary>
        private static List<SyntaxNode> Outermost(HashSet<SyntaxNode> marked)
        {
            var kept = new List<SyntaxNode>();
            foreach (var node in marked.OrderBy(n => n.SpanStart).ThenByDescending(n => n.Span.Length))
            {
                if (kept.Count == 0 || !kept[kept.Count - 1].Span.Contains(node.Span))
                {
                    kept.Add(node);
                }
            }

            return kept;
        }

        /// <summary>
        /// The method, property, event, field or enum member declaration holding <paramref name="node"/>; null outside one
        /// (top-level statements, a type's base list or attributes).
        /// </summary>
        private static SyntaxNode? Member(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case BaseMethodDeclarationSyntax:
                    case BasePropertyDeclarationSyntax:
                    case BaseFieldDeclarationSyntax:
                    case EnumMemberDeclarationSyntax:
                        return ancestor;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>A token that can be, or be part of, a first-party constant; a declaration's own name is not.</summary>
        private bool CanMakeFirstParty(SyntaxToken token, HashSet<string> names)
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken:
                    return token.Parent is SimpleNameSyntax && (names.Contains(token.ValueText) || IsProviderTypeConstant(token));
                case SyntaxKind.NumericLiteralToken:
                    return Magnitude(token.Value) is { } value && (_values.Contains(value) || IsFolded(token.Parent!));
                case SyntaxKind.DefaultKeyword:
                    return token.Parent is LiteralExpressionSyntax or DefaultExpressionSyntax;
                case SyntaxKind.CloseParenToken:
                    return token.Parent is CastExpressionSyntax { Type: PredefinedTypeSyntax or NullableTypeSyntax { ElementType: PredefinedTypeSyntax } };
                default:
                    return false;
            }
        }

        /// <summary>
        /// A name of the first-party constant stands anywhere; a number, <c>default</c> or a numeric cast only where a
        /// comparison takes a constant.
        /// </summary>
        private static bool IsCompared(SyntaxToken token) => token.IsKind(SyntaxKind.IdentifierToken) || ComparedAsConstant(token.Parent!);

        /// <summary>
        /// The readonly field or local whose initializer holds <paramref name="token"/>: a set of providers is read through
        /// its name (<c>static readonly ApiProvider[] Direct = { … }</c>, queried as <c>Direct.Contains(p)</c>).
        /// </summary>
        private static string? SetDeclaredWith(SyntaxToken token)
        {
            var clause = token.Parent!.FirstAncestorOrSelf<EqualsValueClauseSyntax>();
            if (clause?.Parent is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var holder } } variable)
            {
                return null;
            }

            return holder switch
            {
                FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) => variable.Identifier.ValueText,
                LocalDeclarationStatementSyntax { IsConst: false } => variable.Identifier.ValueText,
                _ => null,
            };
        }

        /// <summary>
        /// The provider type named where it makes a constant other than by naming a member with the first-party value: a
        /// cast to it (<c>(ApiProvider)Other.None</c>), <c>new ApiProvider()</c>, or one of its members in enum arithmetic
        /// (<c>ApiProvider.Bedrock - 1</c>, <c>~</c>, <c>&amp;</c>, <c>|</c>, <c>^</c>).
        /// </summary>
        private bool IsProviderTypeConstant(SyntaxToken token)
        {
            if (!_typeNames.Contains(token.ValueText))
            {
                return false;
            }

            SyntaxNode name = token.Parent!;
            while (name.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
            {
                name = name.Parent;
            }

            if (name.Parent is CastExpressionSyntax cast && cast.Type == name
                || name.Parent is ObjectCreationExpressionSyntax creation && creation.Type == name)
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

        /// <summary>Where a name, a number (equal to a first-party value, or folded with others), <c>default</c>, <c>const</c> or the end of a numeric cast may start.</summary>
        private IEnumerable<int> Positions(string text, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                foreach (var at in WordPositions(text, name))
                {
                    yield return at;
                }
            }

            for (var at = text.IndexOfAny(Digits); at >= 0; at = text.IndexOfAny(Digits, at + 1))
            {
                if (!IsIdentifierPart(text, at - 1) && (at == 0 || text[at - 1] != '.'))
                {
                    yield return at;
                }
            }

            foreach (var word in new[] { "default", "const" })
            {
                foreach (var at in WordPositions(text, word))
                {
                    yield return at;
                }
            }

            foreach (Match cast in NumericCast.Matches(text))
            {
                yield return cast.Index + cast.Length - 1;
            }
        }

        private static IEnumerable<int> WordPositions(string text, string word)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                if (!IsIdentifierPart(text, at - 1) && !IsIdentifierPart(text, at + word.Length))
                {
                    yield return at;
                }
            }
        }

        private static bool IsIdentifierPart(string text, int index) =>
            index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');

        private static bool IsString(TypeSyntax type) => type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword };

        /// <summary>
        /// True when <paramref name="expression"/> (a number, a <c>default</c>, a numeric cast) stands, alone or folded with
        /// other constants, where a detector looks for a constant: a side of <c>==</c>/<c>!=</c> whose other side is not
        /// arithmetic that no enum has (<c>%</c>, <c>*</c>, <c>/</c>) or a literal, a constant pattern (<c>is 0</c>,
        /// <c>case 0</c>, a switch arm, a property pattern), an argument (<c>Equals</c>, <c>Contains</c>), or a collection
        /// element.
        /// </summary>
        private static bool ComparedAsConstant(SyntaxNode expression)
        {
            var node = expression;
            while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax or CheckedExpressionSyntax or ConditionalExpressionSyntax
                   || node.Parent is BinaryExpressionSyntax arithmetic && IsConstantFolding(arithmetic))
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

        /// <summary>A number the compiler folds with others into a constant of any value (<c>1 - 1</c>).</summary>
        private static bool IsFolded(SyntaxNode literal)
        {
            var node = literal;
            while (node.Parent is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node.Parent is BinaryExpressionSyntax binary && IsConstantFolding(binary);
        }

        /// <summary>Arithmetic the compiler folds when both sides are constants (<c>0 + 0</c>, <c>1 - 1</c>, <c>2 &gt;&gt; 2</c>).</summary>
        private static bool IsConstantFolding(BinaryExpressionSyntax binary) => binary.Kind() switch
        {
            SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression
                or SyntaxKind.LeftShiftExpression or SyntaxKind.RightShiftExpression or SyntaxKind.UnsignedRightShiftExpression
                or SyntaxKind.BitwiseAndExpression or SyntaxKind.BitwiseOrExpression or SyntaxKind.ExclusiveOrExpression => true,
            _ => false,
        };

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

        /// <summary>A constant equal to a first-party member: of its enum with its value, or a number of its magnitude (0 converts to the enum implicitly; others compare with <c>(int)p</c>).</summary>
        private static bool IsFirstPartyValue(IFieldSymbol constant, INamedTypeSymbol provider, object? firstParty) =>
            SymbolEqualityComparer.Default.Equals(constant.Type, provider)
                ? Equals(constant.ConstantValue, firstParty)
                : Magnitude(constant.ConstantValue) is { } value && value == (Magnitude(firstParty) ?? 0);

        /// <summary>An integral constant's magnitude (<c>-1</c> is written as <c>-</c> and <c>1</c>); null for anything else.</summary>
        private static ulong? Magnitude(object? value) => value switch
        {
            sbyte v => (ulong)Math.Abs((long)v),
            byte v => v,
            short v => (ulong)Math.Abs((long)v),
            ushort v => v,
            int v => (ulong)Math.Abs((long)v),
            uint v => v,
            long v => v == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(v),
            ulong v => v,
            _ => null,
        };

        /// <summary>
        /// A tree's <c>using</c> directives that can name a type (aliases and <c>using static</c>) and the names of its
        /// <c>const</c> fields, read once per tree: an IDE makes a new compilation per keystroke, with every other tree the
        /// same object as before.
        /// </summary>
        private sealed class TreeFacts
        {
            private TreeFacts(List<(string? Alias, string Target, bool IsStatic)> typeUsings, List<string> constFields)
            {
                TypeUsings = typeUsings;
                ConstFields = constFields;
            }

            public List<(string? Alias, string Target, bool IsStatic)> TypeUsings { get; }

            public List<string> ConstFields { get; }

            public static TreeFacts Read(SyntaxTree tree, CancellationToken cancellationToken)
            {
                var root = tree.GetRoot(cancellationToken);
                var usings = new List<(string? Alias, string Target, bool IsStatic)>();
                foreach (var directive in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
                {
                    if (directive.NamespaceOrType is NameSyntax target && (directive.Alias is not null || directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword)))
                    {
                        usings.Add((directive.Alias?.Name.Identifier.ValueText, target.GetLastToken().ValueText, directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword)));
                    }
                }

                var constFields = new List<string>();
                foreach (var at in WordPositions(tree.GetText(cancellationToken).ToString(), "const"))
                {
                    if (root.FindToken(at).Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                    {
                        foreach (var variable in field.Declaration.Variables)
                        {
                            constFields.Add(variable.Identifier.ValueText);
                        }
                    }
                }

                return new TreeFacts(usings, constFields);
            }
        }

        /// <summary>
        /// The names of constants of <paramref name="provider"/> with the first-party value declared in referenced
        /// assemblies: the provider's own, and those that reference it (no other can declare one).
        /// </summary>
        private static IEnumerable<string> ReferencedConstants(Compilation compilation, INamedTypeSymbol provider, object? firstParty)
        {
            var home = provider.ContainingAssembly;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                    || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                    || !(SymbolEqualityComparer.Default.Equals(assembly, home) || assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == home.Identity.Name))))
                {
                    continue;
                }

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
        }
    }
}
