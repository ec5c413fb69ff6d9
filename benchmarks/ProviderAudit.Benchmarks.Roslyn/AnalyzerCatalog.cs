using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Benchmarks.Roslyn;

/// <summary>
/// The C# analyzers and code fixes a project's analyzer references provide, found by their attributes the way
/// dotnet format and the IDE find them, so every fixer under test is loaded the same way.
/// </summary>
internal sealed class AnalyzerCatalog
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixers;

    private AnalyzerCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        _analyzers = analyzers;
        _fixers = fixers;
    }

    public static AnalyzerCatalog For(Project project)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var fixers = ImmutableArray.CreateBuilder<CodeFixProvider>();
        foreach (var path in project.AnalyzerReferences.Select(r => r.FullPath).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            foreach (var type in LoadableTypes(path))
            {
                if (type.IsAbstract)
                {
                    continue;
                }

                if (type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } analyzer && analyzer.Languages.Contains(LanguageNames.CSharp))
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
                else if (type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } fixer && fixer.Languages.Contains(LanguageNames.CSharp))
                {
                    fixers.Add((CodeFixProvider)Activator.CreateInstance(type)!);
                }
            }
        }

        return new AnalyzerCatalog(analyzers.ToImmutable(), fixers.ToImmutable());
    }

    /// <summary>The analyzers that can report <paramref name="diagnosticId"/>.</summary>
    public ImmutableArray<DiagnosticAnalyzer> AnalyzersFor(string diagnosticId)
    {
        var found = _analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == diagnosticId)).ToImmutableArray();
        return found.IsEmpty ? throw new InvalidOperationException($"No analyzer in the corpus project reports {diagnosticId}.") : found;
    }

    /// <summary>
    /// The audit's analyzer of one rule. Not "the analyzer declaring the id": every rule's analyzer declares every rule's
    /// descriptors (dotnet format applies no fix otherwise, see <c>FirstPartyComparisonAnalyzer.SupportedDiagnostics</c>),
    /// so it is found by its type's name, <c>ProviderAudit.Analyzers.Rules.&lt;name&gt;</c>, as summarize.py finds its time.
    /// </summary>
    public DiagnosticAnalyzer AuditRuleAnalyzer(string typeName)
    {
        var fullName = "ProviderAudit.Analyzers.Rules." + typeName;
        return _analyzers.SingleOrDefault(a => a.GetType().FullName == fullName)
            ?? throw new InvalidOperationException($"No analyzer {fullName} in the corpus project.");
    }

    /// <summary>Every analyzer of the audit (one per rule), however many rules it has: those reporting a <c>PA</c> id.</summary>
    public ImmutableArray<DiagnosticAnalyzer> AuditAnalyzers()
    {
        var found = _analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id.StartsWith("PA", StringComparison.Ordinal))).ToImmutableArray();
        return found.IsEmpty ? throw new InvalidOperationException("No ProviderAudit analyzer in the corpus project.") : found;
    }

    /// <summary>
    /// <see cref="AuditAnalyzers"/> with PA0001's analyzer searching every member's operation tree, as it did before its
    /// member filter (its internal <c>everyMember</c> constructor): the filter's saving, measured side by side.
    /// </summary>
    public ImmutableArray<DiagnosticAnalyzer> AuditAnalyzersScanningEveryMember()
    {
        var comparison = AuditRuleAnalyzer("FirstPartyComparisonAnalyzer");
        var everyMember = (DiagnosticAnalyzer)Activator.CreateInstance(comparison.GetType(), BindingFlags.Instance | BindingFlags.NonPublic, null, [true], null)!;
        return AuditAnalyzers().Replace(comparison, everyMember);
    }

    /// <summary>The one code fix provider for <paramref name="diagnosticId"/>.</summary>
    public CodeFixProvider FixerFor(string diagnosticId)
    {
        var found = _fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnosticId)).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"Expected one code fix for {diagnosticId} in the corpus project's analyzer references, found {found.Count}.");
    }

    private static IEnumerable<Type> LoadableTypes(string path)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            return [];
        }

        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Source generators and satellite parts may miss dependencies the host does not carry; the rest still loads.
            return e.Types.OfType<Type>();
        }
    }
}
