using System.Reflection;
using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// Each shipped assembly's public surface is what docs/runtime.md lists for it under "Public API" (a <c>###</c> heading
/// naming the assembly's file), no more and no less: a new public type fails here until it is documented (or made
/// internal), and a documented type that stopped being public fails too.
/// </summary>
public partial class PublicApiTests
{
    public static TheoryData<string> ShippedAssemblies => new() { "ProviderAudit.Abstractions", "ProviderAudit.Runtime" };

    [GeneratedRegex(@"^- `(?<name>[A-Za-z0-9_.]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedType();

    private static Assembly Shipped(string name) =>
        new[] { typeof(ApiProvider).Assembly, typeof(RuntimeBackend).Assembly }.Single(a => a.GetName().Name == name);

    private static IReadOnlyList<string> Documented(string assemblyName)
    {
        var text = File.ReadAllText(Path.Combine(RepositorySources.Root, "docs", "runtime.md"));
        var start = text.IndexOf("\n## Public API", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/runtime.md has no '## Public API' section.");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        var heading = section.IndexOf($"\n### `{assemblyName}.dll`", StringComparison.Ordinal);
        Assert.True(heading >= 0, $"docs/runtime.md's Public API has no '### `{assemblyName}.dll`' list.");
        var next = section.IndexOf("\n### ", heading + 1, StringComparison.Ordinal);
        var list = next < 0 ? section[heading..] : section[heading..next];
        return DocumentedType().Matches(list).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToArray();
    }

    private static IReadOnlyList<string> Public(string assemblyName) =>
        Shipped(assemblyName).GetExportedTypes()
            .Select(t => (t.FullName ?? t.Name).Replace('+', '.'))
            .Select(n => n.StartsWith("ProviderAudit.Runtime.", StringComparison.Ordinal) ? n["ProviderAudit.Runtime.".Length..] : n)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void Every_public_type_is_documented_in_docs_runtime_md(string assemblyName)
    {
        var undocumented = Public(assemblyName).Except(Documented(assemblyName)).ToArray();
        Assert.True(undocumented.Length == 0, $"Public in {assemblyName} but not in its docs/runtime.md Public API list (document it, or make it internal): " + string.Join(", ", undocumented));
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void Every_documented_type_is_public(string assemblyName)
    {
        var missing = Documented(assemblyName).Except(Public(assemblyName)).ToArray();
        Assert.True(missing.Length == 0, $"Listed in docs/runtime.md's Public API for {assemblyName} but not public there: " + string.Join(", ", missing));
    }
}
