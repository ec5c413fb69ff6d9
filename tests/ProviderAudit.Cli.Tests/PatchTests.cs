using System.Text;

namespace ProviderAudit.Cli.Tests;

/// <summary>`fix --dry-run` prints a patch that `git apply` and `patch -p1` apply, giving exactly what `fix` writes.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class PatchTests(InstalledTool tool)
{
    [Fact]
    public void A_patch_that_inserts_on_line_1_of_a_file_with_a_bom_applies_with_git_apply()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        var (patch, expected) = PatchAndFix(project);

        var applied = project.Git!.Run("apply", "--whitespace=nowarn", patch);

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Equal(expected, project.Read(StandInProject.BomFile));
    }

    [Fact]
    public void A_patch_that_inserts_on_line_1_of_a_file_with_a_bom_applies_with_patch_p1()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        var (patch, expected) = PatchAndFix(project);

        var applied = DotnetCli.RunProgram("patch", project.Path, TimeSpan.FromMinutes(1), "-p1", "-i", patch);

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Equal(expected, project.Read(StandInProject.BomFile));
    }

    [Fact]
    public void The_bom_line_of_the_patch_carries_the_bom_on_both_sides()
    {
        using var project = new StandInProject();
        project.AssertRestored();

        var patch = tool.Run(project.Path, "fix", StandInProject.ProjectFile, "--dry-run", "--quiet");

        Assert.True(patch.Succeeded, patch.ToString());
        Assert.Contains("-\uFEFFnamespace App;\r\n", patch.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("+\uFEFFusing ProviderAudit.Runtime;\r\n", patch.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_git_the_patch_paths_are_relative_to_the_working_directory()
    {
        using var project = new StandInProject(git: false);
        project.AssertRestored();
        var from = Path.GetDirectoryName(project.Path)!;
        var folder = Path.GetFileName(project.Path);

        var patch = tool.Run(from, "fix", Path.Combine(folder, StandInProject.ProjectFile), "--dry-run", "--quiet");

        Assert.True(patch.Succeeded, patch.ToString());
        Assert.Contains($"diff --git a/{folder}/{StandInProject.BomFile} b/{folder}/{StandInProject.BomFile}\n", patch.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("a/../", patch.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_git_the_patch_applies_with_patch_p1_from_the_working_directory()
    {
        using var project = new StandInProject(git: false);
        project.AssertRestored();
        var patchFile = project.Combine("../" + Path.GetFileName(project.Path) + ".patch");
        var patch = tool.Run(project.Path, "fix", StandInProject.ProjectFile, "--dry-run", "--quiet");
        Assert.True(patch.Succeeded, patch.ToString());
        File.WriteAllText(patchFile, patch.StandardOutput, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        try
        {
            var applied = DotnetCli.RunProgram("patch", project.Path, TimeSpan.FromMinutes(1), "-p1", "-i", patchFile);

            Assert.True(applied.Succeeded, applied.ToString());
            Assert.Contains("AuthTransport().IsFirstParty", File.ReadAllText(project.Combine(StandInProject.BomFile)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(patchFile);
        }
    }

    [Fact]
    public void A_file_outside_the_working_directory_is_a_usage_error_rather_than_a_patch_with_dot_dot_paths()
    {
        using var project = new StandInProject(git: false);
        project.AssertRestored();

        Directory.CreateDirectory(project.Combine("tools"));

        var patch = tool.Run(project.Combine("tools"), "fix", "../" + StandInProject.ProjectFile, "--dry-run", "--quiet");

        Assert.Equal(2, patch.ExitCode);
        Assert.Contains("outside", patch.StandardError, StringComparison.Ordinal);
        Assert.Equal("", patch.StandardOutput);
    }

    /// <summary>The dry-run patch (saved outside the work tree) and the BOM file's bytes as `fix` writes them; the tree is reset.</summary>
    private (string Patch, byte[] Fixed) PatchAndFix(StandInProject project)
    {
        var dryRun = tool.Run(project.Path, "fix", StandInProject.ProjectFile, "--dry-run", "--quiet");
        Assert.True(dryRun.Succeeded, dryRun.ToString());
        var patch = Path.Combine(tool.WorkDirectory, $"standin-{Guid.NewGuid():N}.patch");
        File.WriteAllText(patch, dryRun.StandardOutput, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var fix = tool.Run(project.Path, "fix", StandInProject.ProjectFile, "--quiet");
        Assert.True(fix.Succeeded, fix.ToString());
        var expected = project.Read(StandInProject.BomFile);
        Assert.True(expected.AsSpan().StartsWith(Encoding.UTF8.Preamble), "fix must keep the BOM");
        project.Git!.Reset();
        return (patch, expected);
    }
}
