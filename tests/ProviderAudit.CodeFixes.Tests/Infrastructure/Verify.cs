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

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to every marked site and compares with <paramref name="fixedSource"/>.</summary>
    public static Task FixAsync(string source, string fixedSource, string equivalenceKey, int? codeActionIndex = null)
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

        return test.RunAsync();
    }
}
