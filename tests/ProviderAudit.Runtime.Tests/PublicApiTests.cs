using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// The runtime's public surface is what docs/runtime.md lists under "Public API", no more and no less: a new public type
/// fails here until it is documented (or made internal), and a documented type that stopped being public fails too.
/// </summary>
public partial class PublicApiTests
{
    [GeneratedRegex(@"^- `(?<name>[A-Za-z0-9_.]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedType();

    private static IReadOnlyList<string> Documented()
    {
        var text = File.ReadAllText(Path.Combine(RepositorySources.Root, "docs", "runtime.md"));
        var start = text.IndexOf("\n## Public API", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/runtime.md has no '## Public API' section.");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        return DocumentedType().Matches(section).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToArray();
    }

    private static IReadOnlyList<string> Public() =>
        typeof(ApiProvider).Assembly.GetExportedTypes()
            .Select(t => (t.FullName ?? t.Name).Replace('+', '.'))
            .Select(n => n.StartsWith("ProviderAudit.Runtime.", StringComparison.Ordinal) ? n["ProviderAudit.Runtime.".Length..] : n)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Every_public_type_is_documented_in_docs_runtime_md()
    {
        var undocumented = Public().Except(Documented()).ToArray();
        Assert.True(undocumented.Length == 0, "Public but not in docs/runtime.md's Public API list (document it, or make it internal): " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_documented_type_is_public()
    {
        var missing = Documented().Except(Public()).ToArray();
        Assert.True(missing.Length == 0, "Listed in docs/runtime.md's Public API but not public: " + string.Join(", ", missing));
    }
}
