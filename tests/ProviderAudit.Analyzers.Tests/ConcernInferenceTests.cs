using Microsoft.CodeAnalysis;
using static ProviderAudit.Analyzers.Tests.AuditVerifier;
using Concerns = ProviderAudit.Analyzers.DiagnosticContract.Concerns;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>Each PA0001 says which capability the check guards, inferred from the code it controls.</summary>
public sealed class ConcernInferenceTests
{
    private static string InClass(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using ProviderAudit.Runtime;

        public sealed class Code
        {
            private readonly Dictionary<string, string> headers = new();
            private readonly List<string> catalog = new();
            private string modelId = "";
            private string baseUrl = "";

        {{members}}
        }
        """;

    private static async Task<Diagnostic> SingleAsync(string members)
    {
        var run = await AuditRun.OfAsync(InClass(members));
        Assert.Empty(run.AnalyzerExceptions);
        return run.Single();
    }

    private static string ConcernOf(Diagnostic diagnostic) => diagnostic.Properties[DiagnosticContract.ConcernProperty] ?? "missing";

    [Fact]
    public Task Header_in_the_guarded_branch_means_AuthTransport_and_the_message_says_so()
        => VerifyAsync(
            InClass("""
                public void Send(ApiProvider p)
                {
                    if ({|#0:p == ApiProvider.FirstParty|}) { headers["x-api-key"] = "key"; }
                }
            """),
            PA0001().WithLocation(0).WithArguments(
                "ApiProvider.FirstParty",
                "guards auth/endpoint logic (uses header 'x-api-key')",
                "ask provider.AuthTransport().IsFirstParty"));

    [Fact]
    public async Task Model_id_string_in_the_guarded_branch_means_ModelIdFormat()
    {
        var diagnostic = await SingleAsync("""
            public void Pick(ApiProvider p)
            {
                if (p == ApiProvider.FirstParty) { modelId = "claude-sonnet-4-6"; }
            }
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
        Assert.Contains("guards model-id logic (uses model id 'claude-sonnet-4-6')", diagnostic.GetMessage());
        Assert.Contains("ask provider.ModelIdFormat().IsFirstParty", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Catalog_identifier_means_ModelIdFormat()
    {
        var diagnostic = await SingleAsync("""
            public int Count(ApiProvider p) => p == ApiProvider.FirstParty ? catalog.Count : 0;
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Base_url_in_the_else_branch_means_AuthTransport()
    {
        var diagnostic = await SingleAsync("""
            public void Route(ApiProvider p)
            {
                if (p != ApiProvider.FirstParty) { } else { baseUrl = "x"; }
            }
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("uses 'baseUrl'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Both_signals_make_the_check_ambiguous_and_the_message_names_both()
    {
        var diagnostic = await SingleAsync("""
            public void Both(ApiProvider p)
            {
                if (p == ApiProvider.FirstParty) { modelId = "claude-opus-4-1"; headers["authorization"] = "x"; }
            }
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
        Assert.Contains("guards both model-id logic (uses model id 'claude-opus-4-1') and auth/endpoint logic (uses header 'authorization')", diagnostic.GetMessage());
        Assert.Contains("decide which one this check means", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Neither_signal_makes_the_check_ambiguous()
    {
        var diagnostic = await SingleAsync("""
            public int Neither(ApiProvider p)
            {
                if (p == ApiProvider.FirstParty) { return 1; }
                return 2;
            }
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
        Assert.Contains("names neither model ids nor auth/endpoints", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Switch_section_statements_decide_the_concern_of_a_case_label()
    {
        var diagnostic = await SingleAsync("""
            public void Section(ApiProvider p)
            {
                switch (p)
                {
                    case ApiProvider.FirstParty:
                        headers["anthropic-version"] = "2023-06-01";
                        break;
                    default:
                        modelId = "claude-haiku-4-5";
                        break;
                }
            }
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("uses header 'anthropic-version'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Switch_expression_arm_decides_the_concern_of_its_pattern()
    {
        var diagnostic = await SingleAsync("""
            public string Arm(ApiProvider p) => p switch
            {
                ApiProvider.FirstParty => "claude-sonnet-4-6",
                _ => "https://example.invalid",
            };
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Rest_of_the_logical_expression_decides_the_concern()
    {
        var diagnostic = await SingleAsync("""
            public bool NeedsKey(ApiProvider p, string? apiKey) => p == ApiProvider.FirstParty && apiKey is null;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Enclosing_member_name_decides_when_the_guarded_code_says_nothing()
    {
        var diagnostic = await SingleAsync("""
            public bool UsesOAuthLogin(ApiProvider p) => p == ApiProvider.FirstParty;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("is in member 'UsesOAuthLogin'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Variable_name_decides_when_the_check_is_stored()
    {
        var diagnostic = await SingleAsync("""
            public void Store(ApiProvider p)
            {
                var supportsModelAliases = p == ApiProvider.FirstParty;
            }
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Connect_Anthropic_login_means_AuthTransport()
    {
        var diagnostic = await SingleAsync("""
            public string? Action(ApiProvider p) => p == ApiProvider.FirstParty ? "Connect Anthropic" : null;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Http_client_means_AuthTransport()
    {
        var diagnostic = await SingleAsync("""
            public HttpClient? Client(ApiProvider p) => p is ApiProvider.FirstParty ? new HttpClient() : null;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Cancellation_token_is_not_a_transport_signal()
    {
        var diagnostic = await SingleAsync("""
            public void Wait(ApiProvider p, CancellationToken cancellationToken)
            {
                if (p == ApiProvider.FirstParty) { cancellationToken.ThrowIfCancellationRequested(); }
            }
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Secret_looking_strings_are_never_quoted_in_the_message()
    {
        var diagnostic = await SingleAsync("""
            public void Secret(ApiProvider p)
            {
                if (p == ApiProvider.FirstParty) { headers["authorization"] = "Bearer sk-ant-api03-abcdefghijkl"; }
            }
            """);

        Assert.DoesNotContain("sk-ant", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Statements_after_an_early_return_are_the_other_branch()
    {
        var diagnostic = await SingleAsync("""
            public void Early(ApiProvider p)
            {
                if (p != ApiProvider.FirstParty) { return; }
                headers["x-api-key"] = "key";
            }
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Sibling_subpatterns_are_part_of_the_condition()
    {
        var diagnostic = await SingleAsync("""
            public sealed record Session(ApiProvider Provider, bool HasOAuthToken);
            public bool Check(Session s) => s is { Provider: ApiProvider.FirstParty, HasOAuthToken: false };
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task What_a_predicate_filters_decides_the_concern()
    {
        var diagnostic = await SingleAsync("""
            public IEnumerable<string> Visible(ApiProvider p) => catalog.FindAll(m => p == ApiProvider.FirstParty);
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task What_a_query_reads_decides_the_concern()
    {
        var diagnostic = await SingleAsync("""
            public IEnumerable<string> Visible(ApiProvider p) => from model in catalog where p == ApiProvider.FirstParty select model;
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task Anthropic_prefixed_text_that_is_not_a_header_is_no_signal()
    {
        var diagnostic = await SingleAsync("""
            public string Channel(ApiProvider p) => Equals(p, ApiProvider.FirstParty) ? "anthropic-console" : "marketplace";
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }
}
