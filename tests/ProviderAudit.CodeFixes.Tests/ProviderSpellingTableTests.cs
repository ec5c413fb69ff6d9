using System.Text.RegularExpressions;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// The member names real provider enums use, each with the mapping PA0003's fix writes for it: a backend, or unmapped
/// with the comment the team reads. Names that could mean two backends, or none, are never guessed.
/// </summary>
public sealed partial class ProviderSpellingTableTests
{
    /// <summary>Member name → the <c>ApiProvider</c> member it maps to, or "unmapped: " and the start of the comment's reason.</summary>
    private static readonly (string Member, string Expected)[] Table =
    [
        ("Anthropic", "FirstParty"), // the configured first-party member
        ("Bedrock", "Bedrock"),
        ("AmazonBedrock", "Bedrock"),
        ("AwsBedrock", "Bedrock"),
        ("AWSBedrock", "Bedrock"),
        ("Aws_Bedrock", "Bedrock"),
        ("BedrockRuntime", "Bedrock"),
        ("AnthropicBedrock", "Bedrock"),
        ("BEDROCK", "Bedrock"),
        ("Vertex", "Vertex"),
        ("VertexAI", "Vertex"),
        ("VertexAi", "Vertex"),
        ("Vertex_AI", "Vertex"),
        ("GoogleVertex", "Vertex"),
        ("GoogleVertexAI", "Vertex"),
        ("GcpVertex", "Vertex"),
        ("AnthropicVertex", "Vertex"),
        ("Foundry", "Foundry"),
        ("AzureFoundry", "Foundry"),
        ("AzureAIFoundry", "Foundry"),
        ("MicrosoftFoundry", "Foundry"),
        ("AIFoundry", "Foundry"),
        ("ClaudePlatformAws", "ClaudePlatformAws"),
        ("ClaudePlatformOnAws", "ClaudePlatformAws"),
        ("ClaudePlatformAWS", "ClaudePlatformAws"),
        ("Claude_Platform_Aws", "ClaudePlatformAws"),
        ("Cpa", "ClaudePlatformAws"),
        ("FirstParty", "unmapped: is named like Anthropic's own API, but the first-party member is Backend.Anthropic"),
        ("Direct", "unmapped: is named like Anthropic's own API"),
        ("AnthropicApi", "unmapped: is named like Anthropic's own API"),
        ("Aws", "unmapped: could mean Amazon Bedrock or Claude Platform on AWS"),
        ("Amazon", "unmapped: could mean Amazon Bedrock or Claude Platform on AWS"),
        ("AnthropicAws", "unmapped: could mean Amazon Bedrock or Claude Platform on AWS"),
        ("Google", "unmapped: could mean Vertex AI or Google's own models"),
        ("GoogleCloud", "unmapped: could mean Vertex AI or Google's own models"),
        ("Azure", "unmapped: could mean Microsoft Foundry or Azure OpenAI"),
        ("AzureAI", "unmapped: could mean Microsoft Foundry or Azure OpenAI"),
        ("Claude", "unmapped: names Claude, which every backend serves"),
        ("BedrockOrVertex", "unmapped: names more than one backend (Amazon Bedrock, Vertex AI)"),
        ("AzureBedrock", "unmapped: names Amazon Bedrock with words that do not belong to it (azure)"),
        ("OpenAI", "unmapped: matches no Claude backend by name"),
        ("AzureOpenAI", "unmapped: matches no Claude backend by name"),
        ("Gemini", "unmapped: matches no Claude backend by name"),
        ("Ollama", "unmapped: matches no Claude backend by name"),
        ("None", "unmapped: matches no Claude backend by name"),
    ];

    private const string Config = """
        root = true
        [*.cs]
        provider_audit.additional_provider_types = Host.Backend
        provider_audit.first_party_member = Anthropic
        """;

    [Fact]
    public async Task Every_real_world_member_name_gets_its_expected_mapping()
    {
        Assert.True(Table.Length >= 30);
        var source = "namespace Host\n{\n    public enum Backend { " + string.Join(", ", Table.Select(row => row.Member)) + " }\n}\n";
        var project = new ConfiguredProject(Config, ("Backend.cs", source));
        var missing = Assert.Single(await project.AnalyzeAsync(), d => d.Id == DiagnosticContract.MissingProviderMappingId);
        await project.ApplyAsync(Assert.Single(await project.ActionsAsync(new ProviderMappingCodeFixProvider(), missing)));
        var mapping = await project.TextAsync("Backend.cs");

        var actual = Arms().Matches(mapping).ToDictionary(
            arm => arm.Groups["member"].Value,
            arm => arm.Groups["provider"].Value == "null"
                ? "unmapped: " + arm.Groups["reason"].Value
                : arm.Groups["provider"].Value["ApiProvider.".Length..]);
        var wrong = Table
            .Where(row => !actual.TryGetValue(row.Member, out var got) || !got.StartsWith(row.Expected, StringComparison.Ordinal))
            .Select(row => $"{row.Member}: expected {row.Expected}, got {actual.GetValueOrDefault(row.Member) ?? "no arm"}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n" + mapping);
        Assert.Empty(await project.CompilerProblemsAsync());
    }

    /// <summary>One section of the generated switch: the team's comment (for an unmapped value), the case and what it returns.</summary>
    [GeneratedRegex(@"(?:// TODO\(PA0003\): Backend\.\w+ (?<reason>[^\n]*?)\.\s*\n\s*//[^\n]*\n\s*)?case Backend\.(?<member>\w+):\s*return (?<provider>[\w.]+);")]
    private static partial Regex Arms();
}
