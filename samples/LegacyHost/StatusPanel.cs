using ProviderAudit.Runtime;

namespace LegacyHost;

public static class StatusPanel
{
    public static string Headline(Session session) =>
        session.Provider == ApiProvider.FirstParty
            ? (session.HasOAuthToken ? "Signed in to Anthropic" : "Not signed in")
            : $"Using {session.Provider}";

    public static IReadOnlyList<string> Actions(Session session)
    {
        var actions = new List<string>();
        switch (session.Provider)
        {
            case ApiProvider.FirstParty:
                actions.Add("Connect Anthropic");
                break;
            case ApiProvider.Bedrock:
                actions.Add("Run `aws sso login`");
                break;
            default:
                actions.Add("Check your cloud credentials");
                break;
        }

        if (session is { Provider: ApiProvider.FirstParty, HasOAuthToken: false })
        {
            actions.Add("Log in with your Claude account");
        }

        return actions;
    }

    public static bool ShowLoginButton(Session? lastSession) => lastSession?.Provider == ApiProvider.FirstParty;
}
