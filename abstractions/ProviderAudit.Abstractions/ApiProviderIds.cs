using System.Diagnostics.CodeAnalysis;

namespace ProviderAudit.Runtime;

/// <summary>
/// Reads the provider ids host code already carries as strings — the backend ids (<c>first-party</c>,
/// <c>claude-platform-aws</c>, …), the telemetry labels (<c>firstParty</c>, <c>claudePlatformAws</c>, …) and the host's
/// own spellings of the first-party id (<c>anthropic</c>) — as <see cref="ApiProvider"/> values, so a check like
/// <c>provider == "anthropic"</c> can ask a capability:
/// <c>ApiProviderIds.Find(provider, "anthropic")?.ModelIdFormat().IsFirstParty == true</c> (the PA0001 string fix writes
/// that, with the first-party ids configured in <c>provider_audit.string_provider_names</c>).
/// </summary>
public static class ApiProviderIds
{
    // Longer values are not echoed back: no id is that long, and a credential pasted into the wrong place would be.
    private const int LongestShownValue = 32;

    // Each backend's id, then its telemetry label, in enum order. The runtime's RuntimeBackends carries the same
    // ids and labels; the runtime's tests keep the two equal.
    private static readonly string[] FirstPartyIds = ["first-party", "firstParty"];

    private static readonly (string Id, ApiProvider Provider)[] Ids =
    [
        .. FirstPartyIds.Select(id => (id, ApiProvider.FirstParty)),
        ("bedrock", ApiProvider.Bedrock),
        ("vertex", ApiProvider.Vertex),
        ("foundry", ApiProvider.Foundry),
        ("claude-platform-aws", ApiProvider.ClaudePlatformAws),
        ("claudePlatformAws", ApiProvider.ClaudePlatformAws),
    ];

    private static readonly Dictionary<string, ApiProvider> ByName =
        Ids.ToDictionary(entry => entry.Id, entry => entry.Provider, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every id <see cref="Parse(string)"/> accepts, each backend's id followed by its telemetry label:
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

    /// <summary>
    /// Every id <see cref="Parse(string, string[])"/> accepts with the host's first-party ids: those ids, then
    /// <see cref="Accepted"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An entry of <paramref name="firstPartyIds"/> is null, empty, or another backend's id.</exception>
    public static IReadOnlyList<string> AcceptedWith(params string[] firstPartyIds) =>
        CheckFirstPartyIds(firstPartyIds).Where(id => !ByName.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).Concat(Accepted).ToArray();

    /// <summary>
    /// Like <see cref="Parse(string)"/>, also reading the host's own spellings of the first-party id
    /// (<paramref name="firstPartyIds"/>, e.g. <c>"anthropic"</c>, any case) as <see cref="ApiProvider.FirstParty"/>. An
    /// unknown id's message lists them with the other accepted ids.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is not accepted, or an entry of <paramref name="firstPartyIds"/> is null, empty, or another
    /// backend's id (<c>"bedrock"</c> cannot also mean first party).
    /// </exception>
    public static ApiProvider Parse(string id, params string[] firstPartyIds)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        if (Find(id, firstPartyIds) is { } provider)
        {
            return provider;
        }

        var shown = id.Length <= LongestShownValue ? QuotedValue.Quote(id) : $"(a {id.Length}-character value, not shown)";
        throw new ArgumentException(
            $"Unknown provider id {shown}; accepted ids (any case): {string.Join(", ", AcceptedWith(firstPartyIds))}.", nameof(id));
    }

    /// <summary>
    /// The provider <paramref name="id"/> names (a backend id, a telemetry label, or one of the host's
    /// <paramref name="firstPartyIds"/>, any case), or null for null and for an id no backend has — another vendor
    /// (<c>"openai"</c>), a typo. That keeps a rewritten string check answering as it did for every value the host knows:
    /// <c>provider == "anthropic"</c> was false for <c>"openai"</c>, and so is
    /// <c>ApiProviderIds.Find(provider, "anthropic")?.ModelIdFormat().IsFirstParty == true</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An entry of <paramref name="firstPartyIds"/> is null, empty, or another backend's id.</exception>
    public static ApiProvider? Find(string? id, params string[] firstPartyIds)
    {
        CheckFirstPartyIds(firstPartyIds);
        if (id is null)
        {
            return null;
        }

        if (ByName.TryGetValue(id, out var provider))
        {
            return provider;
        }

        foreach (var firstPartyId in firstPartyIds)
        {
            if (string.Equals(firstPartyId, id, StringComparison.OrdinalIgnoreCase))
            {
                return ApiProvider.FirstParty;
            }
        }

        return null;
    }

    private static string[] CheckFirstPartyIds(string[]? firstPartyIds)
    {
        if (firstPartyIds is null)
        {
            throw new ArgumentNullException(nameof(firstPartyIds));
        }

        foreach (var firstPartyId in firstPartyIds)
        {
            if (string.IsNullOrEmpty(firstPartyId))
            {
                throw new ArgumentException("A first-party id is null or empty; pass the host's spellings of the first-party id, e.g. \"anthropic\".", nameof(firstPartyIds));
            }

            if (ByName.TryGetValue(firstPartyId, out var other) && !FirstPartyIds.Contains(firstPartyId, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"{QuotedValue.Quote(firstPartyId)} is the {other} backend's id and cannot also mean first party.", nameof(firstPartyIds));
            }
        }

        return firstPartyIds;
    }

    /// <summary>Like <see cref="Parse(string)"/>, but returns false for null and unknown ids instead of throwing.</summary>
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
