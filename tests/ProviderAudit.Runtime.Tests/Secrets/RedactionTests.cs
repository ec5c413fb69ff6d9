namespace ProviderAudit.Runtime.Tests;

public class RedactionTests
{
    [Fact]
    public void Secret_redacts_to_first_three_and_last_four_characters()
    {
        Assert.Equal("sk-…abcd", Secret.Redact("sk-ant-api03-0123456789abcd"));
        Assert.Equal("sk-…abcd", new Secret("sk-ant-api03-0123456789abcd").ToString());
        Assert.Equal("sk-…abcd", $"{new Secret("sk-ant-api03-0123456789abcd")}");
    }

    [Fact]
    public void Short_secret_redacts_to_an_ellipsis_only()
    {
        Assert.Equal("…", Secret.Redact("short-key"));
    }

    [Fact]
    public void Secret_reveals_its_value_only_on_request()
    {
        Assert.Equal("sk-ant-api03-0123456789abcd", new Secret("sk-ant-api03-0123456789abcd").Reveal());
    }

    [Fact]
    public void Status_never_shows_any_secret_value()
    {
        var env = TestEnv.CpaWithProfile()
            .With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey)
            .With("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
            .With("AWS_SECRET_ACCESS_KEY", TestEnv.AwsSecret)
            .With("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue")
            .With("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)
            .With("ANTHROPIC_AUTH_TOKEN", "oauth-token-SECRET-value-9876");
        foreach (var check in new IRequestTransportCheck?[] { null, new TestEnv.AlwaysAvailable() })
        {
            var status = TestEnv.Status(env, check: check);
            foreach (var text in TestEnv.AllText(status))
            {
                foreach (var secret in new[] { TestEnv.CpaKey, TestEnv.AwsSecret, "FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue", TestEnv.FirstPartyKey, "oauth-token-SECRET-value-9876" })
                {
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                    Assert.DoesNotContain(secret[3..^4], text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void CPA_status_shows_the_API_key_only_in_redacted_form()
    {
        var env = TestEnv.CpaWithProfile().Without("AWS_PROFILE").With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey);
        var auth = TestEnv.Status(env).Details.Single(d => d.Key == "auth").Value;
        Assert.Contains(Secret.Redact(TestEnv.CpaKey), auth, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnv.CpaKey, auth, StringComparison.Ordinal);
    }

    [Fact]
    public void First_party_status_shows_the_API_key_only_in_redacted_form()
    {
        var status = TestEnv.Status(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey)));
        Assert.Contains(status.Details, d => d.Value.Contains("sk-…abcd", StringComparison.Ordinal));
        Assert.DoesNotContain(TestEnv.AllText(status), t => t.Contains(TestEnv.FirstPartyKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_pasted_into_a_non_secret_variable_is_scrubbed_from_messages()
    {
        // The workspace id is echoed in its error message; a CPA key pasted there must still not appear.
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey).With("ANTHROPIC_AWS_WORKSPACE_ID", TestEnv.CpaKey + " ");
        var status = TestEnv.Status(env);
        Assert.False(status.Ready);
        Assert.DoesNotContain(TestEnv.AllText(status), t => t.Contains(TestEnv.CpaKey, StringComparison.Ordinal));
    }

    [Fact]
    public void CPA_settings_ToString_redacts_the_API_key()
    {
        var env = TestEnv.CpaWithProfile().With("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey);
        var text = ClaudePlatformAwsSettings.Read(TestEnv.Inputs(env)).ToString();
        Assert.DoesNotContain(TestEnv.CpaKey, text, StringComparison.Ordinal);
        Assert.Contains(Secret.Redact(TestEnv.CpaKey), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_settings_ToString_shows_env_names_but_not_values()
    {
        var settings = new HostSettings(env: TestEnv.Of(("ANTHROPIC_AWS_API_KEY", TestEnv.CpaKey)));
        Assert.Contains("ANTHROPIC_AWS_API_KEY", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnv.CpaKey, settings.ToString(), StringComparison.Ordinal);
    }
}
