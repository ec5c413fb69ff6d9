namespace ProviderAudit.Runtime.Settings;

/// <summary>
/// Model pins (<c>ANTHROPIC_DEFAULT_{OPUS,SONNET,HAIKU}_MODEL</c>): wire ids the user chose per model family,
/// in the format of the backend they are meant for.
/// </summary>
public sealed record ModelPins(string? Opus, string? Sonnet, string? Haiku)
{
    /// <summary>
    /// Reads the pins from an environment (or a settings <c>env</c> block), each whole, as a launched tool receives it:
    /// a pin with a line break or padding is not a model id, and is checked (and warned about) as written.
    /// </summary>
    public static ModelPins From(IReadOnlyDictionary<string, string> env) => new(
        env.Raw(EnvironmentVariableNames.DefaultOpusModel),
        env.Raw(EnvironmentVariableNames.DefaultSonnetModel),
        env.Raw(EnvironmentVariableNames.DefaultHaikuModel));

    /// <summary>The set pins with the variable each came from.</summary>
    public IEnumerable<(string Variable, string WireId)> Set()
    {
        if (Opus is not null) yield return (EnvironmentVariableNames.DefaultOpusModel, Opus);
        if (Sonnet is not null) yield return (EnvironmentVariableNames.DefaultSonnetModel, Sonnet);
        if (Haiku is not null) yield return (EnvironmentVariableNames.DefaultHaikuModel, Haiku);
    }
}
