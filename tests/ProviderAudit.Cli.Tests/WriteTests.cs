using System.Text;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// How `fix` writes: each file whole or not at all (temp file, then rename), every file checked before any is written,
/// an interruption honoured only between files (exit 130, saying what was written), I/O problems as named errors.
/// </summary>
[Collection(InProcessToolCollection.Name)]
public sealed class WriteTests(WriteTests.InterruptedFix interrupted) : IClassFixture<WriteTests.InterruptedFix>
{
    private const string CancelAfterFirstWrite = "--test-cancel-after-writes";

    [Fact]
    public void An_interrupted_fix_exits_130()
    {
        interrupted.Project.AssertRestored();

        Assert.Equal(130, interrupted.Fix.ExitCode);
    }

    [Fact]
    public void An_interrupted_fix_leaves_every_file_either_fixed_whole_or_untouched()
    {
        interrupted.Project.AssertRestored();
        Assert.True(interrupted.Uninterrupted.Succeeded, interrupted.Uninterrupted.ToString());
        var (original, fixedFiles, after) = (interrupted.Original, interrupted.FixedFiles, interrupted.After);

        var changed = Reports.Differences(original, after);
        var written = Assert.Single(changed);
        Assert.Equal(fixedFiles[written], after[written]);
        Assert.All(original.Keys.Where(f => f != written), f => Assert.Equal(original[f], after[f]));
    }

    [Fact]
    public void An_interrupted_fix_says_which_files_it_wrote_and_which_it_did_not()
    {
        interrupted.Project.AssertRestored();
        var fix = interrupted.Fix;

        // Files are written in path order: the BOM file (App/Headers.cs) first.
        Assert.Contains($"fixed {StandInProject.BomFileFindings} of {StandInProject.BomFileFindings + 3} finding(s) in 1 file(s)", fix.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"  {StandInProject.BomFile} ({StandInProject.BomFileFindings})", fix.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("interrupted: 3 file(s) not written", fix.StandardError, StringComparison.Ordinal);
        Assert.All(StandInProject.ModelFiles, f => Assert.Contains($"  {f} (1)", fix.StandardError, StringComparison.Ordinal));
    }

    [Fact]
    public void No_temp_file_is_left_behind_after_an_interrupted_fix()
    {
        interrupted.Project.AssertRestored();

        Assert.Empty(interrupted.TempFilesAfter);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_keeps_a_files_permissions_bom_and_line_endings()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(project.Combine(StandInProject.BomFile), Mode);

        var fix = InProcessTool.Run(project.Path, "fix", StandInProject.ProjectFile, "--quiet");

        Assert.True(fix.Succeeded, fix.ToString());
        Assert.Equal(Mode, File.GetUnixFileMode(project.Combine(StandInProject.BomFile)));
        var bytes = project.Read(StandInProject.BomFile);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("AuthTransport().IsFirstParty", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_file_stops_fix_with_exit_4_naming_it_and_nothing_is_written()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        var original = project.Snapshot();
        var readOnly = project.Combine(StandInProject.ModelFiles[1]);
        File.SetAttributes(readOnly, File.GetAttributes(readOnly) | FileAttributes.ReadOnly);

        var fix = InProcessTool.Run(project.Path, "fix", StandInProject.ProjectFile);

        Assert.Equal(4, fix.ExitCode);
        Assert.Contains($"{StandInProject.ModelFiles[1]}: the file is read-only", fix.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was written", fix.StandardError, StringComparison.Ordinal);
        Assert.Empty(Reports.Differences(original, project.Snapshot()));
    }

    [Fact]
    public void A_file_locked_by_another_process_stops_fix_with_exit_4_naming_it_without_a_stack_trace()
    {
        using var project = new StandInProject();
        project.AssertRestored();
        var original = project.Snapshot();

        DotnetResult fix;
        using (new FileStream(project.Combine(StandInProject.ModelFiles[0]), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            fix = InProcessTool.Run(project.Path, "fix", StandInProject.ProjectFile);
        }

        Assert.Equal(4, fix.ExitCode);
        Assert.Contains($"  {StandInProject.ModelFiles[0]}: ", fix.StandardError, StringComparison.Ordinal);
        Assert.Contains("locked by another process", fix.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", fix.Output, StringComparison.Ordinal);
        Assert.Empty(Reports.Differences(original, project.Snapshot()));
    }

    [Fact]
    public void An_unwritable_output_is_a_usage_error_found_before_the_projects_are_loaded()
    {
        // Not restored: a tool that loaded the project first would stop there with exit 3, which fails the test too.
        using var project = new StandInProject(restore: false);
        File.WriteAllText(project.Combine("not-a-folder"), "");

        var audit = InProcessTool.Run(project.Path, "audit", StandInProject.ProjectFile, "--format", "sarif", "-o", "not-a-folder/audit.sarif");

        Assert.Equal(2, audit.ExitCode);
        Assert.Contains("--output 'not-a-folder/audit.sarif' cannot be written", audit.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded 1:", audit.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_report_file_is_a_usage_error_found_before_the_projects_are_loaded()
    {
        // Not restored: a tool that loaded the project first would stop there with exit 3, which fails the test too.
        using var project = new StandInProject(restore: false);
        var report = project.Combine("audit.md");
        File.WriteAllText(report, "old");
        File.SetAttributes(report, FileAttributes.ReadOnly);

        var audit = InProcessTool.Run(project.Path, "audit", StandInProject.ProjectFile, "--report", "markdown:audit.md");

        Assert.Equal(2, audit.ExitCode);
        Assert.Contains("--report markdown:audit.md 'audit.md' cannot be written: the file is read-only", audit.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded 1:", audit.StandardError, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(report));
    }

    /// <summary>
    /// One stand-in project, and what the interrupted-fix tests read of it: its files as an uninterrupted `fix` writes
    /// them (the tree reset afterwards), then `fix` cancelled after its first write, and the files that run left.
    /// </summary>
    public sealed class InterruptedFix : IDisposable
    {
        public InterruptedFix()
        {
            Project = new StandInProject();
            if (Project.Restore is not { Succeeded: true })
            {
                return;
            }

            Original = Project.Snapshot();
            Uninterrupted = InProcessTool.Run(Project.Path, "fix", StandInProject.ProjectFile, "--quiet");
            FixedFiles = Project.Snapshot();
            Project.Git!.Reset();

            Fix = InProcessTool.Run(Project.Path, "fix", StandInProject.ProjectFile, CancelAfterFirstWrite, "1");
            After = Project.Snapshot();
            TempFilesAfter = Directory.GetFiles(Project.Path, "*.tmp", SearchOption.AllDirectories);
        }

        public StandInProject Project { get; }

        public IReadOnlyDictionary<string, byte[]> Original { get; } = null!;

        public DotnetResult Uninterrupted { get; } = null!;

        public IReadOnlyDictionary<string, byte[]> FixedFiles { get; } = null!;

        public DotnetResult Fix { get; } = null!;

        public IReadOnlyDictionary<string, byte[]> After { get; } = null!;

        public IReadOnlyList<string> TempFilesAfter { get; } = [];

        public void Dispose() => Project.Dispose();
    }
}
