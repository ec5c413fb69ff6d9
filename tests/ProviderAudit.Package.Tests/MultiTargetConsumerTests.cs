using System.Text.Json;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// Issue 15's adoption path on every target framework: one unconditional reference restores and builds on
/// netstandard2.0, net462, net6.0, net8.0 and net10.0 (C# 7.3 on the first two), brings no other package, and the
/// mapping and check fixes leave code that builds clean on all five.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class MultiTargetConsumerTests(PackedPackage package)
{
    private MultiTargetConsumer Consumer => package.MultiTarget;

    [Fact]
    public void Netstandard2_0_and_net462_compile_as_CSharp_7_3()
    {
        Assert.All(MultiTargetConsumer.CSharp73Targets, framework => Assert.Equal("7.3", Consumer.LanguageVersions[framework]));
    }

    [Fact]
    public void One_unconditional_reference_restores_on_every_target()
    {
        Consumer.AssertRestored();

        Assert.DoesNotContain("NU1202", Consumer.Restore.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void It_builds_on_every_target_before_the_fixes_reporting_every_check_and_the_missing_mapping()
    {
        Consumer.AssertBuiltBefore();
        var diagnostics = BuildDiagnostics.Parse(Consumer.Before!.Output);

        Assert.Equal(MultiTargetConsumer.TargetFrameworks, Consumer.BuiltBefore);
        Assert.Equal(MultiTargetConsumer.ComparisonSites, diagnostics.WithId("PA0001").Count);
        Assert.Equal(MultiTargetConsumer.EnumFile, Path.GetFileName(Assert.Single(diagnostics.WithId("PA0003")).File));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_ProviderAudit_package_brings_no_other_package(string framework)
    {
        Consumer.AssertRestored();
        using var assets = JsonDocument.Parse(File.ReadAllText(Consumer.AssetsFile));
        var packages = PackagesOf(assets.RootElement, framework);

        Assert.Equal(["ProviderAudit"], Closure(packages, "ProviderAudit"));
        Assert.Equal(["ProviderAudit"], packages.Keys.Except(Closure(packages, AutoReferenced(assets.RootElement, framework))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_mapping_fix_writes_the_mapping_into_the_enums_file()
    {
        Consumer.AssertBuiltBefore();
        Assert.True(Consumer.FixMapping!.Succeeded, Consumer.FixMapping.ToString());

        Assert.Contains("ToApiProvider(this", Consumer.FixedSources[MultiTargetConsumer.EnumFile], StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_fixes_ask_capabilities()
    {
        Consumer.AssertBuiltBefore();
        Assert.True(Consumer.FixChecks!.Succeeded, Consumer.FixChecks.ToString());
        var all = string.Concat(Consumer.FixedSources.Values);

        Assert.Contains(".ModelIdFormat()", all, StringComparison.Ordinal);
        Assert.Contains(".AuthTransport()", all, StringComparison.Ordinal);
        Assert.Contains("ApiProviderIds.Find(", all, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_fixes_every_target_builds_with_no_warning_and_no_finding()
    {
        Consumer.AssertBuiltBefore();

        Assert.True(Consumer.After!.Succeeded, Consumer.After.ToString());
        Assert.Empty(BuildDiagnostics.Parse(Consumer.After.Output));
        Assert.Equal(MultiTargetConsumer.TargetFrameworks, Consumer.BuiltAfter);
    }

    public static TheoryData<string> Targets => new(MultiTargetConsumer.TargetFrameworks);

    /// <summary>The packages restored for one target: name → the names it depends on.</summary>
    private static Dictionary<string, string[]> PackagesOf(JsonElement assets, string framework)
    {
        var targets = assets.GetProperty("targets");
        var key = targets.EnumerateObject().Select(t => t.Name).Single(name => TargetMatches(assets, name, framework));
        return targets.GetProperty(key).EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .ToDictionary(
                library => library.Name.Split('/')[0],
                library => library.Value.TryGetProperty("dependencies", out var dependencies) ? dependencies.EnumerateObject().Select(d => d.Name).ToArray() : [],
                StringComparer.OrdinalIgnoreCase);
    }

    // The assets file names a target by its framework (".NETStandard,Version=v2.0", "net6.0", …); the project section
    // maps each alias to that framework.
    private static bool TargetMatches(JsonElement assets, string targetName, string framework)
    {
        if (string.Equals(targetName, framework, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var frameworks = assets.GetProperty("project").GetProperty("restore").GetProperty("frameworks");
        return frameworks.TryGetProperty(framework, out var restore)
            && restore.TryGetProperty("framework", out var full) && string.Equals(full.GetString(), targetName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The packages the SDK references by itself for one target (NETStandard.Library, the .NET Framework reference assemblies).</summary>
    private static string[] AutoReferenced(JsonElement assets, string framework) =>
        assets.GetProperty("project").GetProperty("frameworks").GetProperty(framework).GetProperty("dependencies").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("autoReferenced", out var auto) && auto.GetBoolean())
            .Select(d => d.Name)
            .ToArray();

    private static string[] Closure(Dictionary<string, string[]> packages, params string[] roots)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var name))
        {
            if (packages.TryGetValue(name, out var dependencies) && seen.Add(packages.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))))
            {
                foreach (var dependency in dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return [.. seen];
    }
}
