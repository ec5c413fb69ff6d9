using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Mutation;

namespace ProviderAudit.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A one-project workspace with an .editorconfig, driven the way an IDE drives it: diagnostics from the analyzer, code
/// actions from a fix provider, their <see cref="ApplyChangesOperation"/> applied to the workspace.
/// </summary>
internal sealed class ConfiguredProject
{
    private readonly AdhocWorkspace _workspace = new();
    private readonly ProjectId _projectId;

    public ConfiguredProject(string editorConfig, params (string Name, string Source)[] sources)
        : this(editorConfig, OutputKind.DynamicallyLinkedLibrary, TestReferences.All, sources)
    {
    }

    /// <summary>A project of <paramref name="kind"/> (a sample is a console program) compiled against <paramref name="references"/>.</summary>
    public ConfiguredProject(string editorConfig, OutputKind kind, ImmutableArray<MetadataReference> references, params (string Name, string Source)[] sources)
        : this(editorConfig, kind, references, LanguageVersion.Latest, NullableContextOptions.Enable, sources)
    {
    }

    /// <summary>
    /// A project at <paramref name="languageVersion"/> with the project-wide <paramref name="nullable"/> context, as a
    /// netstandard2.0/net462 library (C# 7.3, nullable off) or a project that turned nullable off compiles.
    /// </summary>
    public ConfiguredProject(
        string editorConfig, OutputKind kind, ImmutableArray<MetadataReference> references, LanguageVersion languageVersion, NullableContextOptions nullable,
        params (string Name, string Source)[] sources)
    {
        var project = _workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Host", "Host", LanguageNames.CSharp,
            compilationOptions: FixRunner.CompilationOptions.WithOutputKind(kind).WithNullableContextOptions(nullable),
            parseOptions: new CSharpParseOptions(languageVersion),
            metadataReferences: references));
        _projectId = project.Id;
        foreach (var (name, source) in sources)
        {
            _workspace.AddDocument(DocumentInfo.Create(
                DocumentId.CreateNewId(_projectId), name, loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
                filePath: "/src/" + name));
        }

        var solution = _workspace.CurrentSolution.AddAnalyzerConfigDocument(
            DocumentId.CreateNewId(_projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/.editorconfig");
        Assert.True(_workspace.TryApplyChanges(solution));
    }

    public Project Project => _workspace.CurrentSolution.GetProject(_projectId)!;

    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
    {
        var compilation = (await Project.GetCompilationAsync())!;
        return await compilation
            .WithAnalyzers(MutationChecker.Analyzers, Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Compiler errors and warnings of the project as it is now.</summary>
    public async Task<IReadOnlyList<Diagnostic>> CompilerProblemsAsync() =>
        (await Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The actions <paramref name="provider"/> offers for <paramref name="diagnostic"/>.</summary>
    public async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Diagnostic diagnostic)
    {
        var document = Project.GetDocument(diagnostic.Location.SourceTree!)!;
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    /// <summary>Applies <paramref name="action"/>'s operations to the workspace, as the IDE does when the action is chosen.</summary>
    public async Task ApplyAsync(CodeAction action)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            operation.Apply(_workspace, CancellationToken.None);
        }
    }

    /// <summary>Fix All in the whole solution, started from <paramref name="equivalenceKey"/>.</summary>
    public async Task FixAllAsync(CodeFixProvider provider, string diagnosticId, string? equivalenceKey)
    {
        var diagnostics = (await AnalyzeAsync()).Where(d => d.Id == diagnosticId).ToImmutableArray();
        var first = diagnostics.First();
        var context = new FixAllContext(
            Project.GetDocument(first.Location.SourceTree!)!, provider, FixAllScope.Solution, equivalenceKey, [diagnosticId],
            new FixedDiagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        await ApplyAsync(action!);
    }

    public async Task<string> TextAsync(string documentName) =>
        (await Project.Documents.Single(d => d.Name == documentName).GetTextAsync()).ToString();

    /// <summary>Emits the project and calls <c>public static string Subject.Run(int)</c> with <paramref name="argument"/>.</summary>
    public async Task<Func<int, string>> CompileRunAsync()
    {
        var compilation = (await Project.GetCompilationAsync())!;
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("Host" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
        var run = assembly.GetTypes().Single(t => t.Name == "Subject").GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
        return argument => (string)run.Invoke(null, [argument])!;
    }
}
