using System.Text;

namespace ProviderAudit.Cli.Tests;

/// <summary>`fix --dry-run` prints a patch that `git apply` and `patch -p1` apply, giving exactly what `fix` writes.</summary>
[Collection(InProcessToolCollection.Name)]
public sealed class PatchTests(PatchTests.PatchAndFix patchAndFix) : IClassFixture<PatchTests.PatchAndFix>
{
    [Fact]
    public void A_patch_that_inserts_on_line_1_of_a_file_with_a_bom_applies_with_git_apply()
    {
        var (patch, expected) = patchAndFix.Saved();
        using var project = new StandInProject(restore: false);

        var applied = project.Git!.Run("apply", "--whitespace=nowarn", patch);

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Equal(expected, project.Read(StandInProject.BomFile));
    }

    [Fact]
    public void A_patch_that_inserts_on_line_1_of_a_file_with_a_bom_applies_with_patch_p1()
    {
        var (patch, expected) = patchAndFix.Saved();
        using var project = new StandInProject(restore: false);

        var applied = DotnetCli.RunProgram("patch", project.Path, TimeSpan.FromMinutes(1), "-p1", "-i", patch);

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Equal(expected, project.Read(StandInProject.BomFile));
    }

    [Fact]
    public void The_bom_line_of_the_patch_carries_the_bom_on_both_sides()
    {
        patchAndFix.Project.AssertRestored();
        var patch = patchAndFix.DryRun;

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

        var patch = InProcessTool.Run(from, "fix", Path.Combine(folder, StandInProject.ProjectFile), "--dry-run", "--quiet");

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
        var patch = InProcessTool.Run(project.Path, "fix", StandInProject.ProjectFile, "--dry-run", "--quiet");
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

        var patch = InProcessTool.Run(project.Combine("tools"), "fix", "../" + StandInProject.ProjectFile, "--dry-run", "--quiet");

        Assert.Equal(2, patch.ExitCode);
        Assert.Contains("outside", patch.StandardError, StringComparison.Ordinal);
        Assert.Equal("", patch.StandardOutput);
    }

    /// <summary>
    /// One stand-in project's `fix --dry-run` patch and the BOM file's bytes as `fix` writes them (the tree reset
    /// afterwards); the patch tests apply it to fresh copies of the same files.
    /// </summary>
    public sealed class PatchAndFix : IDisposable
    {
        private readonly TemporaryDirectory _patches = new("cli-patch");

        public PatchAndFix()
        {
            Project = new StandInProject();
            if (Project.Restore is not { Succeeded: true })
            {
                return;
            }

            DryRun = InProcessTool.Run(Project.Path, "fix", StandInProject.ProjectFile, "--dry-run", "--quiet");
            File.WriteAllText(PatchFile, DryRun.StandardOutput, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Fix = InProcessTool.Run(Project.Path, "fix", StandInProject.ProjectFile, "--quiet");
            Fixed = Project.Read(StandInProject.BomFile);
            Project.Git!.Reset();
        }

        public StandInProject Project { get; }

        public DotnetResult DryRun { get; } = null!;

        public DotnetResult Fix { get; } = null!;

        /// <summary>The BOM file as `fix` wrote it.</summary>
        public byte[] Fixed { get; } = [];

        /// <summary>The dry-run's patch, saved outside the work tree.</summary>
        public string PatchFile => _patches.Combine("fix.patch");

        /// <summary>The saved patch and the BOM file's bytes as `fix` writes them, once both commands succeeded.</summary>
        public (string Patch, byte[] Fixed) Saved()
        {
            Project.AssertRestored();
            Assert.True(DryRun.Succeeded, DryRun.ToString());
            Assert.True(Fix.Succeeded, Fix.ToString());
            Assert.True(Fixed.AsSpan().StartsWith(Encoding.UTF8.Preamble), "fix must keep the BOM");
            return (PatchFile, Fixed);
        }

        public void Dispose()
        {
            Project.Dispose();
            _patches.Dispose();
        }
    }
}
