namespace ProviderAudit.Runtime.Tests;

/// <summary>How a value from the environment is quoted in a message.</summary>
public class DisplayTextTests
{
    [Fact]
    public void Control_characters_and_quotes_are_escaped()
    {
        Assert.Equal("\"us-west-2\\r\\nHost: x\\u0007\\\"\"", DisplayText.Quote("us-west-2\r\nHost: x\u0007\""));
    }

    [Fact]
    public void Invisible_format_characters_are_escaped()
    {
        Assert.Equal("\"wrkspc_\\u202e01\\u200b\"", DisplayText.Quote("wrkspc_\u202e01\u200b"));
    }

    [Fact]
    public void Long_values_are_cut_at_64_characters()
    {
        var quoted = DisplayText.Quote(new string('a', 100));
        Assert.Equal("\"" + new string('a', DisplayText.MaxQuotedLength) + "…\"", quoted);
    }

    [Theory]
    [InlineData("sk-ant-api03-abcdefghijklmnop")]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("FwoGZXIvYXdzEJr//////////wEaDExampleSessionToken0123")]
    [InlineData("3f9a2b7c4d1e8f6a5b0c9d2e7f4a1b8c")]
    [InlineData("region us-west-2 then sk-ant-oat01-xyz")]
    public void Values_that_look_like_credentials_are_not_quoted(string value)
    {
        Assert.Equal(DisplayText.HiddenCredential, DisplayText.Quote(value));
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("https://gateway.example.com/anthropic")]
    [InlineData("my-sso-profile")]
    [InlineData("anthropic.claude-opus-4-5-20251101-v1:0")]
    [InlineData("wrkspc_01AbCdEf")]
    [InlineData("/home/user/.aws/credentials")]
    public void Ordinary_values_are_quoted(string value)
    {
        Assert.Equal($"\"{value}\"", DisplayText.Quote(value));
    }
}
