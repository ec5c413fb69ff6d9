using ProviderAudit.Analyzers;

namespace ProviderAudit.Cli.Fixing;

/// <summary>What <c>fix --ambiguous</c> does with sites whose concern the analyzer could not infer.</summary>
internal enum AmbiguousPolicy
{
    /// <summary>Rewrite them to the model-ID format capability (the fixer's first offer for them; the default).</summary>
    ModelId,

    /// <summary>Rewrite them to the auth-transport capability.</summary>
    AuthTransport,

    /// <summary>Leave them for a person to decide.</summary>
    Skip,
}

internal static class AmbiguousPolicies
{
    public static readonly string[] Names = ["model-id", "auth-transport", "skip"];

    public static AmbiguousPolicy Parse(string name) => name switch
    {
        "model-id" => AmbiguousPolicy.ModelId,
        "auth-transport" => AmbiguousPolicy.AuthTransport,
        "skip" => AmbiguousPolicy.Skip,
        _ => throw new UsageException($"--ambiguous '{name}' is not one of {string.Join(", ", Names)}."),
    };

    /// <summary>
    /// The concern whose fix Fix All starts from. The fixer's Fix All rewrites each site to the concern the analyzer
    /// inferred and an ambiguous site to the concern of the fix it was started from.
    /// </summary>
    public static string StartingConcern(this AmbiguousPolicy policy) =>
        policy == AmbiguousPolicy.AuthTransport ? DiagnosticContract.Concerns.AuthTransport : DiagnosticContract.Concerns.ModelIdFormat;
}
