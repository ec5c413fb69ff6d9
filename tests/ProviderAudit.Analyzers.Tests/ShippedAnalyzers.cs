using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ProviderAudit.Analyzers.Rules;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>Every analyzer of the package (one per rule), found by its attribute as the compiler finds it: the audit as users run it.</summary>
internal static class ShippedAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(FirstPartyComparisonAnalyzer).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();
}

/// <summary>An analyzer test that runs every rule's analyzer, so PA0001, PA0002 and PA0003 are expected together as a build reports them.</summary>
internal class AuditTest : CSharpAnalyzerTest<FirstPartyComparisonAnalyzer, DefaultVerifier>
{
    // Every rule's analyzer declares every descriptor (dotnet format needs it; docs/rules/README.md), so an id's
    // descriptor is listed once per analyzer: the same instance, hence the first.
    public AuditTest() => MarkupOptions = MarkupOptions.UseFirstDescriptor;

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => ShippedAnalyzers.All;
}
