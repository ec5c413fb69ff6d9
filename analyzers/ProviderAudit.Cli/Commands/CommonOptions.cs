using System.CommandLine;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;

namespace ProviderAudit.Cli.Commands;

/// <summary>The argument and options every command takes.</summary>
internal sealed class CommonOptions
{
    public Argument<string> Path { get; } = new("PATH")
    {
        Description = "A solution (.sln, .slnx) or solution filter (.slnf), a C# project (.csproj), or a folder holding exactly one solution or project. A project is audited with the projects it references, as `dotnet build` compiles them. Restore it first (`dotnet restore` or a build).",
        DefaultValueFactory = _ => ".",
    };

    public Option<string> Severity { get; } = new("--severity")
    {
        Description = $"The lowest severity that counts, after .editorconfig (`dotnet_diagnostic.{DiagnosticContract.FirstPartyComparisonId}.severity`): info, warning or error.",
        DefaultValueFactory = _ => "warning",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress or notes on stderr (errors are still printed).",
    };

    public CommonOptions() => Severity.AcceptOnlyFromAmong("info", "warning", "error");

    public void AddTo(Command command)
    {
        command.Arguments.Add(Path);
        command.Options.Add(Severity);
        command.Options.Add(Quiet);
    }

    public static DiagnosticSeverity ParseSeverity(string value) => value switch
    {
        "info" => DiagnosticSeverity.Info,
        "error" => DiagnosticSeverity.Error,
        _ => DiagnosticSeverity.Warning,
    };
}
