using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>Markup-based verification (<c>{|PA0001:…|}</c>) against the real runtime and offline references.</summary>
internal static class AuditVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, editorConfig: null, expected);

    public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AuditTest
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
            // PA0003 has two descriptors (declaration / first finding); {|PA0003:…|} markup means the declaration one.
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add((editorConfig.StartsWith("is_global", StringComparison.Ordinal) ? "/.globalconfig" : "/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies a program of several files (path, markup source), as one project.</summary>
    public static Task VerifyFilesAsync(params (string Path, string Source)[] files)
    {
        var test = new AuditTest
        {
            ReferenceAssemblies = TestReferences.None,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        foreach (var file in files)
        {
            test.TestState.Sources.Add((file.Path, file.Source));
        }

        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }

    /// <summary>A PA0001 expectation; the additional locations (the nodes a fix works on) are checked by DiagnosticContractTests.</summary>
    public static DiagnosticResult PA0001() => new DiagnosticResult(ProviderAuditDescriptors.FirstPartyComparison).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static DiagnosticResult PA0002() => new(ProviderAuditDescriptors.InvalidConfiguration);

    public static DiagnosticResult PA0003() => new(ProviderAuditDescriptors.MissingProviderMapping);
}
