namespace ProviderAudit.Package.Tests;

/// <summary>
/// Fixes are the same on every run: <c>dotnet format</c>, whichever finding it starts Fix All from, writes the same bytes
/// each time, gives ambiguous findings the documented model-ID fix, and agrees with <c>provider-audit fix</c>.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class DeterminismTests(PackedPackage package)
{
    private DeterminismRuns Runs => package.Determinism;

    [Fact]
    public void Every_dotnet_format_run_succeeds_and_changes_the_file()
    {
        Assert.All(Runs.Formats, run => Assert.True(run.Succeeded, run.ToString()));
        Assert.All(Runs.Formatted, text => Assert.NotEqual(DeterminismRuns.Program, text));
    }

    [Fact]
    public void Dotnet_format_writes_the_same_bytes_on_every_run()
    {
        Assert.All(Runs.Formats, run => Assert.True(run.Succeeded, run.ToString()));

        Assert.Single(Runs.Formatted.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public void Ambiguous_findings_get_the_documented_model_id_fix()
    {
        var text = Runs.Formatted[0];

        Assert.Contains($"if ({DeterminismRuns.FixedAmbiguousCheck})\n{{\n    counters[\"first\"] = 1;", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"if (!{DeterminismRuns.FixedAmbiguousCheck})", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_format_and_provider_audit_fix_write_the_same_bytes()
    {
        package.Tool.AssertInstalled();
        Assert.True(Runs.ToolRestore.Succeeded, Runs.ToolRestore.ToString());
        Assert.True(Runs.ToolFix!.Succeeded, Runs.ToolFix.ToString());

        Assert.Equal(Runs.Formatted[0], Runs.ToolFixed);
    }
}
