namespace ProviderAudit.Runtime.Secrets;

/// <summary>
/// A credential value (API key, token, secret access key). Printing it, interpolating it or serializing it through
/// <see cref="ToString"/> yields only the redacted form; <see cref="Reveal"/> is the one way to the value.
/// </summary>
public sealed class Secret
{
    private readonly string _value;

    /// <summary>Wraps a secret value.</summary>
    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The redacted form, e.g. <c>sk-…abcd</c>.</summary>
    public string Redacted => Redact(_value);

    /// <summary>The value itself, for the code that sends it and nothing else.</summary>
    public string Reveal() => _value;

    /// <inheritdoc />
    public override string ToString() => Redacted;

    /// <summary>
    /// At most the first three and last four characters (<c>sk-…abcd</c>); values shorter than 12 characters show
    /// nothing but the ellipsis, since their ends would give away too much of them.
    /// </summary>
    public static string Redact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(empty)";
        }

        // The ends are escaped: a control character there must not reach output raw.
        return value.Length < 12 ? "…" : $"{DisplayText.Escape(value[..3])}…{DisplayText.Escape(value[^4..])}";
    }
}
