using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>A program to mutate: its documents (one of which is mutated) and how it compiles.</summary>
internal sealed record SeedProgram(string Name, ImmutableArray<(string Path, string Text)> Documents, int MutatedDocument, OutputKind Kind)
{
    public string MutatedText => Documents[MutatedDocument].Text;
}

/// <summary>
/// The programs the mutation suite starts from: every C# snippet that mentions ApiProvider in the analyzer and code-fix
/// test sources (markup removed; member and statement fragments wrapped in a class), and every file of the samples
/// written against the runtime (samples/LegacyHost, samples/ProviderHost), each sample compiled whole with one file mutated.
/// </summary>
internal static partial class SeedPrograms
{
    private const string FragmentUsings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using ProviderAudit.Runtime;

        """;

    /// <summary>What the tests' fragments read besides their parameters.</summary>
    private const string FragmentTypes = """
        record Settings(ApiProvider Provider, string Model)
        {
            public ApiProvider? Override { get; init; }
        }

        """;

    /// <summary>The SDK's implicit usings for a console project (the samples rely on them).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    private static readonly string[] TestSourceFolders = ["tests/ProviderAudit.Analyzers.Tests", "tests/ProviderAudit.CodeFixes.Tests"];

    private static readonly string[] SampleFolders = ["samples/LegacyHost", "samples/ProviderHost"];

    private static readonly Lazy<ImmutableArray<SeedProgram>> Programs = new(Load);

    public static ImmutableArray<SeedProgram> All => Programs.Value;

    private static ImmutableArray<SeedProgram> Load()
    {
        var seeds = ImmutableArray.CreateBuilder<SeedProgram>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in TestSourceFolders)
        {
            foreach (var file in Directory.GetFiles(RepositoryRoot.Combine(folder), "*.cs").Order(StringComparer.Ordinal))
            {
                var index = 0;
                foreach (var snippet in Snippets(File.ReadAllText(file)))
                {
                    if (seen.Add(snippet))
                    {
                        seeds.Add(new SeedProgram($"{Path.GetFileName(file)}#{index++}", [("Seed.cs", snippet)], 0, OutputKind.DynamicallyLinkedLibrary));
                    }
                }
            }
        }

        foreach (var folder in SampleFolders)
        {
            var files = Directory.GetFiles(RepositoryRoot.Combine(folder), "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                               && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            var documents = files.Select(path => (Path.GetRelativePath(RepositoryRoot.Path, path), File.ReadAllText(path)))
                .Append(("GlobalUsings.g.cs", ImplicitUsings))
                .ToImmutableArray();
            for (var i = 0; i < files.Count; i++)
            {
                seeds.Add(new SeedProgram(documents[i].Item1, documents, i, OutputKind.ConsoleApplication));
            }
        }

        return seeds.ToImmutable();
    }

    /// <summary>
    /// The test's C# snippets: string literals that mention ApiProvider. A fragment goes into the first of the file's own
    /// templates (its <c>$$"""…{{members}}…"""</c> helpers) or of the generic class/method wrappers that compiles without
    /// errors; a fragment that fits none stays in the first template, as a seed for robustness.
    /// </summary>
    private static IEnumerable<string> Snippets(string testSource)
    {
        var root = CSharpSyntaxTree.ParseText(testSource, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var templates = Templates(root).ToList();
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            {
                continue;
            }

            var text = WithoutMarkup(token.ValueText);
            if (!text.Contains("ApiProvider", StringComparison.Ordinal) || text.Length < 20)
            {
                continue;
            }

            if (IsWholeProgram(text))
            {
                yield return text;
                continue;
            }

            var candidates = templates.Select(template => template.Replace(Placeholder, text, StringComparison.Ordinal))
                .Append(AsMembers(text))
                .Append(AsStatements(text))
                .ToList();
            yield return candidates.FirstOrDefault(CompilesWithoutErrors) ?? candidates[0];
        }
    }

    private const string Placeholder = "\u0001";

    /// <summary>The file's <c>$$"""…{{fragment}}…"""</c> strings with one hole, the hole marked by <see cref="Placeholder"/>.</summary>
    private static IEnumerable<string> Templates(SyntaxNode root)
    {
        foreach (var template in root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
        {
            if (!template.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken)
                || template.Contents.OfType<InterpolationSyntax>().Count() != 1)
            {
                continue;
            }

            yield return string.Concat(template.Contents.Select(part => part is InterpolatedStringTextSyntax text ? text.TextToken.ValueText : Placeholder));
        }
    }

    private static bool CompilesWithoutErrors(string program) =>
        !CSharpCompilation.Create(
                "Seed",
                [CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Latest))],
                TestReferences.All,
                FixRunner.CompilationOptions)
            .GetDiagnostics()
            .Any(d => d.Severity == DiagnosticSeverity.Error);

    private static string WithoutMarkup(string text) => Markup().Replace(text, string.Empty);

    private static bool IsWholeProgram(string text) => WholeProgram().IsMatch(text);

    private static string AsMembers(string members) => FragmentUsings + FragmentTypes + "class C\n{\n" + members + "\n}\n";

    private static string AsStatements(string statements) => FragmentUsings + FragmentTypes + """
        class C
        {
            object Check(ApiProvider p, ApiProvider provider, ApiProvider? maybe, Settings? settings, object boxed, int number)
            {

        """ + statements + """

                return 0;
            }
        }

        """;

    /// <summary><c>{|PA0001:</c>, <c>{|#0:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c>: the testing library's span markup.</summary>
    [GeneratedRegex(@"\{\|[^:|{}\s]*:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(class|struct|record|interface|enum|namespace)\s+[A-Za-z_]")]
    private static partial Regex WholeProgram();
}
