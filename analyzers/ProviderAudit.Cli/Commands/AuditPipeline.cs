using Microsoft.CodeAnalysis;
using ProviderAudit.Cli.Analysis;
using ProviderAudit.Cli.Files;
using ProviderAudit.Cli.Loading;
using ProviderAudit.Cli.Rules;

namespace ProviderAudit.Cli.Commands;

/// <summary>What every command starts with: load the input, run the shipped analyzers.</summary>
internal sealed record AnalyzedSolution(LoadedSolution Loaded, ShippedRules Rules, IReadOnlyList<AnalyzedDiagnostic> Diagnostics);

internal static class AuditPipeline
{
    public static async Task<AnalyzedSolution> LoadAndAnalyzeAsync(string path, DiagnosticSeverity minimum, ProgressLog log, CancellationToken cancellationToken)
    {
        var input = AuditInput.Resolve(path);
        // Before any MSBuildWorkspace code is compiled (see MSBuildRegistration).
        MSBuildRegistration.EnsureRegistered(input.Directory);
        return await LoadAndAnalyzeAsync(input, minimum, log, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AnalyzedSolution> LoadAndAnalyzeAsync(AuditInput input, DiagnosticSeverity minimum, ProgressLog log, CancellationToken cancellationToken)
    {
        var loaded = await log.TimeAsync("load", () => WorkspaceLoader.LoadAsync(input, log, cancellationToken)).ConfigureAwait(false);
        var rules = ShippedRules.Load();
        var analysis = new SolutionAnalysis(rules, minimum, log);
        var diagnostics = await log.TimeAsync("analyze", () => analysis.RunAsync(loaded, cancellationToken)).ConfigureAwait(false);
        loaded.ThrowIfSourcesUnreadable();
        return new AnalyzedSolution(loaded, rules, diagnostics);
    }

    /// <summary>
    /// Runs a command body, mapping the tool's failures to their exit codes with a one-line message on stderr (never
    /// a stack trace for a failure the user can act on).
    /// </summary>
    public static async Task<int> RunAsync(TextWriter error, bool quiet, Interruption interruption, Func<ProgressLog, Task<int>> body)
    {
        var log = new ProgressLog(error, quiet);
        try
        {
            var exitCode = await body(log).ConfigureAwait(false);
            log.PrintTimings();
            return exitCode;
        }
        catch (UsageException e)
        {
            log.Error("error: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (LoadFailureException e)
        {
            log.Error("error: " + e.Message);
            return ExitCodes.LoadFailure;
        }
        catch (FileAccessException e)
        {
            log.Error("error: " + e.Message);
            return ExitCodes.FileAccess;
        }
        catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
        {
            log.Error("interrupted before anything was written.");
            return interruption.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error("error: " + e.Message);
            return ExitCodes.FileAccess;
        }
    }

    /// <summary>Writes <paramref name="text"/> to FILE (checked before the analysis) or to stdout.</summary>
    public static void WriteOutput(OutputFile? file, TextWriter stdout, string text)
    {
        if (file is null)
        {
            stdout.Write(text);
        }
        else
        {
            file.Write(text);
        }
    }
}
