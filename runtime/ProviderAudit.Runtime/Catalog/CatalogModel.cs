namespace ProviderAudit.Runtime.Catalog;

/// <summary>A model in first-party id form; each backend's <see cref="IModelIdFormat"/> turns it into a wire id.</summary>
public sealed class CatalogModel
{
    /// <summary>Creates a model.</summary>
    /// <param name="name">Undated first-party name, e.g. <c>claude-opus-4-5</c>.</param>
    /// <param name="date">Snapshot date (<c>yyyyMMdd</c>) or null for undated models such as <c>claude-sonnet-4-6</c>.</param>
    /// <param name="family"><c>opus</c>, <c>sonnet</c> or <c>haiku</c>.</param>
    /// <param name="displayName">What people see.</param>
    /// <param name="betas">Betas the model supports.</param>
    /// <param name="supportsTools">Whether the model can use tools.</param>
    /// <param name="bedrockId">The Bedrock id when it does not follow <c>anthropic.{id}-v1:0</c>.</param>
    public CatalogModel(string name, string? date, string family, string displayName, IReadOnlyList<ModelBeta>? betas = null, bool supportsTools = true, string? bedrockId = null)
    {
        Name = name;
        Date = date;
        Family = family;
        DisplayName = displayName;
        Betas = betas ?? [];
        SupportsTools = supportsTools;
        BedrockId = bedrockId;
    }

    /// <summary>The first-party id: <c>{name}-{date}</c> for dated models, the name otherwise.</summary>
    public string Id => Date is null ? Name : $"{Name}-{Date}";

    /// <summary>Undated name; for dated models also an alias of <see cref="Id"/>.</summary>
    public string Name { get; }

    /// <summary>Snapshot date or null.</summary>
    public string? Date { get; }

    /// <summary>Names that resolve to this model besides <see cref="Id"/>.</summary>
    public IReadOnlyList<string> Aliases => Date is null ? [] : [Name];

    /// <summary><c>opus</c>, <c>sonnet</c> or <c>haiku</c>.</summary>
    public string Family { get; }

    /// <summary>What people see.</summary>
    public string DisplayName { get; }

    /// <summary>Betas the model supports (a backend may still not carry them).</summary>
    public IReadOnlyList<ModelBeta> Betas { get; }

    /// <summary>Whether the model can use tools.</summary>
    public bool SupportsTools { get; }

    /// <summary>Bedrock id override, or null to use <c>anthropic.{id}-v1:0</c>.</summary>
    public string? BedrockId { get; }

    /// <inheritdoc />
    public override string ToString() => Id;

    /// <summary>A model the catalog does not know, from its first-party id (a trailing <c>-yyyyMMdd</c> is its date).</summary>
    internal static CatalogModel FromFirstPartyId(string id)
    {
        var dated = id.Length > 9 && id[^9] == '-' && id[^8..].All(char.IsAsciiDigit);
        var name = dated ? id[..^9] : id;
        var family = new[] { "opus", "sonnet", "haiku" }.FirstOrDefault(f => name.Contains(f, StringComparison.Ordinal)) ?? "unknown";
        return new CatalogModel(name, dated ? id[^8..] : null, family, id);
    }
}
