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
    public Task HeaderInTheGuardedBranchMeansAuthTransportAndTheMessageSaysSo()
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
    public async Task ModelIdStringInTheGuardedBranchMeansModelIdFormat()
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
    public async Task CatalogIdentifierMeansModelIdFormat()
    {
        var diagnostic = await SingleAsync("""
            public int Count(ApiProvider p) => p == ApiProvider.FirstParty ? catalog.Count : 0;
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task BaseUrlInTheElseBranchMeansAuthTransport()
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
    public async Task BothSignalsMakeTheCheckAmbiguousAndTheMessageNamesBoth()
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
    public async Task NeitherSignalMakesTheCheckAmbiguous()
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
    public async Task SwitchSectionStatementsDecideTheConcernOfACaseLabel()
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
    public async Task SwitchExpressionArmDecidesTheConcernOfItsPattern()
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
    public async Task RestOfTheLogicalExpressionDecidesTheConcern()
    {
        var diagnostic = await SingleAsync("""
            public bool NeedsKey(ApiProvider p, string? apiKey) => p == ApiProvider.FirstParty && apiKey is null;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task EnclosingMemberNameDecidesWhenTheGuardedCodeSaysNothing()
    {
        var diagnostic = await SingleAsync("""
            public bool UsesOAuthLogin(ApiProvider p) => p == ApiProvider.FirstParty;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
        Assert.Contains("is in member 'UsesOAuthLogin'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task VariableNameDecidesWhenTheCheckIsStored()
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
    public async Task ConnectAnthropicLoginMeansAuthTransport()
    {
        var diagnostic = await SingleAsync("""
            public string? Action(ApiProvider p) => p == ApiProvider.FirstParty ? "Connect Anthropic" : null;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task HttpClientMeansAuthTransport()
    {
        var diagnostic = await SingleAsync("""
            public HttpClient? Client(ApiProvider p) => p is ApiProvider.FirstParty ? new HttpClient() : null;
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task CancellationTokenIsNotATransportSignal()
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
    public async Task SecretLookingStringsAreNeverQuotedInTheMessage()
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
    public async Task StatementsAfterAnEarlyReturnAreTheOtherBranch()
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
    public async Task SiblingSubpatternsArePartOfTheCondition()
    {
        var diagnostic = await SingleAsync("""
            public sealed record Session(ApiProvider Provider, bool HasOAuthToken);
            public bool Check(Session s) => s is { Provider: ApiProvider.FirstParty, HasOAuthToken: false };
            """);

        Assert.Equal(Concerns.AuthTransport, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task WhatAPredicateFiltersDecidesTheConcern()
    {
        var diagnostic = await SingleAsync("""
            public IEnumerable<string> Visible(ApiProvider p) => catalog.FindAll(m => p == ApiProvider.FirstParty);
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task WhatAQueryReadsDecidesTheConcern()
    {
        var diagnostic = await SingleAsync("""
            public IEnumerable<string> Visible(ApiProvider p) => from model in catalog where p == ApiProvider.FirstParty select model;
            """);

        Assert.Equal(Concerns.ModelIdFormat, ConcernOf(diagnostic));
    }

    [Fact]
    public async Task AnthropicPrefixedTextThatIsNotAHeaderIsNoSignal()
    {
        var diagnostic = await SingleAsync("""
            public string Channel(ApiProvider p) => Equals(p, ApiProvider.FirstParty) ? "anthropic-console" : "marketplace";
            """);

        Assert.Equal(Concerns.Ambiguous, ConcernOf(diagnostic));
    }
}
