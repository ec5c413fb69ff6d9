using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderAudit.Cli.Analysis;

namespace ProviderAudit.Cli.Baselines;

/// <summary>
/// One recorded finding: its identity (see <see cref="FindingIdentity"/>), never its line. <see cref="File"/> says where
/// it was when recorded (for people; matching ignores it); <see cref="Context"/> is absent in baselines recorded before
/// it was added, which then match identical checks by order alone.
/// </summary>
internal sealed record BaselineEntry(string RuleId, string File, string Member, string Expression, string Fingerprint, int Occurrence, string? Context = null)
{
    public static BaselineEntry From(Finding finding) => new(
        finding.RuleId, finding.Identity.File, finding.Identity.Member, finding.Identity.Expression, finding.Identity.Fingerprint, finding.Identity.Occurrence, finding.Identity.Context);

    /// <summary>What matching compares: computed from the fields, so a baseline written by an older version still matches.</summary>
    [JsonIgnore]
    public string Key => FindingIdentities.Fingerprint(RuleId, Member, Expression);
}

/// <summary>
/// <c>provider-audit.baseline.json</c>: the findings a codebase had when it adopted the gate. Written sorted and without
/// dates, so re-recording an unchanged codebase gives the same file.
/// </summary>
internal sealed record Baseline(string Schema, int Version, IReadOnlyList<BaselineEntry> Findings)
{
    public const string SchemaName = "provider-audit-baseline";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Baseline Of(IEnumerable<Finding> findings) => new(
        SchemaName,
        CurrentVersion,
        findings.Select(BaselineEntry.From)
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Member, StringComparer.Ordinal)
            .ThenBy(e => e.Expression, StringComparer.Ordinal)
            .ThenBy(e => e.Occurrence)
            .ToList());

    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";

    public static Baseline Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--baseline '{path}' does not exist: record one with `provider-audit baseline PATH -o {path}`.");
        }

        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"--baseline '{path}' is not valid JSON ({e.Message}): record it again with `provider-audit baseline`.");
        }

        if (baseline is null || baseline.Schema != SchemaName || baseline.Findings is null)
        {
            throw new UsageException($"--baseline '{path}' is not a provider-audit baseline (expected \"schema\": \"{SchemaName}\"): record one with `provider-audit baseline`.");
        }

        if (baseline.Version != CurrentVersion)
        {
            throw new UsageException($"--baseline '{path}' has version {baseline.Version}; this provider-audit reads version {CurrentVersion}: record it again with this version.");
        }

        return baseline;
    }
}
