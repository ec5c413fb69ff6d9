using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>
/// PA0001 builds operation trees only for members whose syntax can hold a check (CandidateMembers); a check written with
/// the first-party constant away from its name is still found, wherever that constant is declared.
/// </summary>
public sealed class MemberFilterTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using ProviderAudit.Runtime;
        """;

    [Fact]
    public Task A_provider_constant_declared_in_another_file_is_followed_into_the_check()
        => VerifyFilesAsync(
            ("/0/Known.cs", Usings + "\npublic static class Known { public const ApiProvider Direct = ApiProvider.FirstParty; }"),
            ("/0/Code.cs", Usings + "\npublic static class Code { public static bool Check(ApiProvider p) => {|PA0001:p == Known.Direct|}; }"));

    [Fact]
    public Task A_number_constant_computed_to_zero_in_another_file_is_followed_into_the_check()
        => VerifyFilesAsync(
            ("/0/Numbers.cs", "public static class Numbers { public const int None = 1 - 1; }"),
            ("/0/Code.cs", Usings + "\npublic static class Code { public static bool Check(ApiProvider p) => {|PA0001:p == Numbers.None|}; }"));

    [Fact]
    public Task A_local_constant_computed_to_zero_is_followed_into_the_check()
        => VerifyAsync(Usings + """

            public static class Code
            {
                public static bool Check(ApiProvider p)
                {
                    const int Zero = 1 - 1;
                    return {|PA0001:p == Zero|};
                }
            }
            """);

    [Fact]
    public Task A_zero_folded_from_constant_arithmetic_is_found()
        => VerifyAsync(Usings + """

            public static class Code
            {
                public static bool Check(ApiProvider p) => {|PA0001:p == 1 - 1|};
            }
            """);

    [Fact]
    public Task A_new_provider_value_is_found()
        => VerifyAsync(Usings + """

            public static class Code
            {
                public static bool Check(ApiProvider p)
                {
                    var unrelated = 1;
                    return {|PA0001:p == new ApiProvider()|} && unrelated > 0;
                }
            }
            """);

    [Fact]
    public Task A_set_whose_initializer_converts_its_array_is_followed_to_Contains_in_another_member()
        => VerifyAsync(Usings + """

            public static class Code
            {
                private static readonly IEnumerable<ApiProvider> Direct = (IEnumerable<ApiProvider>)new[] { ApiProvider.FirstParty };

                public static bool Check(ApiProvider p) => {|PA0001:Direct.Contains(p)|};
            }
            """);

    [Fact]
    public Task A_set_copied_from_another_set_is_followed_to_Contains()
        => VerifyAsync(Usings + """

            public static class Code
            {
                private static readonly ApiProvider[] Direct = { ApiProvider.FirstParty };
                private static readonly HashSet<ApiProvider> Copy = new HashSet<ApiProvider>(Direct);

                public static bool Check(ApiProvider p) => {|PA0001:Copy.Contains(p)|};
            }
            """);

    [Fact]
    public Task A_check_in_a_field_initializer_is_found()
        => VerifyAsync(Usings + """

            public static class Code
            {
                public static ApiProvider Current;
                public static readonly bool Direct = {|PA0001:Current == ApiProvider.FirstParty|};
            }
            """);

    [Fact]
    public Task A_check_in_a_lambda_of_an_expression_bodied_property_is_found()
        => VerifyAsync(Usings + """

            public static class Code
            {
                public static System.Func<ApiProvider, bool> IsDirect => p => {|PA0001:p == ApiProvider.FirstParty|};
            }
            """);

    [Fact]
    public Task A_check_in_a_parameter_default_value_is_found()
        => VerifyAsync(Usings + """

            public static class Code
            {
                public const ApiProvider Configured = ApiProvider.Bedrock;

                public static bool Check(bool direct = {|PA0001:Configured == ApiProvider.FirstParty|}) => direct;
            }
            """);
}
