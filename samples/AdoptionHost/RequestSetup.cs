namespace AdoptionHost;

/// <summary>Endpoint and headers of a request: written when only Anthropic's API took an Anthropic key.</summary>
public static class RequestSetup
{
    public static string? BaseUrl(Backend backend) =>
        backend == Backend.Anthropic ? "https://api.anthropic.com" : null;

    public static IReadOnlyList<string> HeaderNames(Backend backend)
    {
        var headers = new List<string> { "anthropic-version" };
        switch (backend)
        {
            case Backend.Anthropic:
                headers.Add("x-api-key");
                break;
            case Backend.Bedrock:
            case Backend.ClaudePlatformAws:
                headers.Add("authorization (SigV4)");
                break;
            default:
                headers.Add("authorization (bearer)");
                break;
        }

        return headers;
    }

    public static string StatusAction(Backend backend) =>
        Equals(backend, Backend.Anthropic) ? "Connect Anthropic" : "Check cloud credentials";
}
