using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProviderAudit.Analyzers.Internals.Detection;
using ProviderAudit.Runtime;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// The member filter keeps what can hold a check and leaves out the rest: what it leaves out is not bound for PA0001,
/// which is the analyzer's saving on a build (docs/performance.md).
/// </summary>
public sealed class CandidateMembersTests
{
    [Fact]
    public void Members_comparing_with_something_that_cannot_be_the_first_party_constant_are_left_out()
    {
        var members = CandidatesIn("""
            using System.Collections.Generic;
            using ProviderAudit.Runtime;

            public static class Code
            {
                public static bool Named(ApiProvider p) => p == ApiProvider.FirstParty;
                public static bool ComparedWithZero(List<int> items) => items.Count == 0;
                public static bool Parity(int i) => i % 2 == 0;
                public static int Indexed(int[] values) => values[0] + 10;
                public static string Text() => "FirstParty 0";
                // FirstParty == 0
                public static bool Other(ApiProvider p) => p == ApiProvider.Bedrock;
            }
            """);

        Assert.Equal(["Named", "ComparedWithZero"], members);
    }

    [Fact]
    public void A_set_is_followed_to_the_members_that_read_it_and_no_further()
    {
        var members = CandidatesIn("""
            using System.Linq;
            using ProviderAudit.Runtime;

            public static class Code
            {
                private static readonly ApiProvider[] Direct = { ApiProvider.FirstParty };
                private static readonly ApiProvider[] Copy = Direct.ToArray();
                private static readonly ApiProvider[] Cloud = { ApiProvider.Bedrock };

                public static bool ReadsCopy(ApiProvider p) => Copy.Contains(p);
                public static bool ReadsCloud(ApiProvider p) => Cloud.Contains(p);
            }
            """);

        Assert.Equal(["Direct", "Copy", "ReadsCopy"], members);
    }

    [Fact]
    public void In_a_block_body_only_the_statement_holding_a_check_is_kept_and_a_local_constant_keeps_its_member()
    {
        var members = CandidatesIn("""
            using ProviderAudit.Runtime;

            public static class Code
            {
                public static int Statements(ApiProvider p)
                {
                    var unrelated = 1;
                    if (p == ApiProvider.FirstParty) { return unrelated; }
                    return 2;
                }

                public static bool LocalConstant(ApiProvider p)
                {
                    const int None = 5 - 5;
                    return p == None;
                }
            }
            """);

        Assert.Equal(["if (p == ApiProvider.FirstParty) { return unrelated; }", "LocalConstant"], members);
    }

    [Fact]
    public void A_top_level_statement_is_kept_and_syntax_outside_any_member_or_statement_makes_the_whole_tree_a_candidate()
    {
        Assert.Equal(["System.Console.WriteLine(p == ApiProvider.FirstParty);"], CandidatesIn("""
            using ProviderAudit.Runtime;

            var p = ApiProvider.Bedrock;
            System.Console.WriteLine(p == ApiProvider.FirstParty);
            """, OutputKind.ConsoleApplication));
        Assert.Equal(["(the whole tree)"], CandidatesIn("""
            using ProviderAudit.Runtime;

            [System.Obsolete(nameof(ApiProvider.FirstParty))]
            public static class Code
            {
            }
            """));
    }

    private static List<string> CandidatesIn(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Candidates", [tree], TestReferences.All, new CSharpCompilationOptions(kind));
        var provider = compilation.GetTypeByMetadataName(typeof(ApiProvider).FullName!)!;
        var candidates = CandidateMembers.For(compilation, [(provider, (object?)(int)ApiProvider.FirstParty)], CancellationToken.None);
        return candidates.In(tree, CancellationToken.None).Select(Name).ToList();
    }

    private static string Name(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.ValueText,
        CompilationUnitSyntax => "(the whole tree)",
        StatementSyntax statement => statement.ToString(),
        _ => member.Kind().ToString(),
    };
}
