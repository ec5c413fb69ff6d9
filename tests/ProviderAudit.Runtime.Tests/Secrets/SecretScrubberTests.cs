namespace ProviderAudit.Runtime.Tests;

/// <summary>The one scrubber: every form a known secret can take in a message, and the shapes that are secrets anywhere.</summary>
public class SecretScrubberTests
{
    private const string Key = "sk-ant-api03-Q7wZ3xV9mK2pL5nB8cR4tY6uH3jK8mN2pQ5rT7vX9zB4cD6fG1hJ0kL";
    private const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYzz";

    private static readonly Dictionary<string, string> Env = TestEnv.Of(("ANTHROPIC_API_KEY", Key), ("AWS_SECRET_ACCESS_KEY", AwsSecret));

    [Fact]
    public void A_whole_secret_becomes_its_redacted_form()
    {
        Assert.Equal($"key {Secret.Redact(AwsSecret)} end", SecretScrubber.Scrub($"key {AwsSecret} end", Env));
    }

    [Fact]
    public void A_cut_excerpt_of_a_secret_is_removed()
    {
        // What a message quoting the first 64 characters of a longer value shows.
        var excerpt = AwsSecret[..30];
        var scrubbed = SecretScrubber.Scrub($"AWS_REGION=\"{excerpt}…\" is not a region", Env);
        Assert.DoesNotContain(AwsSecret[..SecretScrubber.FragmentLength], scrubbed, StringComparison.Ordinal);
        Assert.StartsWith("AWS_REGION=\"…", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_with_control_characters_is_removed_in_its_escaped_form_too()
    {
        var pasted = AwsSecret[..20] + "\n" + AwsSecret[20..];
        var env = TestEnv.Of(("AWS_SECRET_ACCESS_KEY", pasted));
        var scrubbed = SecretScrubber.Scrub($"value \"{AwsSecret[..20]}\\n{AwsSecret[20..]}\"", env);
        Assert.DoesNotContain(AwsSecret[..SecretScrubber.FragmentLength], scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsSecret[^SecretScrubber.FragmentLength..], scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_copy_of_a_secret_held_with_a_line_break_is_removed()
    {
        var env = TestEnv.Of(("AWS_SECRET_ACCESS_KEY", AwsSecret[..20] + "\r\n" + AwsSecret[20..]));
        Assert.DoesNotContain(AwsSecret[16..24], SecretScrubber.Scrub($"x {AwsSecret} y", env), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_copy_of_a_secret_held_with_an_invisible_character_is_removed()
    {
        var env = TestEnv.Of(("ANTHROPIC_FOUNDRY_API_KEY", AwsSecret[..20] + "\u202e" + AwsSecret[20..]));
        Assert.DoesNotContain(AwsSecret[16..24], SecretScrubber.Scrub($"x {AwsSecret[10..30]} y", env), StringComparison.Ordinal);
    }

    [Fact]
    public void An_Anthropic_key_is_removed_wherever_it_appears_even_split_by_an_escaped_control_character()
    {
        var text = "profile \"sk-ant-api03-AbCdEfGhIjKlMn\\u0007OpQrStUvWxYz0123456789\" not found";
        var scrubbed = SecretScrubber.Scrub(text, TestEnv.Of());
        Assert.DoesNotContain("AbCdEfGh", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("OpQrStUv", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_fields_of_exported_AWS_credentials_are_redacted()
    {
        var scrubbed = SecretScrubber.Scrub("{\"SecretAccessKey\": \"abcdEFGH1234ijklMNOP\"} aws_session_token = QRSTuvwx5678yzAB", TestEnv.Of());
        Assert.DoesNotContain("abcdEFGH", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("QRSTuvwx", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_header_values_are_secrets_and_header_names_are_not()
    {
        var env = TestEnv.Of(("ANTHROPIC_CUSTOM_HEADERS", "Authorization: Bearer gw-token-9f8e7d6c5b4a\nX-Team: research-platform"));
        var scrubbed = SecretScrubber.Scrub("headers Authorization and X-Team; token gw-token-9f8e7d6c5b4a", env);
        Assert.Contains("Authorization", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("9f8e7d6c", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_leave_the_scrubber_escaped()
    {
        Assert.Equal("line\\nReady: yes\\u0007", SecretScrubber.Scrub("line\nReady: yes\u0007", TestEnv.Of()));
    }

    [Fact]
    public void Every_credential_variable_is_on_the_one_list()
    {
        foreach (var name in new[]
                 {
                     "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_CUSTOM_HEADERS", "ANTHROPIC_AWS_API_KEY",
                     "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK",
                     "ANTHROPIC_FOUNDRY_API_KEY", "AZURE_CLIENT_SECRET",
                 })
        {
            Assert.Contains(name, SecretScrubber.SecretVariables);
        }
    }

    [Fact]
    public void Short_values_are_not_treated_as_secrets()
    {
        // "1" or "true" in a credential variable must not erase every 1 and true from messages.
        Assert.Equal("set 1 and true", SecretScrubber.Scrub("set 1 and true", TestEnv.Of(("ANTHROPIC_API_KEY", "true"), ("AWS_SESSION_TOKEN", "1"))));
    }
}
