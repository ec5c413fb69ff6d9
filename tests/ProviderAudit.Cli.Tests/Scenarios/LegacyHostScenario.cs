namespace ProviderAudit.Cli.Tests;

/// <summary>samples/LegacyHost on a copy of the repository's sources, with the README's build and fix commands.</summary>
public sealed class LegacyHostScenario : ToolScenario
{
    public LegacyHostScenario(InstalledTool tool)
        : base(tool, "cli-legacyhost") => RunSharedSteps();

    public override string Target => LegacyHostDemo.ProjectPath;

    protected override string[] BuildCommand => LegacyHostDemo.BuildCommand;

    protected override string[] FormatCommand => LegacyHostDemo.FixCommand;

    protected override void WriteSources() => LegacyHostDemo.CopyRepositorySources(Root);
}
