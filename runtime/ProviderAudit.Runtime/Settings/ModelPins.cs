namespace ProviderAudit.Runtime.Settings;

using static EnvironmentVariableNames;

/// <summary>One model pin: where it was set and its value as written.</summary>
/// <param name="Source">The variable (e.g. <c>ANTHROPIC_MODEL</c>) or <see cref="ModelPins.SettingsModelSource"/>.</param>
/// <param name="Value">The value, whole (not trimmed).</param>
public sealed record ModelPin(string Source, string Value)
{
    /// <summary>
    /// Whether Claude Code also takes a model alias here (<c>opus</c>, <c>sonnet</c>, <c>haiku</c>, <c>opusplan</c>,
    /// <c>default</c>, …): <c>ANTHROPIC_MODEL</c>, <c>CLAUDE_CODE_SUBAGENT_MODEL</c> and the settings' <c>model</c> do; the
    /// per-family pins and <c>ANTHROPIC_SMALL_FAST_MODEL</c> take model ids.
    /// </summary>
    public bool AcceptsAliases => Source is AnthropicModel or SubagentModel or ModelPins.SettingsModelSource;
}

/// <summary>
/// Every model pin a launched Claude Code reads: <c>ANTHROPIC_MODEL</c>, <c>ANTHROPIC_SMALL_FAST_MODEL</c>,
/// <c>ANTHROPIC_DEFAULT_{OPUS,SONNET,HAIKU}_MODEL</c>, <c>CLAUDE_CODE_SUBAGENT_MODEL</c> and the settings file's
/// <c>model</c>: ids (or aliases) in the format of the backend they are meant for.
/// </summary>
/// <remarks>
/// The three family pins come first, in 0.1.0's order, so a positional <c>new ModelPins(opus, sonnet, haiku)</c> keeps its
/// meaning; the pins added in 0.2.0 follow.
/// </remarks>
public sealed record ModelPins(
    string? Opus = null,
    string? Sonnet = null,
    string? Haiku = null,
    string? Model = null,
    string? SmallFast = null,
    string? Subagent = null,
    string? SettingsModel = null)
{
    /// <summary>How the settings file's <c>model</c> is named as a pin's source.</summary>
    public const string SettingsModelSource = "settings \"model\"";

    /// <summary>Every pin variable, in the order status lists them.</summary>
    public static IReadOnlyList<string> Variables { get; } = [AnthropicModel, SmallFastModel, DefaultOpusModel, DefaultSonnetModel, DefaultHaikuModel, SubagentModel];

    /// <summary>
    /// Reads the pins from an environment (or a settings <c>env</c> block), each whole, as a launched tool receives it:
    /// a pin with a line break or padding is not a model id, and is checked (and warned about) as written. With
    /// <paramref name="settings"/>, its <c>model</c> too.
    /// </summary>
    public static ModelPins From(IReadOnlyDictionary<string, string> env, HostSettings? settings = null) => new(
        Opus: env.Raw(DefaultOpusModel),
        Sonnet: env.Raw(DefaultSonnetModel),
        Haiku: env.Raw(DefaultHaikuModel),
        Model: env.Raw(AnthropicModel),
        SmallFast: env.Raw(SmallFastModel),
        Subagent: env.Raw(SubagentModel),
        SettingsModel: settings?.Model);

    /// <summary>The set pins, each with where it was set.</summary>
    public IEnumerable<ModelPin> Set()
    {
        (string Source, string? Value)[] all =
        [
            (AnthropicModel, Model), (SmallFastModel, SmallFast), (DefaultOpusModel, Opus), (DefaultSonnetModel, Sonnet),
            (DefaultHaikuModel, Haiku), (SubagentModel, Subagent), (SettingsModelSource, SettingsModel),
        ];
        return all.Where(p => p.Value is not null).Select(p => new ModelPin(p.Source, p.Value!));
    }
}
