namespace ProviderAudit.Package.Tests;

/// <summary>
/// The measured facts of 2026-11-30, end to end with the SDK's own compiler and dotnet format: C# 14 binds an array's
/// Contains to MemoryExtensions (still flagged), and dotnet format, which may start Fix All from a finding without a fix
/// (then with no equivalence key), still fixes every fixable finding.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class MixedFindingsFormatTests(PackedPackage package)
{
    [Fact]
    public void Every_check_of_the_consumer_is_flagged_including_Contains_bound_to_MemoryExtensions()
    {
        var consumer = package.MixedFindings;

        Assert.True(consumer.Before.Result.Succeeded, consumer.Before.Result.ToString());
        Assert.Equal(
            new[] { MixedFindingsConsumer.UnderlyingValueCheck, MixedFindingsConsumer.MembershipCheck, MixedFindingsConsumer.ComparisonCheck }
                .Select(MixedFindingsConsumer.LineOf),
            consumer.Before.Findings.Select(finding => finding.Line).Order());
    }

    [Fact]
    public void Dotnet_format_fixes_every_fixable_finding_and_leaves_only_the_one_without_a_fix()
    {
        var consumer = package.MixedFindings;

        Assert.True(consumer.Format?.Succeeded, consumer.Format?.ToString() ?? consumer.Before.Result.ToString());
        Assert.True(consumer.After!.Result.Succeeded, consumer.After.Result.ToString());
        var left = Assert.Single(consumer.After.Findings);
        Assert.Equal(MixedFindingsConsumer.LineOf(MixedFindingsConsumer.UnderlyingValueCheck), left.Line);
        Assert.Contains(MixedFindingsConsumer.FixedMembership, consumer.FixedProgram, StringComparison.Ordinal);
        Assert.Contains(MixedFindingsConsumer.FixedComparison, consumer.FixedProgram, StringComparison.Ordinal);
    }
}
