using ProviderAudit.CodeFixes.Tests.Infrastructure;

namespace ProviderAudit.CodeFixes.Tests;

public class ComparisonFixTests
{
    [Fact]
    public Task EqualsOperatorBecomesModelIdCapability() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            bool M(ApiProvider provider) => {|PA0001:provider == ApiProvider.FirstParty|};
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            bool M(ApiProvider provider) => provider.ModelIdFormat().IsFirstParty;
        }
        """,
        Verify.ModelId);

    [Fact]
    public Task NotEqualsOperatorBecomesNegatedTransportCapability() => Verify.FixAsync(
        """
        using ProviderAudit.Runtime;

        class C
        {
            bool M(ApiProvider provider) => {|PA0001:provider != ApiProvider.FirstParty|};
        }
        """,
        """
        using ProviderAudit.Runtime;

        class C
        {
            bool M(ApiProvider provider) => !provider.AuthTransport().IsFirstParty;
        }
        """,
        Verify.AuthTransport);
}
