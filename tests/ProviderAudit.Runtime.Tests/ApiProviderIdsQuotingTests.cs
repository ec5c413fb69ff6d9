using CsCheck;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// ApiProviderIds lives in the dependency-free ProviderAudit package and cannot call the runtime's DisplayText, so it
/// quotes unknown ids with its own copy of the rule. These tests hold the copy to DisplayText.Quote: same escapes, same
/// credential shapes hidden.
/// </summary>
public class ApiProviderIdsQuotingTests
{
    // Letters and digits (credential runs), the token and hex alphabets, quotes, controls, invisible format characters
    // and separators: everything the two quoting rules treat differently from plain text.
    private static readonly char[] Alphabet =
        "abcdefABCDEFxyzXYZ0123456789-_+/=. \"'\\\n\r\t\0\u0007\u001b\u007f\u0085\u00a0\u200b\u200e\u202e\u2028\u2029\ufeffé"
            .ToCharArray();

    [Theory]
    [InlineData("openai")]
    [InlineData("bedrock\n")]
    [InlineData("first\u200bparty")]
    [InlineData("say \"hi\"")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aB3dE5gH7jK9mN1pQ3sT")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("sk-ant-abc")]
    [InlineData("line\u2028break")]
    public void Unknown_id_is_quoted_as_DisplayText_quotes_it(string id)
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiProviderIds.Parse(id));

        Assert.StartsWith($"Unknown provider id {DisplayText.Quote(id)};", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_unknown_id_up_to_32_characters_is_quoted_as_DisplayText_quotes_it()
    {
        Gen.OneOf(Alphabet).Array[0, 32].Select(chars => new string(chars))
            .Where(id => !ApiProviderIds.TryParse(id, out _))
            .Sample(id =>
            {
                var message = Assert.Throws<ArgumentException>(() => { ApiProviderIds.Parse(id); }).Message;
                return message.StartsWith($"Unknown provider id {DisplayText.Quote(id)};", StringComparison.Ordinal);
            }, iter: 5_000);
    }
}
