using System.Text.RegularExpressions;

namespace ProviderAudit.Runtime.Tests;

/// <summary>Whole-value checks match the whole value: .NET's <c>$</c> also matches before a final <c>\n</c>, <c>\z</c> does not.</summary>
public partial class WholeValueCheckTests
{
    [Theory]
    [InlineData("first-party", "claude-sonnet-4-6\n")]
    [InlineData("claude-platform-aws", "claude-sonnet-4-6\n")]
    [InlineData("bedrock", "anthropic.claude-sonnet-4-6-v1:0\n")]
    [InlineData("bedrock", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6-v1:0\n")]
    [InlineData("vertex", "claude-sonnet-4-5@20250929\n")]
    [InlineData("foundry", "claude-sonnet-4-6\n")]
    public void A_model_id_format_rejects_an_id_ending_in_a_newline(string backendId, string wireId)
    {
        Assert.False(RuntimeBackends.FindById(backendId)!.TryParseWireId(wireId, out _));
        Assert.True(RuntimeBackends.FindById(backendId)!.TryParseWireId(wireId.TrimEnd('\n'), out _));
    }

    [Fact]
    public void No_whole_value_regex_in_the_runtime_ends_with_a_dollar_anchor()
    {
        // .NET's $ also matches before a final \n; whole-value checks end in \z.
        var patterns = RepositorySources.CSharpFiles("runtime")
            .SelectMany(file => RegexLiteral().Matches(File.ReadAllText(file)).Select(m => (file, pattern: m.Groups["pattern"].Value)))
            .ToArray();
        Assert.Contains(patterns, found => found.pattern.EndsWith(@"\z", StringComparison.Ordinal)); // the scan sees the runtime's patterns
        var offenders = patterns.Where(found => found.pattern.EndsWith('$')).Select(found => $"{Path.GetFileName(found.file)}: {found.pattern}").ToArray();
        Assert.Empty(offenders);
    }

    // A regex pattern literal passed to GeneratedRegex or a Regex constructor/static method.
    [GeneratedRegex(@"(?:GeneratedRegex|Regex\.(?:IsMatch|Match|Matches|Replace)\([^,]+,|new Regex)\(?\s*@?""(?<pattern>(?:[^""]|"""")*)""")]
    private static partial Regex RegexLiteral();
}
