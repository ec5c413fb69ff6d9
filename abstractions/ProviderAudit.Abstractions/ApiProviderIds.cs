using System.Diagnostics.CodeAnalysis;

namespace ProviderAudit.Runtime;

/// <summary>
/// Reads the provider ids host code already carries as strings — the backend ids (<c>first-party</c>,
/// <c>claude-platform-aws</c>, …) and the telemetry labels (<c>firstParty</c>, <c>claudePlatformAws</c>, …) — as
/// <see cref="ApiProvider"/> values, so a check like <c>GetApiProvider() == "firstParty"</c> can ask a capability:
/// <c>ApiProviderIds.Parse(GetApiProvider()).ModelIdFormat().IsFirstParty</c> (the PA0001 string fix writes that).
/// </summary>
public static class ApiProviderIds
{
    // Longer values are not echoed back: no id is that long, and a credential pasted into the wrong place would be.
    private const int LongestShownValue = 32;

    // Each backend's id, then its telemetry label, in enum order. The runtime's RuntimeBackends carries the same
    // ids and labels; the runtime's tests keep the two equal.
    private static readonly (string Id, ApiProvider Provider)[] Ids =
    [
        ("first-party", ApiProvider.FirstParty),
        ("firstParty", ApiProvider.FirstParty),
        ("bedrock", ApiProvider.Bedrock),
        ("vertex", ApiProvider.Vertex),
        ("foundry", ApiProvider.Foundry),
        ("claude-platform-aws", ApiProvider.ClaudePlatformAws),
        ("claudePlatformAws", ApiProvider.ClaudePlatformAws),
    ];

    private static readonly Dictionary<string, ApiProvider> ByName =
        Ids.ToDictionary(entry => entry.Id, entry => entry.Provider, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every id <see cref="Parse"/> accepts, each backend's id followed by its telemetry label:
    /// <c>first-party, firstParty, bedrock, vertex, foundry, claude-platform-aws, claudePlatformAws</c>.
    /// Matching ignores case.
    /// </summary>
    public static IReadOnlyList<string> Accepted { get; } = Ids.Select(entry => entry.Id).ToArray();

    /// <summary>The provider a backend id or telemetry label names (any case).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is not one of <see cref="Accepted"/>. The message quotes the id (values longer than any id
    /// are not echoed) and lists the accepted ids, e.g. <c>Unknown provider id "openai"; accepted ids (any case):
    /// first-party, firstParty, bedrock, vertex, foundry, claude-platform-aws, claudePlatformAws.</c>
    /// </exception>
    public static ApiProvider Parse(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        if (ByName.TryGetValue(id, out var provider))
        {
            return provider;
        }

        var shown = id.Length <= LongestShownValue ? QuotedValue.Quote(id) : $"(a {id.Length}-character value, not shown)";
        throw new ArgumentException(
            $"Unknown provider id {shown}; accepted ids (any case): {string.Join(", ", Accepted)}.", nameof(id));
    }

    /// <summary>Like <see cref="Parse"/>, but returns false for null and unknown ids instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out ApiProvider provider)
    {
        if (id is not null && ByName.TryGetValue(id, out provider))
        {
            return true;
        }

        provider = default;
        return false;
    }
}
