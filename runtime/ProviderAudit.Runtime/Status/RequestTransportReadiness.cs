namespace ProviderAudit.Runtime.Status;

/// <summary>The request transport's verdict: ready, or the reason it is not plus what to do.</summary>
public sealed class RequestTransportReadiness
{
    private RequestTransportReadiness(bool ready, string? reason, IReadOnlyList<string> actions)
    {
        Ready = ready;
        Reason = reason;
        Actions = actions;
    }

    /// <summary>Requests can be sent.</summary>
    public static RequestTransportReadiness Available { get; } = new(true, null, []);

    /// <summary>True when requests can be sent.</summary>
    public bool Ready { get; }

    /// <summary>Why not, as a sentence naming the fix (never a secret); null when ready.</summary>
    public string? Reason { get; }

    /// <summary>What a person can do about it.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Not ready, for <paramref name="reason"/>.</summary>
    public static RequestTransportReadiness NotReady(string reason, IReadOnlyList<string>? actions = null) => new(false, reason, actions ?? []);
}
