using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>The runtime namespace import, comments and layout around rewritten code.</summary>
public class UsingAndTriviaTests
{
    [Fact]
    public Task Missing_using_is_added_in_sorted_position() => Verify.FixAsync(
        """
        using System;
        using Zeta = System.String;

        class C
        {
            bool M(ProviderAudit.Runtime.ApiProvider provider) => {|PA0001:provider == ProviderAudit.Runtime.ApiProvider.FirstParty|};
        }
        """,
        """
        using System;
        using ProviderAudit.Runtime;
        using Zeta = System.String;

        class C
        {
            bool M(ProviderAudit.Runtime.ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
        }
        """,
        Verify.ModelId);

    [Fact]
    public Task Using_is_added_below_the_file_header_when_there_are_no_usings() => Verify.FixAsync(
        """
        // Copyright (c) ProviderAudit contributors

        class C
        {
            bool M(ProviderAudit.Runtime.ApiProvider provider) => {|PA0001:provider != ProviderAudit.Runtime.ApiProvider.FirstParty|};
        }
        """,
        """
        // Copyright (c) ProviderAudit contributors

        using ProviderAudit.Runtime;

        class C
        {
            bool M(ProviderAudit.Runtime.ApiProvider provider) => !provider.AuthTransport().IsFirstParty;
        }
        """,
        Verify.AuthTransport);

    [Fact]
    public Task Using_goes_inside_the_namespace_when_that_is_where_usings_live() => Verify.FixAsync(
        """
        namespace App
        {
            using System;

            class C
            {
                bool M(ProviderAudit.Runtime.ApiProvider provider) => {|PA0001:provider == ProviderAudit.Runtime.ApiProvider.FirstParty|};
            }
        }
        """,
        """
        namespace App
        {
            using System;
            using ProviderAudit.Runtime;

            class C
            {
                bool M(ProviderAudit.Runtime.ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
            }
        }
        """,
        Verify.ModelId);

    [Fact]
    public async Task Global_using_elsewhere_means_no_new_using()
    {
        var test = new FixTest { CodeActionEquivalenceKey = Verify.ModelId };
        test.TestState.Sources.Add(("Usings.cs", "global using ProviderAudit.Runtime;\n"));
        test.TestState.Sources.Add(("C.cs", "class C\n{\n    bool M(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};\n}\n"));
        test.FixedState.Sources.Add(("Usings.cs", "global using ProviderAudit.Runtime;\n"));
        test.FixedState.Sources.Add(("C.cs", "class C\n{\n    bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;\n}\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task Comments_on_dropped_tokens_move_behind_the_new_check() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            string M(ApiProvider provider)
            {
                // Only the direct API takes Anthropic keys.
                if ({|PA0001:provider == /* legacy */ ApiProvider.FirstParty|}) // first-party only
                {
                    return "x-api-key";
                }

                return "sigv4";
            }
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            string M(ApiProvider provider)
            {
                // Only the direct API takes Anthropic keys.
                if (provider.AuthTransport().IsFirstParty /* legacy */) // first-party only
                {
                    return "x-api-key";
                }

                return "sigv4";
            }
        }
        """,
        Verify.AuthTransport);

    [Fact]
    public Task Switch_comments_and_layout_are_kept() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            string M(ApiProvider provider)
            {
                switch (provider)
                {
                    // The direct API.
                    {|PA0001:case ApiProvider.FirstParty:|} // api.anthropic.com
                        return "x-api-key";
                    default:
                        return "sigv4";
                }
            }

            string N(ApiProvider provider) => provider switch
            {
                // The direct API.
                {|PA0001:ApiProvider.FirstParty|} /* api.anthropic.com */ => "x-api-key", // header
                _ => "sigv4",
            };
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            string M(ApiProvider provider)
            {
                switch (provider)
                {
                    // The direct API.
                    case var p when p.AuthTransport().IsFirstParty: // api.anthropic.com
                        return "x-api-key";
                    default:
                        return "sigv4";
                }
            }

            string N(ApiProvider provider) => provider switch
            {
                // The direct API.
                var p when p.AuthTransport().IsFirstParty /* api.anthropic.com */ => "x-api-key", // header
                _ => "sigv4",
            };
        }
        """,
        Verify.AuthTransport);
}
