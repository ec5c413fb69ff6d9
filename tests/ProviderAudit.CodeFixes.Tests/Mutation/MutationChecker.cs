using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>A broken property: which one, a signature that groups equal failures, and what happened.</summary>
internal sealed record Violation(string Property, string Signature, string Details);

/// <summary>What one program's check saw (for the suite's summary) and the first property it broke, if any.</summary>
internal sealed record CheckResult(bool CompiledCleanly, int Findings, int FixesApplied, int FixAllRuns, Violation? Violation);

/// <summary>
/// Runs the analyzer, every offered fix and Fix All (document scope, started without a key and from the transport fix) on
/// one program and checks the properties: no analyzer or fixer exception, no offered fix that changes nothing, Fix All
/// available wherever a fix is, and — for a program that compiled without errors or warnings — no fix and no Fix All that
/// adds one, and no fixable finding left after Fix All.
/// </summary>
internal sealed class MutationChecker
{
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);

    private readonly FirstPartyComparisonAnalyzer _analyzer = new();
    private readonly FirstPartyComparisonCodeFixProvider _fixer = new();
    private readonly ConcurrentDictionary<SeedProgram, Lazy<(Solution Solution, DocumentId Mutated)>> _projects = new();

    public async Task<CheckResult> CheckAsync(SeedProgram seed, string text)
    {
        using var timeout = new CancellationTokenSource(ProgramTimeout);
        try
        {
            return await CheckCoreAsync(seed, text, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new CheckResult(false, 0, 0, 0, new Violation("timeout", "timeout", $"no result within {ProgramTimeout.TotalSeconds:0} s"));
        }
    }

    private async Task<CheckResult> CheckCoreAsync(SeedProgram seed, string text, CancellationToken cancellationToken)
    {
        var document = DocumentWith(seed, text);
        var problems = await CompilerProblemsAsync(document, cancellationToken);
        var clean = problems.IsEmpty;

        var (findings, analyzerFailure) = await AnalyzeAsync(document, cancellationToken);
        if (analyzerFailure is not null)
        {
            return new CheckResult(clean, 0, 0, 0, analyzerFailure);
        }

        var fixesApplied = 0;
        foreach (var finding in findings)
        {
            List<CodeAction> actions;
            try
            {
                actions = await OfferAsync(document, finding, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new CheckResult(clean, findings.Length, fixesApplied, 0, Thrown("fixer-offer-exception", exception, finding));
            }

            foreach (var action in actions)
            {
                var outcome = await ApplyAsync(document, action, "fixer-apply-exception", finding, cancellationToken);
                fixesApplied++;
                var violation = outcome.Violation
                    ?? (outcome.Text == text ? new Violation("no-op-fix", "no-op-fix", $"'{action.Title}' on {Describe(finding)} changed nothing") : null)
                    ?? (clean ? await BreaksBuildAsync(seed, outcome.Text!, $"'{action.Title}' on {Describe(finding)}", "fix-breaks-build", cancellationToken) : null);
                if (violation is not null)
                {
                    return new CheckResult(clean, findings.Length, fixesApplied, 0, violation);
                }
            }
        }

        var fixable = findings.Where(IsFixable).ToImmutableArray();
        var fixAllRuns = 0;
        foreach (var key in new[] { null, DiagnosticContract.UseAuthTransportEquivalenceKey })
        {
            if (findings.IsEmpty)
            {
                break;
            }

            fixAllRuns++;
            var violation = await CheckFixAllAsync(seed, document, text, findings, fixable, key, clean, cancellationToken);
            if (violation is not null)
            {
                return new CheckResult(clean, findings.Length, fixesApplied, fixAllRuns, violation);
            }
        }

        return new CheckResult(clean, findings.Length, fixesApplied, fixAllRuns, null);
    }

    private async Task<Violation?> CheckFixAllAsync(
        SeedProgram seed, Document document, string text, ImmutableArray<Diagnostic> findings, ImmutableArray<Diagnostic> fixable,
        string? key, bool clean, CancellationToken cancellationToken)
    {
        var started = key ?? "no equivalence key";
        CodeAction? action;
        try
        {
            var context = new FixAllContext(
                document, _fixer, FixAllScope.Document, key, _fixer.FixableDiagnosticIds, new FixedDiagnostics(findings), cancellationToken);
            action = await _fixer.GetFixAllProvider().GetFixAsync(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Thrown("fix-all-exception", exception, null);
        }

        if (action is null)
        {
            return fixable.IsEmpty ? null : new Violation("fix-all-missing", "fix-all-missing", $"Fix All ({started}) offered nothing for {fixable.Length} fixable finding(s)");
        }

        var outcome = await ApplyAsync(document, action, "fix-all-exception", null, cancellationToken);
        if (outcome.Violation is not null || !clean)
        {
            return outcome.Violation;
        }

        if (outcome.Text == text && !fixable.IsEmpty)
        {
            return new Violation("fix-all-no-op", "fix-all-no-op", $"Fix All ({started}) changed nothing for {fixable.Length} fixable finding(s)");
        }

        var broken = await BreaksBuildAsync(seed, outcome.Text!, $"Fix All ({started})", "fix-all-breaks-build", cancellationToken);
        if (broken is not null || key is not null)
        {
            return broken;
        }

        var (left, failure) = await AnalyzeAsync(DocumentWith(seed, outcome.Text!), cancellationToken);
        var stillFixable = left.Where(IsFixable).ToList();
        return failure ?? (stillFixable.Count == 0
            ? null
            : new Violation("fix-all-leaves-fixable", "fix-all-leaves-fixable", $"after Fix All ({started}) still fixable: {string.Join("; ", stillFixable.Select(Describe))}\n{outcome.Text}"));
    }

    /// <summary>The compiler's errors and warnings for <paramref name="text"/> as the mutated document of <paramref name="seed"/>.</summary>
    public async Task<ImmutableArray<Diagnostic>> ProblemsAsync(SeedProgram seed, string text) =>
        await CompilerProblemsAsync(DocumentWith(seed, text), CancellationToken.None);

    private Document DocumentWith(SeedProgram seed, string text)
    {
        var (solution, mutated) = _projects.GetOrAdd(seed, s => new Lazy<(Solution, DocumentId)>(() => CreateProject(s))).Value;
        return solution.WithDocumentText(mutated, SourceText.From(text)).GetDocument(mutated)!;
    }

    private static (Solution, DocumentId) CreateProject(SeedProgram seed)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Mutant", "Mutant", LanguageNames.CSharp,
            compilationOptions: FixRunner.CompilationOptions.WithOutputKind(seed.Kind),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: seed.Documents.Length > 1 ? TestReferences.WithRuntimeDependencies : TestReferences.All));
        DocumentId? mutated = null;
        for (var i = 0; i < seed.Documents.Length; i++)
        {
            var document = workspace.AddDocument(project.Id, seed.Documents[i].Path, SourceText.From(seed.Documents[i].Text));
            if (i == seed.MutatedDocument)
            {
                mutated = document.Id;
            }
        }

        return (workspace.CurrentSolution, mutated!);
    }

    /// <summary>Errors and warnings the compiler reports for the mutated document.</summary>
    private static async Task<ImmutableArray<Diagnostic>> CompilerProblemsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = (await document.GetSemanticModelAsync(cancellationToken))!;
        return model.GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .ToImmutableArray();
    }

    private async Task<(ImmutableArray<Diagnostic> Findings, Violation? Failure)> AnalyzeAsync(Document document, CancellationToken cancellationToken)
    {
        var model = (await document.GetSemanticModelAsync(cancellationToken))!;
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await model.Compilation
            .WithAnalyzers([_analyzer], options)
            .GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken);
        if (exceptions.TryPeek(out var exception))
        {
            return ([], Thrown("analyzer-exception", exception, null));
        }

        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } ad0001)
        {
            return ([], new Violation("analyzer-exception", "AD0001", ad0001.ToString()));
        }

        return (diagnostics.Where(d => d.Id == DiagnosticContract.FirstPartyComparisonId).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray(), null);
    }

    private async Task<List<CodeAction>> OfferAsync(Document document, Diagnostic finding, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        await _fixer.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => actions.Add(action), cancellationToken));
        return actions;
    }

    private static async Task<(string? Text, Violation? Violation)> ApplyAsync(
        Document document, CodeAction action, string property, Diagnostic? finding, CancellationToken cancellationToken)
    {
        try
        {
            var operations = await action.GetOperationsAsync(cancellationToken);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            return ((await changed.GetTextAsync(cancellationToken)).ToString(), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, Thrown(property, exception, finding));
        }
    }

    private async Task<Violation?> BreaksBuildAsync(SeedProgram seed, string fixedText, string what, string property, CancellationToken cancellationToken)
    {
        var problems = await CompilerProblemsAsync(DocumentWith(seed, fixedText), cancellationToken);
        if (problems.IsEmpty)
        {
            return null;
        }

        var ids = string.Join(",", problems.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        return new Violation(property, property + ":" + ids, $"{what} added {string.Join("; ", problems.Take(3))}\n--- after the fix ---\n{fixedText}");
    }

    private static bool IsFixable(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticContract.NoFixProperty, out var noFix) && noFix == "false";

    private static Violation Thrown(string property, Exception exception, Diagnostic? finding)
    {
        var origin = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
        return new Violation(property, $"{property}:{exception.GetType().Name}:{origin}", $"{(finding is null ? "" : Describe(finding) + ": ")}{exception}");
    }

    private static string Describe(Diagnostic finding)
    {
        var span = finding.Location.GetLineSpan().StartLinePosition;
        finding.Properties.TryGetValue(DiagnosticContract.FixShapeProperty, out var shape);
        return $"PA0001 at ({span.Line + 1},{span.Character + 1}) [{shape ?? "no fix"}]";
    }
}
