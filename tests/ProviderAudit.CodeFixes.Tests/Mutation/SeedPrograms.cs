using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>
/// A program to mutate: its documents (one of which is mutated), how it compiles, and the .editorconfig its analysis reads
/// (null: none).
/// </summary>
internal sealed record SeedProgram(
    string Name, ImmutableArray<(string Path, string Text)> Documents, int MutatedDocument, OutputKind Kind, string? EditorConfig = null,
    LanguageVersion LanguageVersion = LanguageVersion.Latest, NullableContextOptions Nullable = NullableContextOptions.Enable)
{
    public string MutatedText => Documents[MutatedDocument].Text;
}

/// <summary>
/// The programs the mutation suite starts from: every C# snippet that mentions ApiProvider in the analyzer and code-fix
/// test sources (markup removed; member and statement fragments wrapped in a class), and every file of the samples
/// (samples/LegacyHost and samples/ProviderHost, written against the runtime; samples/AdoptionHost, written with its own
/// provider enum and string ids and analyzed with its .editorconfig, once as it is and once with PA0003's capability
/// mapping added), each sample compiled whole with one file mutated.
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

    private static readonly string[] SampleFolders = ["samples/LegacyHost", "samples/ProviderHost", AdoptionHost];

    /// <summary>The sample configured through its .editorconfig (own enum, first-party member, string id members).</summary>
    public const string AdoptionHost = "samples/AdoptionHost";

    /// <summary>Name prefix of the seeds made from a sample after PA0003's fix added its capability mapping.</summary>
    public const string MappedPrefix = "mapped:";

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
                foreach (var (snippet, editorConfig) in Snippets(File.ReadAllText(file)))
                {
                    if (seen.Add(snippet))
                    {
                        seeds.Add(new SeedProgram(
                            $"{Path.GetFileName(file)}#{index++}", [("Seed.cs", snippet)], 0, OutputKind.DynamicallyLinkedLibrary, editorConfig));
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
            var documents = files.Select(path => (Path.GetRelativePath(RepositoryRoot.Path, path).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(path)))
                .Append(("GlobalUsings.g.cs", ImplicitUsings))
                .ToImmutableArray();
            var editorConfigPath = RepositoryRoot.Combine(Path.Combine(folder, ".editorconfig"));
            var editorConfig = File.Exists(editorConfigPath) ? File.ReadAllText(editorConfigPath) : null;
            for (var i = 0; i < files.Count; i++)
            {
                seeds.Add(new SeedProgram(documents[i].Item1, documents, i, OutputKind.ConsoleApplication, editorConfig));
            }

            if (editorConfig is not null && WithMappingAdded(documents, editorConfig) is { } mapped)
            {
                for (var i = 0; i < files.Count; i++)
                {
                    seeds.Add(new SeedProgram(MappedPrefix + mapped[i].Item1, mapped, i, OutputKind.ConsoleApplication, editorConfig));
                }
            }
        }

        seeds.AddRange(FormSeeds.All());
        return seeds.ToImmutable();
    }

    /// <summary>
    /// The sample with PA0003's fix applied to its first finding (the mapping of its provider enum written into the enum's
    /// file), as a team adopting the audit has it after the first step; null when the sample reports no PA0003.
    /// </summary>
    private static ImmutableArray<(string Path, string Text)>? WithMappingAdded(ImmutableArray<(string Path, string Text)> documents, string editorConfig) =>
        WithMappingAdded(documents, editorConfig, OutputKind.ConsoleApplication, TestReferences.WithRuntimeDependencies, LanguageVersion.Latest, NullableContextOptions.Enable);

    /// <inheritdoc cref="WithMappingAdded(ImmutableArray{ValueTuple{string, string}}, string)"/>
    internal static ImmutableArray<(string Path, string Text)>? WithMappingAdded(
        ImmutableArray<(string Path, string Text)> documents, string editorConfig, OutputKind kind, ImmutableArray<MetadataReference> references,
        LanguageVersion languageVersion, NullableContextOptions nullable) =>
        Task.Run(async () =>
        {
            var project = new ConfiguredProject(editorConfig, kind, references, languageVersion, nullable, [.. documents]);
            var missingMapping = (await project.AnalyzeAsync()).FirstOrDefault(d => d.Id == DiagnosticContract.MissingProviderMappingId);
            if (missingMapping is null)
            {
                return (ImmutableArray<(string Path, string Text)>?)null;
            }

            await project.ApplyAsync((await project.ActionsAsync(new ProviderMappingCodeFixProvider(), missingMapping)).Single());
            var mapped = ImmutableArray.CreateBuilder<(string Path, string Text)>();
            foreach (var (path, _) in documents)
            {
                mapped.Add((path, await project.TextAsync(path)));
            }

            return mapped.ToImmutable();
        }).GetAwaiter().GetResult();

    /// <summary>
    /// The test's C# snippets: string literals that mention ApiProvider or a name that the file's first .editorconfig
    /// literal configures (a host's provider enum, a string id member: the configuration a test file declares for its
    /// tests); those snippets carry that configuration. A fragment goes into the first of the file's
    /// own templates (its <c>$$"""…{{members}}…"""</c> helpers) or of the generic class/method wrappers that compiles
    /// without errors; a fragment that fits none stays in the first template, as a seed for robustness.
    /// </summary>
    private static IEnumerable<(string Snippet, string? EditorConfig)> Snippets(string testSource)
    {
        var root = CSharpSyntaxTree.ParseText(testSource, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var templates = Templates(root).ToList();
        var literals = root.DescendantTokens()
            .Where(token => token.IsKind(SyntaxKind.StringLiteralToken)
                            || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            .Select(token => token.ValueText)
            .ToList();
        var editorConfig = literals.FirstOrDefault(text => ConfiguredNames().IsMatch(text));
        var names = editorConfig is null
            ? []
            : ConfiguredNames().Matches(editorConfig)
                .SelectMany(match => match.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    // A type's simple name (MyApp.Backend → Backend); a member's name (Split.provider → Split).
                    .Select(name => match.Groups[1].Value == "string_provider_members" ? name.Split('.')[0] : name.Split('.', '+')[^1]))
                .ToList();
        foreach (var literal in literals)
        {
            var text = WithoutMarkup(literal);
            if (text.Length < 20 || text.Contains("provider_audit.", StringComparison.Ordinal))
            {
                continue;
            }

            var configured = names.Any(name => Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b"));
            if (!configured && !text.Contains("ApiProvider", StringComparison.Ordinal))
            {
                continue;
            }

            var config = configured ? editorConfig : null;
            if (IsWholeProgram(text))
            {
                yield return (text, config);
                continue;
            }

            var candidates = templates.Select(template => template.Replace(Placeholder, text, StringComparison.Ordinal))
                .Append(AsMembers(text))
                .Append(AsStatements(text))
                .ToList();
            yield return (candidates.FirstOrDefault(CompilesWithoutErrors) ?? candidates[0], config);
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

    private static string WithoutMarkup(string text) => Markup.Remove(text);

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

    /// <summary>An .editorconfig line naming a host's provider enums or string id members (the names in group <c>names</c>).</summary>
    [GeneratedRegex(@"^\s*provider_audit\.(additional_provider_types|string_provider_members)\s*=\s*(?<names>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ConfiguredNames();

    [GeneratedRegex(@"\b(class|struct|record|interface|enum|namespace)\s+[A-Za-z_]")]
    private static partial Regex WholeProgram();
}
