namespace ProviderAudit.Package.Tests;

/// <summary>
/// README's adoption path on samples/AdoptionHost, from the packed package: N findings and one PA0003, the mapping fix
/// and the check fixes through <c>dotnet format</c>, a clean build, and a host that answers as before for every enum
/// member and string id except Claude Platform on AWS.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class AdoptionHostDemoTests(PackedPackage package)
{
    private AdoptionHostDemo Demo => package.AdoptionHost;

    [Fact]
    public void Sample_never_names_the_runtime()
    {
        // GetApiProvider() is the host's own name; the runtime's type and namespace are what must not appear.
        Assert.All(Demo.OriginalSources, source =>
        {
            Assert.DoesNotMatch(@"\bApiProvider\b", source.Value);
            Assert.DoesNotContain("ProviderAudit", source.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Sample_references_only_what_the_ProviderAudit_package_holds()
    {
        var project = File.ReadAllText(RepositoryRoot.Combine("samples", "AdoptionHost", AdoptionHostDemo.ProjectFile));

        var reference = Assert.Single(project.Split('\n'), line => line.Contains("<ProjectReference", StringComparison.Ordinal));
        Assert.Contains("ProviderAudit.Abstractions.csproj", reference, StringComparison.Ordinal);
        Assert.DoesNotContain("ProviderAudit.Runtime", project, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixed_host_runs_on_the_capability_assembly_without_the_runtime()
    {
        Demo.AssertBuiltBefore();
        Assert.True(Demo.After!.Succeeded, Demo.After.ToString());

        Assert.True(File.Exists(Path.Combine(Demo.OutputAfter, "ProviderAudit.Abstractions.dll")));
        Assert.False(File.Exists(Path.Combine(Demo.OutputAfter, "ProviderAudit.Runtime.dll")));
        Assert.Empty(Directory.GetFiles(Demo.OutputAfter, "Anthropic*.dll"));
    }

    [Fact]
    public void Build_succeeds_reporting_every_check_and_the_missing_mapping()
    {
        Demo.AssertBuiltBefore();

        Assert.Equal(AdoptionHostDemo.ComparisonSites, Demo.FindingsBefore.Count);
        Assert.Equal(AdoptionHostDemo.EnumComparisonSites, Demo.FindingsBefore.Count(f => f.Message.StartsWith("Comparison with Backend.Anthropic", StringComparison.Ordinal)));
        var mapping = Assert.Single(Demo.MappingFindingsBefore);
        Assert.Equal("Backend.cs", Path.GetFileName(mapping.File));
        Assert.All(Demo.FindingsBefore.Concat(Demo.MappingFindingsBefore), f => Assert.Equal("warning", f.Severity));
    }

    [Fact]
    public void Mapping_fix_writes_the_mapping_into_the_enums_file()
    {
        Demo.AssertBuiltBefore();
        Assert.True(Demo.FixMapping!.Succeeded, Demo.FixMapping.ToString());

        var backend = Demo.FixedSources["Backend.cs"];
        Assert.Contains("internal static class BackendCapabilities", backend, StringComparison.Ordinal);
        Assert.Contains("public static ApiProvider ToApiProvider(this Backend backend)", backend, StringComparison.Ordinal);
        Assert.Matches(@"case Backend\.Anthropic:\s+return ApiProvider\.FirstParty;", backend);
        Assert.Matches(@"case Backend\.ClaudePlatformAws:\s+return ApiProvider\.ClaudePlatformAws;", backend);
        Assert.Equal(Demo.OriginalSources.Keys.Order(), Demo.FixedSources.Keys.Order());
    }

    [Fact]
    public void Check_fixes_ask_capabilities_of_the_enum_and_of_parsed_ids()
    {
        Demo.AssertBuiltBefore();
        Assert.True(Demo.FixChecks!.Succeeded, Demo.FixChecks.ToString());
        var all = string.Concat(Demo.FixedSources.Values);

        Assert.Contains("backend.ModelIdFormat().IsFirstParty", all, StringComparison.Ordinal);
        Assert.Contains("backend.AuthTransport().IsFirstParty", all, StringComparison.Ordinal);
        Assert.Contains("ApiProviderIds.Find(GetApiProvider())?.ModelIdFormat().IsFirstParty == true", all, StringComparison.Ordinal);
        Assert.Contains("ApiProviderIds.Find(GetApiProvider())?.AuthTransport().IsFirstParty == true", all, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_fixes_the_host_builds_with_no_warning()
    {
        Demo.AssertBuiltBefore();

        Assert.True(Demo.After!.Succeeded, Demo.After.ToString());
        Assert.Empty(BuildDiagnostics.Parse(Demo.After.Output));
    }

    [Theory]
    [InlineData("Anthropic")]
    [InlineData("Bedrock")]
    [InlineData("Vertex")]
    [InlineData("Foundry")]
    public void Every_enum_member_but_Claude_Platform_on_AWS_behaves_as_before(string member)
    {
        AssertSameAnswer("--backend", member);
    }

    [Theory]
    [InlineData("firstParty")]
    [InlineData("bedrock")]
    [InlineData("vertex")]
    [InlineData("foundry")]
    public void Every_string_id_but_Claude_Platform_on_AWS_behaves_as_before(string id)
    {
        AssertSameAnswer("--provider-id", id);
    }

    [Fact]
    public void Claude_Platform_on_AWS_member_gets_first_party_model_ids_and_keeps_AWS_auth()
    {
        var before = Lines(Demo.RunBefore("--backend", "ClaudePlatformAws"));
        var after = Lines(Demo.RunAfter("--backend", "ClaudePlatformAws"));

        Assert.Equal("sonnet-deployment", before["Model"]);
        Assert.Equal("claude-sonnet-4-6", after["Model"]);
        Assert.Equal("sonnet-4-6", after["Alias"]);
        Assert.Equal("True", after["Previews"]);
        foreach (var transport in new[] { "Base URL", "Headers", "Action" })
        {
            Assert.Equal(before[transport], after[transport]);
        }

        Assert.Equal("(SDK default)", after["Base URL"]);
        Assert.Equal("Check cloud credentials", after["Action"]);
    }

    [Fact]
    public void Claude_Platform_on_AWS_id_gets_the_first_party_model_catalog_and_keeps_AWS_auth()
    {
        var before = Lines(Demo.RunBefore("--provider-id", "claudePlatformAws"));
        var after = Lines(Demo.RunAfter("--provider-id", "claudePlatformAws"));

        Assert.Equal("claudePlatformAws-models", before["Catalog"]);
        Assert.Equal("anthropic-models", after["Catalog"]);
        foreach (var transport in new[] { "Credential", "OAuth sync", "Console" })
        {
            Assert.Equal(before[transport], after[transport]);
        }

        Assert.Equal("CLOUD_CREDENTIALS", after["Credential"]);
    }

    [Fact]
    public void Readme_shows_the_commands_and_the_counts_this_test_checks()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        Assert.All(AdoptionHostDemo.ReadmeCommands, command => Assert.Contains(command, readme, StringComparison.Ordinal));
        Assert.Contains($"{AdoptionHostDemo.ComparisonSites} `PA0001` warnings", readme, StringComparison.Ordinal);
        Assert.Contains($"{AdoptionHostDemo.EnumComparisonSites} on the enum", readme, StringComparison.Ordinal);
        Assert.Contains("one `PA0003`", readme, StringComparison.Ordinal);
    }

    private void AssertSameAnswer(string option, string value)
    {
        var before = Demo.RunBefore(option, value);
        var after = Demo.RunAfter(option, value);

        Assert.True(before.Succeeded, before.ToString());
        Assert.True(after.Succeeded, after.ToString());
        Assert.Equal(before.Output, after.Output);
    }

    private static Dictionary<string, string> Lines(DotnetResult run)
    {
        Assert.True(run.Succeeded, run.ToString());
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);
    }
}
