using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ProviderAudit.Package.Tests;

/// <summary>
/// The repository builds from a warm package cache when NuGet's vulnerability data cannot be fetched: the audit still
/// runs and says so (NU1900, and NU1905 for a dedicated audit source), as warnings, although every other warning is an
/// error. A project outside the repository inherits the repository's own Directory.Build.props and
/// Directory.Packages.props; its vulnerability data lives behind a closed loopback port, its one package (CsCheck, which
/// the solution's own restore puts in the cache) comes from the user's package cache.
/// </summary>
public sealed partial class OfflineAuditBuildTests
{
    /// <summary>How the repository's nuget.config is shaped: the package source is the audit source, and it is down.</summary>
    [Fact]
    public void A_build_from_a_warm_cache_succeeds_with_NU1900_as_a_warning_when_the_package_source_is_unreachable()
    {
        var build = BuildWithUnreachableVulnerabilityData(port => $"""
            <packageSources>
              <clear />
              <add key="offline" value="{UnreachableFeed(port)}" allowInsecureConnections="true" />
            </packageSources>
            """);

        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(["warning"], SeveritiesOf("NU1900", build.Output));
    }

    /// <summary>A developer's nuget.config with a dedicated audit source that is down, the real package source beside it.</summary>
    [Fact]
    public void A_build_from_a_warm_cache_succeeds_with_NU1900_and_NU1905_as_warnings_when_the_audit_source_is_unreachable()
    {
        var build = BuildWithUnreachableVulnerabilityData(port => $"""
            <auditSources>
              <clear />
              <add key="offline-audit" value="{UnreachableFeed(port)}" allowInsecureConnections="true" />
            </auditSources>
            """);

        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(["warning"], SeveritiesOf("NU1900", build.Output));
        Assert.Equal(["warning"], SeveritiesOf("NU1905", build.Output));
    }

    private static DotnetResult BuildWithUnreachableVulnerabilityData(Func<int, string> sources)
    {
        using var project = new TemporaryDirectory("offline-audit");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(RepositoryRoot.Combine(file), project.Combine(file));
        }

        project.File("OfflineAudit.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <NuGetAudit>true</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CsCheck" />
              </ItemGroup>
            </Project>
            """);
        project.File("Empty.cs", "namespace OfflineAudit;\n\npublic static class Empty\n{\n}\n");
        project.File("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
            {sources(ClosedLoopbackPort())}
            </configuration>
            """);

        var build = DotnetCli.Run(project.Path, "build", "-nologo");
        Assert.False(
            build.Output.Contains("NU1301", StringComparison.Ordinal),
            "Restore needed a package source (NU1301): CsCheck is not in the package cache; restore ProviderAudit.sln first. " + build);
        return build;
    }

    private static string UnreachableFeed(int port) => $"http://127.0.0.1:{port}/v3/index.json";

    /// <summary>A loopback port nothing listens on: bound by the OS for us, then released.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>How MSBuild printed <paramref name="id"/> (<c>project.csproj : warning NU1900: …</c>), each severity once.</summary>
    private static string[] SeveritiesOf(string id, string output) =>
        NuGetDiagnostic().Matches(output).Where(m => m.Groups["id"].Value == id).Select(m => m.Groups["severity"].Value).Distinct().Order().ToArray();

    [GeneratedRegex(@": (?<severity>warning|error) (?<id>NU\d{4}):", RegexOptions.Multiline)]
    private static partial Regex NuGetDiagnostic();
}
