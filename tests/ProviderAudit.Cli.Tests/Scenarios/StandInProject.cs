using System.Text;

namespace ProviderAudit.Cli.Tests;

/// <summary>
/// A small project, fresh per test, that restores without any package: a stand-in <c>ProviderAudit.Runtime.ApiProvider</c>
/// with working capability methods and files with checks the fixes rewrite. For what a test does to files (encodings,
/// read-only, locks, interruptions), where the real package would only cost time.
/// </summary>
public sealed class StandInProject : IDisposable
{
    public const string ProjectFile = "StandIn.csproj";

    /// <summary>
    /// UTF-8 with a BOM and CRLF line ends, two checks naming the provider type in full: the fix of each needs a using
    /// directive, inserted on line 1.
    /// </summary>
    public const string BomFile = "App/Headers.cs";

    /// <summary>The findings in <see cref="BomFile"/>.</summary>
    public const int BomFileFindings = 2;

    public static readonly string BomFileText =
        "namespace App;\r\n\r\npublic static class Headers\r\n{\r\n"
        + "    public static string? ApiKeyHeader(ProviderAudit.Runtime.ApiProvider provider) =>\r\n        provider == ProviderAudit.Runtime.ApiProvider.FirstParty ? \"x-api-key\" : null;\r\n\r\n"
        + "    public static string? BaseUrl(ProviderAudit.Runtime.ApiProvider provider) =>\r\n        provider == ProviderAudit.Runtime.ApiProvider.FirstParty ? \"https://api.anthropic.com\" : null;\r\n}\r\n";

    /// <summary>Files with one model-id check each, in the order <c>fix</c> writes them (by path).</summary>
    public static readonly string[] ModelFiles = ["App/Models1.cs", "App/Models2.cs", "App/Models3.cs"];

    private readonly TemporaryDirectory _folder = new("cli-standin");

    /// <param name="git">Make the folder a git work tree (its first commit the files as written).</param>
    /// <param name="restore">
    /// Restore the project, which every command that loads it needs; a test that only applies a patch, or that must stop
    /// before anything is loaded, does without.
    /// </param>
    public StandInProject(bool git = true, bool restore = true)
    {
        WriteSkeleton(Path, ProjectFile, "root = true\n\n[*.cs]\nindent_style = space\nindent_size = 4\n");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Combine(BomFile))!);
        File.WriteAllBytes(Combine(BomFile), [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(BomFileText)]);
        for (var i = 0; i < ModelFiles.Length; i++)
        {
            Write(ModelFiles[i], $$"""
                using ProviderAudit.Runtime;

                namespace App;

                public static class Models{{i + 1}}
                {
                    public static string Resolve(ApiProvider provider, string model) =>
                        provider == ApiProvider.FirstParty ? "claude-" + model : model;
                }

                """);
        }

        Restore = restore ? DotnetCli.Run(Path, "restore", ProjectFile) : null;
        if (git)
        {
            Git = GitWorkTree.Create(Path);
        }
    }

    public string Path => _folder.Path;

    /// <summary>The restore's result; null when the project was not restored.</summary>
    public DotnetResult? Restore { get; }

    public GitWorkTree? Git { get; }

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public byte[] Read(string relativePath) => File.ReadAllBytes(Combine(relativePath));

    public void AssertRestored()
    {
        Assert.NotNull(Restore);
        Assert.True(Restore.Succeeded, Restore.ToString());
    }

    /// <summary>Every file under the folder except build output, by path relative to it, as bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith(".git/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllBytes(Combine(f)), StringComparer.Ordinal);

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A project that builds without any package: <paramref name="projectFile"/> (net10.0, nullable), empty
    /// Directory.Build/Packages files so the repository's own do not apply, <paramref name="editorconfig"/>, and a
    /// stand-in <c>ProviderAudit.Runtime.ApiProvider</c> whose <c>ModelIdFormat()</c>/<c>AuthTransport()</c> work.
    /// </summary>
    public static void WriteSkeleton(string folder, string projectFile, string editorconfig)
    {
        void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(folder, file), text.ReplaceLineEndings("\n"));

        Write(projectFile, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>

            """);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            Write(file, "<Project />\n");
        }

        Write(".editorconfig", editorconfig);
        Write("ApiProvider.cs", """
            namespace ProviderAudit.Runtime;

            public enum ApiProvider { FirstParty, Bedrock, ClaudePlatformAws }

            public sealed record Capability(bool IsFirstParty);

            public static class ApiProviderCapabilities
            {
                public static Capability ModelIdFormat(this ApiProvider provider) => new(provider is not ApiProvider.Bedrock);

                public static Capability AuthTransport(this ApiProvider provider) => new((int)provider == 0);
            }

            """);
    }

    private void Write(string relativePath, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Combine(relativePath))!);
        File.WriteAllText(Combine(relativePath), text.ReplaceLineEndings("\n"));
    }
}
