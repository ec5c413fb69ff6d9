namespace ProviderAudit.Runtime.Tests;

/// <summary>Account-bound features are first-party-transport only: status lists them as unavailable elsewhere, from the capability.</summary>
public class AccountFeaturesTests
{
    [Fact]
    public void Status_lists_sign_in_settings_sync_and_the_Admin_API_as_unavailable_on_Claude_Platform_on_AWS()
    {
        var status = TestEnv.Status(TestEnv.CpaWithProfile(), check: new TestEnv.AlwaysAvailable());

        Assert.Equal(
            ["claude.ai sign-in: not available on Claude Platform on AWS (first-party transport only)",
             "settings sync: not available on Claude Platform on AWS (first-party transport only)",
             "Admin API: not available on Claude Platform on AWS (first-party transport only)"],
            status.UnavailableFeatures);
    }

    [Fact]
    public void First_party_lacks_no_account_feature()
    {
        Assert.Empty(TestEnv.Status(TestEnv.Of(("ANTHROPIC_API_KEY", TestEnv.FirstPartyKey))).UnavailableFeatures);
    }

    [Fact]
    public void The_list_follows_the_transports_answer_not_the_backend()
    {
        Assert.Equal(TransportFacts.AccountFeatures.Count, TransportFacts.UnavailableAccountFeatures(AuthTransports.Bedrock, "X").Count);
        Assert.Empty(TransportFacts.UnavailableAccountFeatures(AuthTransports.FirstParty, "X"));
    }
}
