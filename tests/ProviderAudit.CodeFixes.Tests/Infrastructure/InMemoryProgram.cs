using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProviderAudit.Runtime;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>Compiles C# source against the real runtime assembly and calls <c>Subject.Run(ApiProvider)</c>.</summary>
internal sealed class InMemoryProgram
{
    private readonly MethodInfo _run;

    private InMemoryProgram(MethodInfo run) => _run = run;

    public static InMemoryProgram Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Subject" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.All,
            FixRunner.CompilationOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(result.Success && problems.Count == 0, "Does not compile cleanly:\n" + string.Join("\n", problems) + "\n" + source);

        image.Position = 0;
        // Collectible, so hundreds of snippets do not pile up; ProviderAudit.Runtime resolves from the default context.
        var assembly = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
        var run = assembly.GetType("Subject")?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("The snippet needs `static class Subject { public static string Run(ApiProvider provider) }`.");
        return new InMemoryProgram(run);
    }

    public string Run(ApiProvider provider) => (string)_run.Invoke(null, [provider])!;
}
