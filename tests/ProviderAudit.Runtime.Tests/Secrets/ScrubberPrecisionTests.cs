using System.Text;
using System.Text.Json;

namespace ProviderAudit.Runtime.Tests;

/// <summary>
/// The scrubber removes secrets, their encodings and token-shaped strings, and nothing else: variable and header names
/// and ordinary words survive even when a secret contains them.
/// </summary>
public class ScrubberPrecisionTests
{
    private const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYzz";

    private static string Scrub(string text, params (string, string)[] env) => SecretScrubber.Scrub(text, TestEnv.Of(env));

    [Fact]
    public void A_header_name_inside_a_malformed_custom_header_secret_stays_readable()
    {
        // "x-api-key=…" has no colon: the whole line is taken for a credential, but messages naming x-api-key stay whole.
        var scrubbed = Scrub("The gateway rejected x-api-key; ANTHROPIC_CUSTOM_HEADERS line 1 is not a header.",
            ("ANTHROPIC_CUSTOM_HEADERS", "x-api-key=sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx0123"));
        Assert.Equal("The gateway rejected x-api-key; ANTHROPIC_CUSTOM_HEADERS line 1 is not a header.", scrubbed);
    }

    [Fact]
    public void Variable_names_a_secret_happens_to_contain_stay_readable()
    {
        var scrubbed = Scrub("Set AWS_PROFILE or AWS_REGION.", ("AWS_SESSION_TOKEN", "AWS_PROFILE=dev;FwoGZXIvYXdzEAbc123Def456"));
        Assert.Equal("Set AWS_PROFILE or AWS_REGION.", scrubbed);
    }

    [Fact]
    public void Ordinary_custom_header_values_are_not_secrets()
    {
        var env = ("ANTHROPIC_CUSTOM_HEADERS", "X-Team: research-platform\nanthropic-beta: context-1m-2025-08-07");
        Assert.Equal("team research-platform, beta context-1m-2025-08-07", Scrub("team research-platform, beta context-1m-2025-08-07", env));
    }

    [Fact]
    public void A_credential_header_value_is_a_secret_with_and_without_its_scheme()
    {
        var env = ("ANTHROPIC_CUSTOM_HEADERS", "Proxy-Authorization: Basic dXNlcjpwYXNzd29yZDEyMzQ1Ng==");
        var scrubbed = Scrub("sent dXNlcjpwYXNzd29yZDEyMzQ1Ng== to the proxy", env);
        Assert.DoesNotContain("dXNlcjpw", scrubbed, StringComparison.Ordinal);
        Assert.Contains("to the proxy", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_a_passphrase_made_of_words_is_removed()
    {
        const string passphrase = "correct-horse-battery-staple-orange-tiger";
        var scrubbed = Scrub($"AWS_REGION=\"{passphrase[..30]}…\" is not a region", ("ANTHROPIC_AWS_API_KEY", passphrase));
        Assert.DoesNotContain("horse-battery", scrubbed, StringComparison.Ordinal);
        Assert.Contains("is not a region", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_model_ids_paths_and_workspace_ids_stay_readable()
    {
        const string text = "us-west-2 claude-sonnet-4-5-20250929 /tmp/pa-tx-3f9a8b7c6d5e/.aws/credentials wrkspc_01TestWorkspace req_emulator_12";
        Assert.Equal(text, Scrub(text, ("AWS_SECRET_ACCESS_KEY", AwsSecret)));
    }

    [Theory]
    [InlineData("hvs.CAESIJlWh3Kx9zQ2mN8pR4tY6uB1vC7xZ0aS5dF3gH2jK9lL")]
    [InlineData("ghp_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("gho_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrSt")]
    [InlineData("xoxp-1234567890-0987654321-AbCdEfGhIjKlMnOpQrSt")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ASIAQWERTYUIOPASDFGH")]
    [InlineData("sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")]
    [InlineData("3vQ8mK2xN7pR4tY6uH9jL1wZ5cB0aS3dF8gE2hT6kM4nP7q")] // a 1Password CLI session: no prefix, only randomness
    public void Token_shaped_strings_go_even_when_nothing_names_them(string token)
    {
        var scrubbed = Scrub($"credential_process failed: error: invalid token {token} (code 1)");
        Assert.DoesNotContain(token, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(token[4..12], scrubbed, StringComparison.Ordinal);
        Assert.StartsWith("credential_process failed: error: invalid token ", scrubbed, StringComparison.Ordinal);
        Assert.EndsWith(" (code 1)", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bearer_token_goes_wherever_it_appears()
    {
        var scrubbed = Scrub("curl -H 'Authorization: Bearer op-session-Zm9vYmFyYmF6cXV4' failed");
        Assert.DoesNotContain("Zm9vYmFyYmF6cXV4", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_key_ids_shorter_than_real_ones_are_not_taken_for_keys()
    {
        Assert.Equal("key AKIDEXAMPLE signed", Scrub("key AKIDEXAMPLE signed"));
    }

    [Fact]
    public void A_known_secret_goes_in_base64_url_and_json_encodings_too()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(AwsSecret));
        var url = Uri.EscapeDataString(AwsSecret);
        var json = JsonEncodedText.Encode(AwsSecret).Value;
        var scrubbed = Scrub($"b64 {base64} url {url} json {json}", ("AWS_SECRET_ACCESS_KEY", AwsSecret));
        Assert.DoesNotContain(base64[..12], scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(url[..12], scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(json[..12], scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-api-key")]
    [InlineData("AWS_PROFILE")]
    [InlineData("Authorization")]
    [InlineData("anthropic-workspace-id")]
    [InlineData("us-west-2")]
    public void Names_are_ordinary_words(string name) => Assert.True(SecretScrubber.IsOrdinaryWord(name));

    [Theory]
    [InlineData("wJalrXUtnFEMI")]
    [InlineData("gw-token-9f8e7d6c5b4a")]
    [InlineData("api03-AbCd")]
    public void Pieces_of_keys_are_not_ordinary_words(string piece) => Assert.False(SecretScrubber.IsOrdinaryWord(piece));
}
