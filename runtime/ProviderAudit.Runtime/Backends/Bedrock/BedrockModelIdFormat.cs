using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Backends.Bedrock;

/// <summary>
/// Bedrock ids: <c>anthropic.claude-opus-4-5-20251101-v1:0</c>, optionally behind an inference-profile prefix
/// (<c>us.</c>, <c>eu.</c>, <c>apac.</c>, <c>global.</c>, …). Parsing also accepts Bedrock model and inference-profile ARNs.
/// It answers the capability questions as <see cref="ModelIdFormats.Bedrock"/> does, and also spells ids: the Bedrock
/// backend's own spelling is the one without a prefix (<see cref="RuntimeBackend.ToWireId"/>).
/// </summary>
public sealed partial class BedrockModelIdFormat : IModelIdFormat, IModelIdSpelling
{
    /// <summary>Inference-profile prefixes Bedrock uses for cross-region inference.</summary>
    public static IReadOnlyList<string> InferenceProfilePrefixes { get; } = ["us", "eu", "apac", "global", "jp", "au", "us-gov", "ca"];

    internal BedrockModelIdFormat(string? inferenceProfile)
    {
        InferenceProfile = inferenceProfile;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(?:inference-profile|foundation-model|application-inference-profile)/(?<id>.+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^(?:(?<profile>[a-z-]+)\.)?anthropic\.(?<name>claude-[a-z0-9]+(?:-[a-z0-9]+)*?)(?:-v\d+(?::\d+)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>The inference-profile prefix this format writes (e.g. <c>us</c>), or null for plain model ids.</summary>
    public string? InferenceProfile { get; }

    /// <inheritdoc />
    public ModelIdFormatKind Kind => ModelIdFormatKind.Bedrock;

    /// <inheritdoc />
    public bool IsFirstParty => false;

    /// <summary>The same format writing ids behind an inference-profile prefix, e.g. <c>us.anthropic.…</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not one of <see cref="InferenceProfilePrefixes"/>.</exception>
    public static BedrockModelIdFormat WithInferenceProfile(string prefix)
    {
        if (!InferenceProfilePrefixes.Contains(prefix, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{prefix}' is not a Bedrock inference-profile prefix; use one of {string.Join(", ", InferenceProfilePrefixes)}.", nameof(prefix));
        }

        return new BedrockModelIdFormat(prefix);
    }

    /// <summary>The id to send for a catalog model, e.g. <c>us.anthropic.claude-opus-4-5-20251101-v1:0</c>.</summary>
    public string ToWireId(CatalogModel model)
    {
        var id = model.BedrockId ?? $"anthropic.{model.Id}-v1:0";
        return InferenceProfile is null ? id : $"{InferenceProfile}.{id}";
    }

    /// <summary>
    /// Parses a Bedrock id, with or without a known inference-profile prefix, or a Bedrock model or inference-profile
    /// ARN, back to the first-party id it names (e.g. <c>claude-opus-4-5-20251101</c>). False for ids of other formats.
    /// </summary>
    public bool TryParseWireId(string wireId, [NotNullWhen(true)] out string? firstPartyId)
    {
        var candidate = ArnPattern().Match(wireId) is { Success: true } arn ? arn.Groups["id"].Value : wireId;
        var match = IdPattern().Match(candidate);
        var profile = match.Groups["profile"];
        if (!match.Success || (profile.Success && !InferenceProfilePrefixes.Contains(profile.Value, StringComparer.Ordinal)))
        {
            firstPartyId = null;
            return false;
        }

        firstPartyId = match.Groups["name"].Value;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => InferenceProfile is null ? "Bedrock" : $"Bedrock({InferenceProfile}.)";
}
