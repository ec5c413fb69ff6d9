using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>
/// Seeds for the forms real libraries write, each a whole program with its .editorconfig: a provider enum with real-world
/// member names (before and after PA0003's mapping), lower-case and case-insensitive string ids with tuple locals, and
/// checks whose concern comes from a constant or a pagination word. Each is a seed twice: as the latest C# with nullable on,
/// and as a netstandard2.0/net462 library compiles it (C# 7.3, nullable off; name prefix <see cref="CSharp73"/>), where
/// no fix may write a construct that language version lacks.
/// </summary>
internal static class FormSeeds
{
    public const string Prefix = "forms:";

    public const string CSharp73 = "forms:csharp7.3:";

    private const string RealWorldConfig = """
        root = true
        [*.cs]
        provider_audit.additional_provider_types = Contoso.Llm.ProviderType
        provider_audit.first_party_member = Anthropic
        """;

    private const string RealWorldEnum = """
        namespace Contoso.Llm
        {
            public enum ProviderType
            {
                Anthropic,
                VertexAI,
                AmazonBedrock,
                AzureFoundry,
                ClaudePlatformOnAws,
                OpenAI,
                Aws,
            }
        }
        """;

    private const string RealWorldChecks = """
        using System.Collections.Generic;
        using System.Linq;

        namespace Contoso.Llm
        {
            public sealed class ChatOptions
            {
                public ProviderType Provider { get; set; }
                public ProviderType? Fallback { get; set; }
            }

            public static class Requests
            {
                private const string BaseDomain = "https://api.anthropic.com/";
                private static readonly string DefaultModel = "claude-sonnet-4-6";

                public static string Domain(ChatOptions options) => options.Provider == ProviderType.Anthropic ? BaseDomain : "https://gateway.example/";

                public static string Model(ChatOptions options) => options.Provider != ProviderType.Anthropic ? "anthropic." + DefaultModel + "-v1:0" : DefaultModel;

                public static bool FallbackIsDirect(ChatOptions options) => options.Fallback == ProviderType.Anthropic;

                public static bool Boxed(object provider) => Equals(provider, ProviderType.Anthropic);

                public static bool Listed(ProviderType provider) => new[] { ProviderType.Anthropic, ProviderType.VertexAI }.Contains(provider);

                public static void Page(ChatOptions options, Dictionary<string, object> request, string pageToken, int maxTokens)
                {
                    if (options.Provider is ProviderType.Anthropic)
                    {
                        request["page_token"] = pageToken;
                        request["max_tokens"] = maxTokens;
                    }
                }

                public static string Header(ProviderType provider)
                {
                    switch (provider)
                    {
                        case ProviderType.Anthropic:
                            return "x-api-key";
                        case ProviderType.AmazonBedrock:
                            return "authorization";
                        default:
                            return "none";
                    }
                }
            }
        }
        """;

    private const string StringIdChecks = """
            public bool A() => GetProvider() == "anthropic";
            public bool B() => "Anthropic" != GetProvider();
            public bool C() => string.Equals(GetProvider(), "ANTHROPIC", StringComparison.OrdinalIgnoreCase);
            public bool D() => StringComparer.OrdinalIgnoreCase.Equals(GetProvider(), "Anthropic");
            public bool E() => GetProvider().ToLowerInvariant() == "anthropic";

            public bool F(string id)
            {
                var (provider, model) = Split(id);
                return provider == "anthropic" && model.Length > 0;
            }

            public bool G(string id)
            {
                (var vendor, var name) = Parse(id);
                return vendor == "anthropic" && name.Length > 0;
            }

            public bool H(string id) => Split(id).provider == "anthropic";

            public int I()
            {
                switch (Provider)
                {
                    case "anthropic":
                        return 1;
                    case "openai":
                        return 2;
                    default:
                        return 3;
                }
            }
        }
        """;

    private const string FollowedConstants = """
        using System.Collections.Generic;
        using ProviderAudit.Runtime;

        namespace Host
        {
            internal static class Endpoints
            {
                public const string BaseDomain = "https://api.anthropic.com/";
                public static readonly string Messages = "/v1/messages";
                public static string KeyHeader { get; } = "x-api-key";
            }

            internal sealed class Client
            {
                private const string DefaultModel = "claude-sonnet-4-6";

                public string Domain(ApiProvider p) => p == ApiProvider.FirstParty ? Endpoints.BaseDomain : "https://gateway.example/";

                public string Path(ApiProvider p)
                {
                    if (p != ApiProvider.FirstParty)
                    {
                        return "/model/invoke";
                    }

                    return Endpoints.Messages;
                }

                public string Header(ApiProvider p) => Equals(p, ApiProvider.FirstParty) ? Endpoints.KeyHeader : "authorization";

                public string Model(ApiProvider p) => p == ApiProvider.FirstParty ? DefaultModel : "anthropic." + DefaultModel + "-v1:0";

                public void Page(ApiProvider p, Dictionary<string, object> request, string pageToken, int maxTokens)
                {
                    if (p == ApiProvider.FirstParty)
                    {
                        request["page_token"] = pageToken;
                        request["max_tokens"] = maxTokens;
                    }
                }
            }
        }
        """;

    private static readonly (string Prefix, LanguageVersion Version, NullableContextOptions Nullable)[] Versions =
    [
        (Prefix, LanguageVersion.Latest, NullableContextOptions.Enable),
        (CSharp73, LanguageVersion.CSharp7_3, NullableContextOptions.Disable),
    ];

    public static IEnumerable<SeedProgram> All()
    {
        foreach (var (prefix, version, nullable) in Versions)
        {
            ImmutableArray<(string, string)> realWorld = [("Contoso/ProviderType.cs", RealWorldEnum), ("Contoso/Requests.cs", RealWorldChecks)];
            foreach (var seed in EachDocument(prefix + "real-world-enum", realWorld, RealWorldConfig, version, nullable))
            {
                yield return seed;
            }

            if (SeedPrograms.WithMappingAdded(realWorld, RealWorldConfig, OutputKind.DynamicallyLinkedLibrary, TestReferences.All, version, nullable) is { } mapped)
            {
                foreach (var seed in EachDocument(prefix + "real-world-enum-mapped", mapped, RealWorldConfig, version, nullable))
                {
                    yield return seed;
                }
            }

            ImmutableArray<(string, string)> adoption = [("Host/Backend.cs", CSharp73AdoptionTests.BackendFile), ("Host/Subject.cs", CSharp73AdoptionTests.SubjectFile)];
            foreach (var seed in EachDocument(prefix + "adoption", adoption, CSharp73AdoptionTests.Config, version, nullable))
            {
                yield return seed;
            }

            foreach (var seed in EachDocument(prefix + "string-ids", [("Route.cs", StringIdRealWorldTests.Host + StringIdChecks)], StringIdRealWorldTests.Config, version, nullable))
            {
                yield return seed;
            }

            var idShapes = nullable == NullableContextOptions.Enable
                ? LanguageVersionFixTests.CSharp73IdChecks.Replace("public string Provider { get; set; }", "public string Provider { get; set; } = \"\";", StringComparison.Ordinal)
                    .Replace("Chain(Route other)", "Chain(Route? other)", StringComparison.Ordinal)
                : LanguageVersionFixTests.CSharp73IdChecks;
            foreach (var seed in EachDocument(prefix + "string-id-shapes", [("Route.cs", idShapes)], LanguageVersionFixTests.IdConfig, version, nullable))
            {
                yield return seed;
            }

            foreach (var seed in EachDocument(prefix + "followed-constants", [("Client.cs", FollowedConstants)], null, version, nullable))
            {
                yield return seed;
            }

            foreach (var seed in EachDocument(prefix + "every-shape", [("Checks.cs", LanguageVersionFixTests.CSharp73Checks)], null, version, nullable))
            {
                yield return seed;
            }
        }
    }

    private static IEnumerable<SeedProgram> EachDocument(
        string name, ImmutableArray<(string Path, string Text)> documents, string? editorConfig, LanguageVersion version, NullableContextOptions nullable)
    {
        for (var i = 0; i < documents.Length; i++)
        {
            yield return new SeedProgram(name + "/" + documents[i].Path, documents, i, OutputKind.DynamicallyLinkedLibrary, editorConfig, version, nullable);
        }
    }
}
