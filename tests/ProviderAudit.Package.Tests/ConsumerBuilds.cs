using System.Text.Json;

namespace ProviderAudit.Package.Tests;

/// <summary>One consumer build and what it printed.</summary>
public sealed class ConsumerBuild(ConsumerProject project, DotnetResult result)
{
    public ConsumerProject Project { get; } = project;

    public DotnetResult Result { get; } = result;

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; } = BuildDiagnostics.Parse(result.Output);

    public IReadOnlyList<BuildDiagnostic> Findings => Diagnostics.WithId("PA0001");
}

/// <summary>
/// Every consumer scenario the package tests read, built once per run and side by side (each build is mostly
/// MSBuild start-up and restore, which overlap well), after one restore has filled the package folder.
/// </summary>
public sealed class ConsumerBuilds
{
    public ConsumerBuilds(PackedPackage package)
    {
        package.AssertPacked();
        var audited = ConsumerProject.Create(package, "audited", ConsumerProject.AuditedProgram);
        // The compiler does not create the log's folder (CS0016 otherwise); a comma inside -p: must be escaped.
        var logDirectory = Path.Combine(audited.Directory, "sarif");
        Directory.CreateDirectory(logDirectory);
        SarifPath = Path.Combine(logDirectory, "audit.sarif");

        var scenarios = new (ConsumerProject Project, string[] Arguments)[]
        {
            (audited, [$"-p:ErrorLog={SarifPath}%2Cversion=2.1"]),
            (ConsumerProject.Create(package, "gate-warnaserror", ConsumerProject.AuditedProgram), ["-warnaserror"]),
            (ConsumerProject.Create(package, "gate-warningsaserrors", ConsumerProject.AuditedProgram, WarningsAsErrorsPA0001), []),
            (ConsumerProject.Create(
                package, "gate-fixed", ConsumerProject.FixedProgram, WarningsAsErrorsPA0001,
                extraSources: new Dictionary<string, string> { ["QuickStart.cs"] = ConsumerProject.ReadmeQuickStart },
                packageId: PackedPackage.RuntimePackageId),
             ["-warnaserror"]),
            (ConsumerProject.Create(package, "severity-none", ConsumerProject.AuditedProgram, editorConfig: Severity("none")), []),
            (ConsumerProject.Create(package, "severity-error", ConsumerProject.AuditedProgram, editorConfig: Severity("error")), []),
            (ConsumerProject.Create(package, "runtime-audited", ConsumerProject.AuditedProgram, packageId: PackedPackage.RuntimePackageId), []),
        };

        Restore = DotnetCli.Run(audited.Directory, "restore", audited.Directory);
        var results = new ConsumerBuild[scenarios.Length];
        if (Restore.Succeeded)
        {
            Parallel.For(0, scenarios.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i =>
                results[i] = new ConsumerBuild(scenarios[i].Project, scenarios[i].Project.Build(scenarios[i].Arguments)));
        }

        Audited = results[0];
        WarnAsErrorGate = results[1];
        WarningsAsErrorsGate = results[2];
        FixedUnderBothGates = results[3];
        SeverityNone = results[4];
        SeverityError = results[5];
        RuntimeAudited = results[6];
    }

    public DotnetResult Restore { get; }

    /// <summary><see cref="ConsumerProject.AuditedProgram"/> at default severity, with a SARIF 2.1 log.</summary>
    public ConsumerBuild Audited { get; }

    /// <summary>The audited program built with <c>-warnaserror</c>.</summary>
    public ConsumerBuild WarnAsErrorGate { get; }

    /// <summary>The audited program with <c>&lt;WarningsAsErrors&gt;PA0001&lt;/WarningsAsErrors&gt;</c>.</summary>
    public ConsumerBuild WarningsAsErrorsGate { get; }

    /// <summary>
    /// <see cref="ConsumerProject.FixedProgram"/> plus README's runtime quick start, with both gates on, referencing
    /// ProviderAudit.Runtime (the quick start uses the runtime).
    /// </summary>
    public ConsumerBuild FixedUnderBothGates { get; }

    /// <summary>The audited program with <c>dotnet_diagnostic.PA0001.severity = none</c>.</summary>
    public ConsumerBuild SeverityNone { get; }

    /// <summary>The audited program with <c>dotnet_diagnostic.PA0001.severity = error</c>.</summary>
    public ConsumerBuild SeverityError { get; }

    /// <summary>The audited program referencing ProviderAudit.Runtime alone, as an existing runtime user does after 0.2.0.</summary>
    public ConsumerBuild RuntimeAudited { get; }

    public string SarifPath { get; }

    public void AssertRestored() => Assert.True(Restore.Succeeded, Restore.ToString());

    public JsonDocument ReadSarif()
    {
        AssertRestored();
        Assert.True(File.Exists(SarifPath), $"No SARIF log at {SarifPath}. {Audited.Result}");
        return JsonDocument.Parse(File.ReadAllText(SarifPath));
    }

    private const string WarningsAsErrorsPA0001 = "<WarningsAsErrors>PA0001</WarningsAsErrors>";

    private static string Severity(string level) => $"""
        [*.cs]
        dotnet_diagnostic.PA0001.severity = {level}

        """;
}
