using Microsoft.CodeAnalysis;

namespace ProviderAudit.Cli.Loading;

/// <summary>
/// A loaded solution and the C# projects to audit in it: every project of a solution, or a project and the projects
/// it references (what <c>dotnet build</c> of that project compiles). A multi-targeted project appears once per
/// target framework. <see cref="Warnings"/> are what MSBuild said while loading (restore warnings such as NU1603
/// included) that did not stop a project from loading.
/// </summary>
internal sealed record LoadedSolution(AuditInput Input, Solution Solution, IReadOnlyList<ProjectId> Projects, IReadOnlyList<string> Warnings);
