using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Cli.Rules;

/// <summary>
/// The analyzers and code fixes the ProviderAudit package ships, found by type in their assemblies (as the compiler
/// and the IDE find them), so a new rule or fix is run without a change here.
/// </summary>
internal sealed class ShippedRules
{
    private static readonly string[] AnalyzerAssemblies = ["ProviderAudit.Analyzers"];
    private static readonly string[] CodeFixAssemblies = ["ProviderAudit.CodeFixes"];

    private ShippedRules(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        Analyzers = analyzers;
        Fixers = fixers;
        Descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    /// <summary>Every rule the analyzers can report, by id (title, help link, default severity).</summary>
    public ImmutableSortedDictionary<string, DiagnosticDescriptor> Descriptors { get; }

    public static ShippedRules Load()
    {
        var analyzers = Instances<DiagnosticAnalyzer>(AnalyzerAssemblies, type =>
            type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true);
        var fixers = Instances<CodeFixProvider>(CodeFixAssemblies, type =>
            type.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true);
        return new ShippedRules(analyzers, fixers);
    }

    private static ImmutableArray<T> Instances<T>(IEnumerable<string> assemblyNames, Func<Type, bool> exported)
        where T : class =>
        assemblyNames
            .Select(name => Assembly.Load(new AssemblyName(name)))
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && exported(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
