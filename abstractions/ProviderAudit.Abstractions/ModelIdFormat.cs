namespace ProviderAudit.Runtime;

/// <summary>One model-id format's answers; the values are declared in <see cref="ModelIdFormats"/>.</summary>
internal sealed class ModelIdFormat : IModelIdFormat
{
    internal ModelIdFormat(ModelIdFormatKind kind, bool isFirstParty)
    {
        Kind = kind;
        IsFirstParty = isFirstParty;
    }

    /// <inheritdoc />
    public ModelIdFormatKind Kind { get; }

    /// <inheritdoc />
    public bool IsFirstParty { get; }

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}
