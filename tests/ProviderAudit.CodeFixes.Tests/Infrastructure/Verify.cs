using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Mutation;
using ProviderAudit.Analyzers.Rules;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>Code-fix test against the real runtime assembly, with compiler warnings of the fixed code checked.</summary>
internal sealed class FixTest : CSharpCodeFixTest<FirstPartyComparisonAnalyzer, FirstPartyComparisonCodeFixProvider, DefaultVerifier>
{
    public FixTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
        // Every rule's analyzer declares every descriptor (dotnet format needs it), so an id's descriptor is listed once
        // per analyzer: the same instance, hence the first.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    /// <summary>Every rule's analyzer, as a build runs them: PA0002 and PA0003 are expected next to PA0001.</summary>
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => MutationChecker.Analyzers;

    /// <summary>CS1701/CS1702 (net8.0 runtime assembly unified with net10.0 framework) are off, as in every SDK build.</summary>
    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable).WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });
}

internal static class Verify
{
    public const string ModelId = "PA0001.UseModelIdFormat";
    public const string AuthTransport = "PA0001.UseAuthTransport";

    /// <summary>
    /// Applies the fix with <paramref name="equivalenceKey"/> to every marked site and compares with
    /// <paramref name="fixedSource"/> (one fix at a time), then runs Fix All in document, project and solution scope and
    /// compares with <paramref name="fixAllSource"/>. Then applies the other fix one site at a time and expects the same code
    /// with the other capability, so every shape is checked with both fixes.
    /// </summary>
    /// <param name="fixAllSource">
    /// Fix All's result: each site with its documented fix (the inferred concern, the model-ID format for an ambiguous
    /// site), whatever fix it is started from. When null, the sites' documented fixes are read from the analyzer: all the
    /// same one, Fix All's result is <paramref name="fixedSource"/> with that capability; different ones need it stated.
    /// </param>
    public static async Task FixAsync(
        string source, string fixedSource, string equivalenceKey, int? codeActionIndex = null, string? editorConfig = null, string? fixAllSource = null)
    {
        var test = new FixTest
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = fixAllSource ?? await FixAllExpectationAsync(source, fixedSource, equivalenceKey, editorConfig),
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (codeActionIndex is { } index)
        {
            test.CodeActionIndex = index;
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        await test.RunAsync();

        // Fix All gives every site its documented fix (see FixAllTests), so the other fix is checked site by site only.
        var other = new FixTest
        {
            TestCode = source,
            FixedCode = SwapCapabilities(fixedSource),
            CodeActionEquivalenceKey = equivalenceKey == ModelId ? AuthTransport : ModelId,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        if (editorConfig is not null)
        {
            other.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        await other.RunAsync();
    }

    /// <summary>
    /// <paramref name="fixedSource"/> as Fix All writes it: with the documented fix of the sites (the first fix each one
    /// offers), which must be the same for all of them.
    /// </summary>
    private static async Task<string> FixAllExpectationAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig)
    {
        var code = Markup.Remove(source);
        var kind = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var project = new ConfiguredProject(editorConfig ?? string.Empty, kind, TestReferences.All, ("Test0.cs", code));
        var documented = new HashSet<string?>();
        foreach (var diagnostic in (await project.AnalyzeAsync()).Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId))
        {
            if ((await project.ActionsAsync(new FirstPartyComparisonCodeFixProvider(), diagnostic)).FirstOrDefault() is { } first)
            {
                documented.Add(first.EquivalenceKey);
            }
        }

        return documented.Count switch
        {
            1 => documented.Single() == equivalenceKey ? fixedSource : SwapCapabilities(fixedSource),
            0 => fixedSource,
            _ => throw new InvalidOperationException("The sites have different documented fixes; state Fix All's result (fixAllSource)."),
        };
    }

    private static string SwapCapabilities(string code) => code
        .Replace("ModelIdFormat()", "\u0001", StringComparison.Ordinal)
        .Replace("AuthTransport()", "ModelIdFormat()", StringComparison.Ordinal)
        .Replace("\u0001", "AuthTransport()", StringComparison.Ordinal);
}
