using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProviderAudit.Analyzers;
using ProviderAudit.Analyzers.Rules;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>A broken property: which one, a signature that groups equal failures, and what happened.</summary>
internal sealed record Violation(string Property, string Signature, string Details);

/// <summary>
/// What one program's check saw (for the suite's summary) and the first property it broke, if any. A program on which the
/// C# compiler itself throws is skipped (<see cref="CompilerFailed"/>): no analyzer or fix can be checked on it.
/// </summary>
internal sealed record CheckResult(bool CompiledCleanly, int Findings, int FixesApplied, int FixAllRuns, Violation? Violation, bool CompilerFailed = false);

/// <summary>
/// Runs every analyzer the package ships, every action its code fix providers offer on the mutated document's findings,
/// and each provider's Fix All over the whole program (started without a key and from every key offered) on one program
/// (with its seed's .editorconfig), and checks the properties: no analyzer or fixer exception, no offered fix that changes
/// nothing, Fix All available wherever a fix is, and — for a program that compiled without errors or warnings — no fix
/// and no Fix All that adds one anywhere in the program, and no finding left that the provider would still fix after a
/// Fix All started without a key; and PA0001's member filter finds exactly what searching every member finds.
/// </summary>
internal sealed class MutationChecker
{
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Every analyzer and code fix provider in the package's two analyzer assemblies, found as a host finds them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        Shipped<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(FirstPartyComparisonAnalyzer).Assembly);

    /// <summary>
    /// <see cref="Analyzers"/> with PA0001's searching the operation tree of every member, as an operation analyzer sees
    /// them all: what the member filter (<c>CandidateMembers</c>) must find the same as.
    /// </summary>
    private static ImmutableArray<DiagnosticAnalyzer> EveryMemberAnalyzers { get; } =
        Analyzers.Select(a => a is FirstPartyComparisonAnalyzer ? new FirstPartyComparisonAnalyzer(everyMember: true) : a).ToImmutableArray();

    /// <inheritdoc cref="Analyzers"/>
    public static ImmutableArray<CodeFixProvider> Fixers { get; } =
        Shipped<CodeFixProvider, ExportCodeFixProviderAttribute>(typeof(FirstPartyComparisonCodeFixProvider).Assembly);

    private static readonly ImmutableHashSet<string> AuditIds =
        Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).ToImmutableHashSet();

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

    /// <summary>The analyzers' findings on <paramref name="text"/> as the mutated document of <paramref name="seed"/>, everywhere in the program.</summary>
    public async Task<ImmutableArray<Diagnostic>> FindingsAsync(SeedProgram seed, string text)
    {
        var (findings, failure) = await AnalyzeAsync(DocumentWith(seed, text).Project, CancellationToken.None);
        Assert.True(failure is null, failure?.Details);
        return findings;
    }

    private async Task<CheckResult> CheckCoreAsync(SeedProgram seed, string text, CancellationToken cancellationToken)
    {
        var document = DocumentWith(seed, text);
        var solution = document.Project.Solution;
        bool clean;
        try
        {
            clean = (await CompilerProblemsAsync(document.Project, cancellationToken)).IsEmpty;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new CheckResult(false, 0, 0, 0, null, CompilerFailed: true);
        }

        var (findings, analyzerFailure) = await AnalyzeAsync(document.Project, cancellationToken);
        if (analyzerFailure is not null)
        {
            return new CheckResult(clean, 0, 0, 0, analyzerFailure);
        }

        var (everyMember, _) = await AnalyzeAsync(document.Project, cancellationToken, EveryMemberAnalyzers);
        if (Differences(findings, everyMember) is { } difference)
        {
            return new CheckResult(clean, findings.Length, 0, 0, new Violation("member-filter", "member-filter", difference));
        }

        var fixesApplied = 0;
        var fixAllRuns = 0;
        var mutatedTree = await document.GetSyntaxTreeAsync(cancellationToken);
        foreach (var fixer in Fixers)
        {
            var own = findings.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            var fixable = new List<Diagnostic>();
            var keys = new List<string?> { null };
            foreach (var finding in own)
            {
                List<CodeAction> actions;
                try
                {
                    actions = await OfferAsync(solution, fixer, finding, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    return new CheckResult(clean, findings.Length, fixesApplied, fixAllRuns, Thrown("fixer-offer-exception", exception, finding));
                }

                if (actions.Count > 0)
                {
                    fixable.Add(finding);
                }

                keys.AddRange(actions.Select(a => a.EquivalenceKey).Where(key => !keys.Contains(key)));

                // Findings elsewhere are the seed's own and are fixed each time the document they are in is mutated; here
                // they are fixed by Fix All, together with the mutated document.
                if (finding.Location.SourceTree != mutatedTree)
                {
                    continue;
                }

                foreach (var action in actions)
                {
                    var outcome = await ApplyAsync(solution, action, "fixer-apply-exception", finding, cancellationToken);
                    fixesApplied++;
                    var violation = outcome.Violation
                        ?? (ChangesNothing(solution, outcome.Solution!) ? new Violation("no-op-fix", "no-op-fix", $"'{action.Title}' on {Describe(finding)} changed nothing") : null)
                        ?? (clean ? await BreaksBuildAsync(solution, outcome.Solution!, $"'{action.Title}' on {Describe(finding)}", "fix-breaks-build", cancellationToken) : null);
                    if (violation is not null)
                    {
                        return new CheckResult(clean, findings.Length, fixesApplied, fixAllRuns, violation);
                    }
                }
            }

            if (own.IsEmpty)
            {
                continue;
            }

            foreach (var key in keys)
            {
                fixAllRuns++;
                var violation = await CheckFixAllAsync(document, fixer, own, fixable, key, clean, cancellationToken);
                if (violation is not null)
                {
                    return new CheckResult(clean, findings.Length, fixesApplied, fixAllRuns, violation);
                }
            }
        }

        return new CheckResult(clean, findings.Length, fixesApplied, fixAllRuns, null);
    }

    private async Task<Violation?> CheckFixAllAsync(
        Document document, CodeFixProvider fixer, ImmutableArray<Diagnostic> findings, List<Diagnostic> fixable,
        string? key, bool clean, CancellationToken cancellationToken)
    {
        var started = $"{fixer.GetType().Name}, {key ?? "no equivalence key"}";
        var solution = document.Project.Solution;
        CodeAction? action;
        try
        {
            var context = new FixAllContext(
                document, fixer, FixAllScope.Project, key, fixer.FixableDiagnosticIds, new FixedDiagnostics(findings), cancellationToken);
            action = fixer.GetFixAllProvider() is { } provider ? await provider.GetFixAsync(context) : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Thrown("fix-all-exception", exception, null);
        }

        if (action is null)
        {
            return fixable.Count == 0 ? null : new Violation("fix-all-missing", "fix-all-missing", $"Fix All ({started}) offered nothing for {fixable.Count} fixable finding(s)");
        }

        var outcome = await ApplyAsync(solution, action, "fix-all-exception", null, cancellationToken);
        if (outcome.Violation is not null || !clean)
        {
            return outcome.Violation;
        }

        if (fixable.Count > 0 && ChangesNothing(solution, outcome.Solution!))
        {
            return new Violation("fix-all-no-op", "fix-all-no-op", $"Fix All ({started}) changed nothing for {fixable.Count} fixable finding(s)");
        }

        var broken = await BreaksBuildAsync(solution, outcome.Solution!, $"Fix All ({started})", "fix-all-breaks-build", cancellationToken);
        if (broken is not null || key is not null)
        {
            return broken;
        }

        var fixedProject = outcome.Solution!.GetProject(document.Project.Id)!;
        var (left, failure) = await AnalyzeAsync(fixedProject, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var stillFixable = new List<Diagnostic>();
        foreach (var finding in left.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
        {
            if ((await OfferAsync(outcome.Solution!, fixer, finding, cancellationToken)).Count > 0)
            {
                stillFixable.Add(finding);
            }
        }

        return stillFixable.Count == 0
            ? null
            : new Violation("fix-all-leaves-fixable", "fix-all-leaves-fixable", $"after Fix All ({started}) still fixable: {string.Join("; ", stillFixable.Select(Describe))}\n{await ChangedTextAsync(solution, outcome.Solution!)}");
    }

    /// <summary>The compiler's errors and warnings for the program with <paramref name="text"/> as the mutated document of <paramref name="seed"/>.</summary>
    public async Task<ImmutableArray<Diagnostic>> ProblemsAsync(SeedProgram seed, string text) =>
        await CompilerProblemsAsync(DocumentWith(seed, text).Project, CancellationToken.None);

    private Document DocumentWith(SeedProgram seed, string text)
    {
        var (solution, mutated) = _projects.GetOrAdd(seed, s => new Lazy<(Solution, DocumentId)>(() => CreateProject(s))).Value;
        return solution.WithDocumentText(mutated, SourceText.From(text)).GetDocument(mutated)!;
    }

    private static (Solution, DocumentId) CreateProject(SeedProgram seed)
    {
        var configured = new ConfiguredProject(
            seed.EditorConfig ?? string.Empty,
            seed.Kind,
            seed.Documents.Length > 1 ? TestReferences.WithRuntimeDependencies : TestReferences.All,
            seed.LanguageVersion,
            seed.Nullable,
            [.. seed.Documents]);
        var project = configured.Project;
        return (project.Solution, project.Documents.Single(d => d.Name == seed.Documents[seed.MutatedDocument].Path).Id);
    }

    /// <summary>Errors and warnings the compiler reports anywhere in the program.</summary>
    private static async Task<ImmutableArray<Diagnostic>> CompilerProblemsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        return compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .ToImmutableArray();
    }

    /// <summary>Every analyzer's findings in the whole program, with the options its .editorconfig gives (as a build reads them).</summary>
    private static async Task<(ImmutableArray<Diagnostic> Findings, Violation? Failure)> AnalyzeAsync(Project project, CancellationToken cancellationToken, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers.IsDefault ? Analyzers : analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        if (exceptions.TryPeek(out var exception))
        {
            return ([], Thrown("analyzer-exception", exception, null));
        }

        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } ad0001)
        {
            return ([], new Violation("analyzer-exception", "AD0001", ad0001.ToString()));
        }

        return (diagnostics.Where(d => AuditIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray(), null);
    }

    /// <summary>What one list of findings has that the other has not (location, message and fix plan each), or null when they are the same.</summary>
    private static string? Differences(ImmutableArray<Diagnostic> filtered, ImmutableArray<Diagnostic> everyMember)
    {
        static string Key(Diagnostic d) =>
            $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} " +
            string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + " " +
            string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()));
        var missed = everyMember.Select(Key).Except(filtered.Select(Key)).ToList();
        var extra = filtered.Select(Key).Except(everyMember.Select(Key)).ToList();
        return missed.Count == 0 && extra.Count == 0
            ? null
            : $"the member filter missed {missed.Count} finding(s) and added {extra.Count}:\n" + string.Join("\n", missed.Select(k => "missed: " + k).Concat(extra.Select(k => "added: " + k)));
    }

    private static async Task<List<CodeAction>> OfferAsync(Solution solution, CodeFixProvider fixer, Diagnostic finding, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        if (finding.Location.SourceTree is { } tree && solution.GetDocument(tree) is { } document)
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => actions.Add(action), cancellationToken));
        }

        return actions;
    }

    private static async Task<(Solution? Solution, Violation? Violation)> ApplyAsync(
        Solution solution, CodeAction action, string property, Diagnostic? finding, CancellationToken cancellationToken)
    {
        try
        {
            var operations = await action.GetOperationsAsync(cancellationToken);
            return (operations.OfType<ApplyChangesOperation>().Single().ChangedSolution, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, Thrown(property, exception, finding));
        }
    }

    private static IEnumerable<DocumentId> ChangedDocuments(Solution before, Solution after) =>
        after.GetChanges(before).GetProjectChanges().SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(p.GetAddedDocuments()));

    private static bool ChangesNothing(Solution before, Solution after) => !ChangedDocuments(before, after).Any();

    private static async Task<string> ChangedTextAsync(Solution before, Solution after)
    {
        var texts = new List<string>();
        foreach (var id in ChangedDocuments(before, after))
        {
            var document = after.GetDocument(id)!;
            texts.Add($"--- {document.Name} ---\n{await document.GetTextAsync()}");
        }

        return string.Join("\n", texts);
    }

    private static async Task<Violation?> BreaksBuildAsync(Solution before, Solution after, string what, string property, CancellationToken cancellationToken)
    {
        ImmutableArray<Diagnostic> problems;
        try
        {
            problems = await CompilerProblemsAsync(after.Projects.Single(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Thrown(property + "-crashes-compiler", new InvalidOperationException($"{what} produced code the compiler throws on:\n{await ChangedTextAsync(before, after)}", exception), null);
        }

        if (problems.IsEmpty)
        {
            return null;
        }

        var ids = string.Join(",", problems.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        return new Violation(property, property + ":" + ids, $"{what} added {string.Join("; ", problems.Take(3))}\n--- after the fix ---\n{await ChangedTextAsync(before, after)}");
    }

    private static Violation Thrown(string property, Exception exception, Diagnostic? finding)
    {
        var origin = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
        return new Violation(property, $"{property}:{exception.GetType().Name}:{origin}", $"{(finding is null ? "" : Describe(finding) + ": ")}{exception}");
    }

    private static string Describe(Diagnostic finding)
    {
        var span = finding.Location.GetLineSpan();
        finding.Properties.TryGetValue(DiagnosticContract.FixShapeProperty, out var shape);
        return $"{finding.Id} at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) [{shape ?? "no fix shape"}]";
    }

    /// <summary>The public, concrete <typeparamref name="T"/>s of <paramref name="assembly"/> that carry <typeparamref name="TExport"/>.</summary>
    private static ImmutableArray<T> Shipped<T, TExport>(Assembly assembly)
        where TExport : Attribute =>
        [.. assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsPublic: true } && typeof(T).IsAssignableFrom(type) && type.GetCustomAttribute<TExport>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)];
}
