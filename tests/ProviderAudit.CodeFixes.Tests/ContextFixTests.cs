using Microsoft.CodeAnalysis;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

/// <summary>The same rewrite wherever the check sits and however the member is spelled.</summary>
public class ContextFixTests
{
    [Fact]
    public Task Using_static_member_is_rewritten() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;
        using static ProviderAudit.Runtime.ApiProvider;

        class C
        {
            bool M(ApiProvider provider) => {|PA0001:provider == FirstParty|};
        }
        """,
        """
        using ProviderAudit.Runtime;
        using static ProviderAudit.Runtime.ApiProvider;

        class C
        {
            bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
        }
        """,
        Verify.ModelId);

    [Fact]
    public Task Aliased_enum_is_rewritten_and_the_namespace_imported() => Verify.FixAsync(
        """
        using Provider = ProviderAudit.Runtime.ApiProvider;

        class C
        {
            bool M(Provider provider) => {|PA0001:provider != Provider.FirstParty|};
        }
        """,
        """
        using ProviderAudit.Runtime;
        using Provider = ProviderAudit.Runtime.ApiProvider;

        class C
        {
            bool M(Provider provider) => !provider.AuthTransport().IsFirstParty;
        }
        """,
        Verify.AuthTransport);

    [Fact]
    public Task Boxed_is_pattern_is_type_tested_first() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            bool M(object value) => {|PA0001:value is ApiProvider.FirstParty|};
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            bool M(object value) => value is ApiProvider p && p.ModelIdFormat().IsFirstParty;
        }
        """,
        Verify.ModelId);

    [Fact]
    public Task Field_initializer_and_property_are_rewritten() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            static readonly ApiProvider Configured = ApiProvider.Vertex;
            static readonly bool Direct = {|PA0001:Configured == ApiProvider.FirstParty|};
            bool IsDirect => Configured is not {|PA0001:ApiProvider.FirstParty|};
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            static readonly ApiProvider Configured = ApiProvider.Vertex;
            static readonly bool Direct = Configured.ModelIdFormat().IsFirstParty;
            bool IsDirect => !Configured.ModelIdFormat().IsFirstParty;
        }
        """,
        Verify.ModelId);

    [Fact]
    public Task Local_function_is_rewritten() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            int M(ApiProvider[] providers)
            {
                var count = 0;
                foreach (var provider in providers)
                {
                    if (IsDirect(provider)) count++;
                }

                return count;

                static bool IsDirect(ApiProvider candidate) => {|PA0001:candidate.Equals(ApiProvider.FirstParty)|};
            }
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            int M(ApiProvider[] providers)
            {
                var count = 0;
                foreach (var provider in providers)
                {
                    if (IsDirect(provider)) count++;
                }

                return count;

                static bool IsDirect(ApiProvider candidate) => candidate.ModelIdFormat().IsFirstParty;
            }
        }
        """,
        Verify.ModelId);

    [Fact]
    public async Task Top_level_statements_are_rewritten_with_fresh_variable_names()
    {
        var test = new FixTest
        {
            CodeActionEquivalenceKey = Verify.ModelId,
            TestCode = """
                using ProviderAudit.Runtime;

                var p = ApiProvider.Bedrock;
                var label = p switch
                {
                    {|PA0001:ApiProvider.FirstParty|} => "direct",
                    _ => "cloud",
                };
                System.Console.WriteLine(label);
                """,
            FixedCode = """
                using ProviderAudit.Runtime;

                var p = ApiProvider.Bedrock;
                var label = p switch
                {
                    var provider when provider.ModelIdFormat().IsFirstParty => "direct",
                    _ => "cloud",
                };
                System.Console.WriteLine(label);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }
    private const string LegacyBackend = """
        // The capability definitions are the one place that may name the first-party member.
        #pragma warning disable PA0001
        namespace Legacy.Backends
        {
            internal enum Backend { Anthropic, Bedrock, AwsPlatform }

            internal sealed class Capability
            {
                public Capability(bool isFirstParty) => IsFirstParty = isFirstParty;
                public bool IsFirstParty { get; }
            }

            internal static class BackendCapabilities
            {
                public static Capability ModelIdFormat(this Backend backend) => new(backend is Backend.Anthropic or Backend.AwsPlatform);
                public static Capability AuthTransport(this Backend backend) => new(backend is Backend.Anthropic);
            }
        }
        """;

    private const string LegacyConfig = """
        root = true

        [*.cs]
        provider_audit.additional_provider_types = Legacy.Backends.Backend
        provider_audit.first_party_member = Anthropic
        """;

    [Fact]
    public async Task Configured_provider_type_with_capability_methods_is_rewritten_and_its_namespace_imported()
    {
        var test = new FixTest { CodeActionEquivalenceKey = Verify.ModelId };
        test.TestState.Sources.Add(("/0/Backend.cs", LegacyBackend));
        test.TestState.Sources.Add(("/0/Use.cs", """
            class Use
            {
                bool M(Legacy.Backends.Backend backend) => {|PA0001:backend == Legacy.Backends.Backend.Anthropic|};
                string N(Legacy.Backends.Backend? backend) => backend switch
                {
                    {|PA0001:Legacy.Backends.Backend.Anthropic|} => "first",
                    _ => "other",
                };
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", LegacyConfig));
        test.FixedState.Sources.Add(("/0/Backend.cs", LegacyBackend));
        test.FixedState.Sources.Add(("/0/Use.cs", """
            using Legacy.Backends;

            class Use
            {
                bool M(Legacy.Backends.Backend backend) => backend.ModelIdFormat().IsFirstParty;
                string N(Legacy.Backends.Backend? backend) => backend switch
                {
                    Backend p when p.ModelIdFormat().IsFirstParty => "first",
                    _ => "other",
                };
            }
            """));
        await test.RunAsync();
    }
}
