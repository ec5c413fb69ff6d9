namespace ProviderAudit.Runtime.Catalog;

/// <summary>What a model pin is, for the selected backend.</summary>
public enum ModelPinVerdictKind
{
    /// <summary>An id in the backend's format, and listed by it when its list is known.</summary>
    Ok,
    /// <summary>A Claude Code alias (<c>opus</c>, <c>sonnet</c>, …), which Claude Code turns into an id itself.</summary>
    Alias,
    /// <summary>Whitespace or control characters: the launched tool would send no model id at all.</summary>
    Malformed,
    /// <summary>An id in another backend's format (e.g. a Bedrock id on Claude Platform on AWS); the verdict names the id to use.</summary>
    OtherFormat,
    /// <summary>Not a model id of any backend's format.</summary>
    NotAnId,
    /// <summary>An id in the backend's format that its list (live, cached or stale) does not hold.</summary>
    Unavailable,
}

/// <summary>A model pin's verdict.</summary>
/// <param name="Source">Where it was set (a variable, or the settings' <c>model</c>).</param>
/// <param name="Value">The value as written (status shows it scrubbed), or <see cref="Secrets.DisplayText.HiddenCredential"/> when it looks like a credential.</param>
/// <param name="Kind">The verdict.</param>
/// <param name="Message">The verdict in a sentence naming the source and, for a problem, the fix.</param>
/// <param name="UseInstead">The id to set instead, when one is known.</param>
public sealed record ModelPinVerdict(string Source, string Value, ModelPinVerdictKind Kind, string Message, string? UseInstead)
{
    /// <summary>True for a pin the launched tool would fail with.</summary>
    public bool IsProblem => Kind is ModelPinVerdictKind.Malformed or ModelPinVerdictKind.OtherFormat or ModelPinVerdictKind.NotAnId or ModelPinVerdictKind.Unavailable;
}
