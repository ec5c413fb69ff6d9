using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>Code-fix test against the real runtime assembly, with compiler warnings of the fixed code checked.</summary>
internal sealed class FixTest : CSharpCodeFixTest<FirstPartyComparisonAnalyzer, FirstPartyComparisonCodeFixProvider, DefaultVerifier>
{
    public FixTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
    }

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
    /// <paramref name="fixedSource"/> (one fix at a time, then Fix All in document, project and solution scope).
    /// Then applies the other fix one site at a time and expects the same code with the other capability, so every
    /// shape is checked with both fixes.
    /// </summary>
    public static async Task FixAsync(string source, string fixedSource, string equivalenceKey, int? codeActionIndex = null, string? editorConfig = null)
    {
        var test = new FixTest
        {
            TestCode = source,
            FixedCode = fixedSource,
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

        // Fix All keeps inferred capabilities (see FixAllTests), so the other fix is checked site by site only.
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

    private static string SwapCapabilities(string code) => code
        .Replace("ModelIdFormat()", "\u0001", StringComparison.Ordinal)
        .Replace("AuthTransport()", "ModelIdFormat()", StringComparison.Ordinal)
        .Replace("\u0001", "AuthTransport()", StringComparison.Ordinal);
}
