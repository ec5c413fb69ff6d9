using System.Reflection;
using ProviderAudit.Analyzers;
using ProviderAudit.CodeFixes.Tests.Infrastructure;
using ProviderAudit.CodeFixes.Tests.Mutation;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>
/// The rule pages agree with the analyzer: docs/rules/PA0001.md's no-fix table says why in the words the diagnostic's
/// message uses (<c>RuleTexts</c>), for every reason the contract has; PA0002's page quotes a message as the analyzer writes
/// it; every shipped rule has its page, linked from the index.
/// </summary>
public sealed class RuleDocumentationTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> NoFixRows = new(() =>
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(RepositoryRoot.Combine("docs/rules/PA0001.md")))
        {
            // | `ExpressionTree` | where | why |
            var cells = line.Split('|');
            if (cells.Length >= 4 && cells[1].Trim() is ['`', .. var reason, '`'] && NoFixReasons().Contains(reason))
            {
                rows[reason] = line;
            }
        }

        return rows;
    });

    [Fact]
    public void Every_no_fix_reason_has_a_row_in_the_rule_page()
    {
        var missing = NoFixReasons().Where(reason => !NoFixRows.Value.ContainsKey(reason)).ToList();
        Assert.True(missing.Count == 0, "docs/rules/PA0001.md's no-fix table has no row for " + string.Join(", ", missing));
    }

    [Fact]
    public void Each_row_quotes_the_reason_as_the_message_says_it()
    {
        Assert.NotEmpty(RuleTexts.NoFixExplanations);
        foreach (var (reason, text) in RuleTexts.NoFixExplanations)
        {
            Assert.True(NoFixRows.Value.TryGetValue(reason, out var row), $"docs/rules/PA0001.md has no row for {reason}");
            Assert.Contains("\"" + text + "\"", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_reason_the_message_explains_is_a_contract_value()
    {
        Assert.Empty(RuleTexts.NoFixExplanations.Keys.Except(NoFixReasons()));
    }

    [Fact]
    public void The_message_PA0002s_page_quotes_is_the_one_the_analyzer_writes()
    {
        // The page's example: "> Invalid ProviderAudit setting '…': …", wrapped over several quoted lines.
        var quoted = string.Join(" ", File.ReadAllLines(RepositoryRoot.Combine("docs/rules/PA0002.md"))
            .SkipWhile(line => !line.StartsWith("> ", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith("> ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim()));
        var written = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            ProviderAuditDescriptors.InvalidConfiguration.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DiagnosticContract.ConfigurationKeyPrefix + "first_party_member",
            "First-Party",
            RuleTexts.Configuration.NotAnIdentifier);
        Assert.Equal(written, quoted);
    }

    [Fact]
    public void Every_shipped_rule_has_its_page_and_its_help_link_points_there()
    {
        var descriptors = MutationChecker.Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).ToList();
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            Assert.True(File.Exists(RepositoryRoot.Combine($"docs/rules/{descriptor.Id}.md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains($"({descriptor.Id}.md)", File.ReadAllText(RepositoryRoot.Combine("docs/rules/README.md")), StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<string> NoFixReasons() =>
        typeof(DiagnosticContract.NoFixReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
}
