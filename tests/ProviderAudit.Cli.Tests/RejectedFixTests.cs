namespace ProviderAudit.Cli.Tests;

/// <summary>`fix` never writes a file whose fixed version adds a compiler error; it says which and why.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class RejectedFixTests(InstalledTool tool)
{
    private readonly RejectedFixScenario _scenario = tool.RejectedFix;

    [Fact]
    public void A_file_whose_fix_would_not_compile_is_not_written()
    {
        Assert.True(_scenario.Build.Succeeded, _scenario.Build.ToString());

        Assert.Equal(RejectedFixScenario.BrokenSource.ReplaceLineEndings("\n"), _scenario.Read(RejectedFixScenario.BrokenFile));
    }

    [Fact]
    public void The_file_not_written_is_reported_with_the_compiler_error()
    {
        Assert.True(_scenario.Build.Succeeded, _scenario.Build.ToString());

        Assert.Contains($"not written: {RejectedFixScenario.BrokenFile}", _scenario.Fix!.StandardError, StringComparison.Ordinal);
        Assert.Contains("error CS1061", _scenario.Fix.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_whose_fix_compiles_are_still_written()
    {
        Assert.True(_scenario.Build.Succeeded, _scenario.Build.ToString());

        Assert.Contains("provider.AuthTransport().IsFirstParty", _scenario.Read(RejectedFixScenario.GoodFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_audit_keys_of_the_projects_editorconfig_are_applied()
    {
        Assert.True(_scenario.Build.Succeeded, _scenario.Build.ToString());

        // Backend.FirstParty is a finding only through provider_audit.additional_provider_types.
        Assert.Contains("fixed 1 of 2 finding(s)", _scenario.Fix!.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_exits_1_when_a_file_was_not_written()
    {
        Assert.True(_scenario.Build.Succeeded, _scenario.Build.ToString());

        Assert.Equal(1, _scenario.Fix!.ExitCode);
    }
}
