using Microsoft.CodeAnalysis;
using Concerns = ProviderAudit.Analyzers.DiagnosticContract.Concerns;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// Concern inference on real code: the guarded code often names a constant, a <c>static readonly</c> field or an
/// auto-property instead of writing the URL or header itself; their values are read one level deep. And words that
/// contain "token" without being an auth token — pagination cursors, usage counts — are no transport signal.
/// </summary>
public sealed class FollowedValueConcernTests
{
    private static async Task<Diagnostic> SingleAsync(string members, string? otherFile = null)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using ProviderAudit.Runtime;

            public sealed class Code
            {
            {{members}}
            }
            """ + (otherFile ?? string.Empty);
        var run = await AuditRun.OfAsync(source);
        Assert.Empty(run.AnalyzerExceptions);
        return run.Single();
    }

    private static string ConcernOf(Diagnostic diagnostic) => diagnostic.Properties[DiagnosticContract.ConcernProperty] ?? "missing";

    [Fact]
    public async Task Constant_holding_the_FirstParty_url_makes_the_check_about_the_endpoint()
    {
        // The real-world case: an ambiguous fix would have sent Claude Platform on AWS to api.anthropic.com.
        var diagnostic = await SingleAsync("""
                private const string BaseDomain = "https://api.anthropic.com/";
                private const string GatewayDomain = "https://gateway.example/";
                public string Domain(ApiProvider p) => p == ApiProvider.FirstParty ? BaseDomain : GatewayDomain;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("guards auth/endpoint logic (uses an endpoint URL through 'BaseDomain')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constant_of_another_class_is_followed()
    {
        var diagnostic = await SingleAsync(
            """
                public string Path(ApiProvider p) => p == ApiProvider.FirstParty ? Routes.Messages : Routes.Invoke;
            """,
            """

            public static class Routes
            {
                public const string Messages = "/v1/messages";
                public const string Invoke = "/model/invoke";
            }
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("uses an API path through 'Messages'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_constant_is_followed()
    {
        var diagnostic = await SingleAsync("""
                public string Header(ApiProvider p)
                {
                    const string KeyHeader = "x-api-key";
                    return p == ApiProvider.FirstParty ? KeyHeader : "none";
                }
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("uses header 'x-api-key' through 'KeyHeader'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_readonly_field_initializer_is_followed()
    {
        var diagnostic = await SingleAsync("""
                private static readonly Uri Api = new Uri("https://api.anthropic.com");
                public Uri Target(ApiProvider p, Uri gateway) => p == ApiProvider.FirstParty ? Api : gateway;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Auto_property_initializer_is_followed()
    {
        var diagnostic = await SingleAsync("""
                public static string AuthHeaderName { get; } = "Authorization";
                public string Name(ApiProvider p) => p != ApiProvider.FirstParty ? AuthHeaderName : "x-api-key";
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Followed_model_id_makes_the_check_about_model_ids()
    {
        var diagnostic = await SingleAsync("""
                private static readonly string DefaultId = "claude-sonnet-4-6";
                public string Pick(ApiProvider p, string other) => p == ApiProvider.FirstParty ? DefaultId : other;
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
        Assert.Contains("uses model id 'claude-sonnet-4-6' through 'DefaultId'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_one_level_is_followed()
    {
        // Inner's value is two names away: the check guards code that says nothing itself.
        var diagnostic = await SingleAsync("""
                private static readonly string Inner = "https://api.anthropic.com";
                private static readonly string Outer = Inner;
                public string Pick(ApiProvider p, string other) => p == ApiProvider.FirstParty ? Outer : other;
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Mutable_field_is_not_followed()
    {
        var diagnostic = await SingleAsync("""
                private static string current = "https://api.anthropic.com";
                public string Pick(ApiProvider p, string other) => p == ApiProvider.FirstParty ? current : other;
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Followed_secret_looking_values_are_never_quoted()
    {
        var diagnostic = await SingleAsync("""
                private const string Key = "Bearer sk-ant-api03-abcdefghijkl";
                public string Auth(ApiProvider p) => p == ApiProvider.FirstParty ? Key : "";
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.DoesNotContain("sk-ant", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PageToken")]
    [InlineData("NextToken")]
    [InlineData("nextPageToken")]
    [InlineData("ContinuationToken")]
    [InlineData("continuation_token")]
    [InlineData("cursor")]
    [InlineData("MaxTokens")]
    [InlineData("InputTokens")]
    [InlineData("OutputTokens")]
    [InlineData("max_tokens")]
    [InlineData("TotalTokens")]
    [InlineData("TokenCount")]
    [InlineData("tokenLimit")]
    [InlineData("CancellationTokenSource")]
    [InlineData("SyntaxToken")]
    public async Task Pagination_and_usage_words_are_no_transport_signal(string name)
    {
        var diagnostic = await SingleAsync($$"""
                public void Page(ApiProvider p, Dictionary<string, object> request, object {{name}})
                {
                    if (p == ApiProvider.FirstParty) { request["x"] = {{name}}; }
                }
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }

    [Theory]
    [InlineData("\"page_token\"")]
    [InlineData("\"nextPageToken\"")]
    [InlineData("\"max_tokens\"")]
    [InlineData("\"input_tokens\"")]
    [InlineData("\"cache_read_input_tokens\"")]
    public async Task Pagination_and_usage_strings_are_no_transport_signal(string literal)
    {
        var diagnostic = await SingleAsync($$"""
                public void Page(ApiProvider p, Dictionary<string, object> request)
                {
                    if (p == ApiProvider.FirstParty) { request[{{literal}}] = 1; }
                }
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }

    [Theory]
    [InlineData("AccessToken")]
    [InlineData("authToken")]
    [InlineData("OAuthToken")]
    [InlineData("token")]
    [InlineData("RefreshToken")]
    [InlineData("SessionToken")]
    public async Task Auth_tokens_stay_transport_signals(string name)
    {
        var diagnostic = await SingleAsync($$"""
                public void Auth(ApiProvider p, Dictionary<string, object> request, object {{name}})
                {
                    if (p == ApiProvider.FirstParty) { request["x"] = {{name}}; }
                }
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Theory]
    [InlineData("\"x-api-key\"", "uses header 'x-api-key'")]
    [InlineData("\"Authorization\"", "uses header 'Authorization'")]
    [InlineData("\"/v1/messages\"", "uses an API path")]
    [InlineData("\"https://api.anthropic.com/v1/complete\"", "uses an endpoint URL")]
    public async Task Header_names_paths_and_urls_are_transport_signals(string literal, string reason)
    {
        var diagnostic = await SingleAsync($$"""
                public string Value(ApiProvider p) => p == ApiProvider.FirstParty ? {{literal}} : "";
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
