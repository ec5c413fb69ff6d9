using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers;

namespace ProviderAudit.Cli.Fixing;

/// <summary>
/// The code actions' equivalence keys, all as <see cref="DiagnosticContract"/> names them: which action is the fix for
/// a concern, and which key a Fix All must be started with to give ambiguous sites the capability a person chose.
/// </summary>
internal static class EquivalenceKeys
{
    /// <summary>The key of the PA0001 action for <paramref name="concern"/> (one of <see cref="DiagnosticContract.Concerns"/>); null for an ambiguous or unknown one.</summary>
    public static string? ForConcern(string? concern) => concern switch
    {
        DiagnosticContract.Concerns.ModelIdFormat => DiagnosticContract.UseModelIdFormatEquivalenceKey,
        DiagnosticContract.Concerns.AuthTransport => DiagnosticContract.UseAuthTransportEquivalenceKey,
        _ => null,
    };

    /// <summary>The key of the action for the concern the analyzer inferred; null when it inferred none (an ambiguous site, another rule).</summary>
    public static string? Inferred(Diagnostic diagnostic) =>
        diagnostic.Id == DiagnosticContract.FirstPartyComparisonId && diagnostic.Properties.TryGetValue(DiagnosticContract.ConcernProperty, out var concern)
            ? ForConcern(concern)
            : null;

    /// <summary>
    /// The action a document's Fix All starts from when the fixer offers it: for PA0001 the one for
    /// <paramref name="ambiguousConcern"/>, for PA0003 the mapping; null for a rule with no preference (its first action).
    /// </summary>
    public static string? Preferred(Diagnostic diagnostic, string ambiguousConcern) => diagnostic.Id switch
    {
        DiagnosticContract.FirstPartyComparisonId => ForConcern(ambiguousConcern),
        DiagnosticContract.MissingProviderMappingId => DiagnosticContract.AddProviderMappingEquivalenceKey,
        _ => null,
    };

    /// <summary>
    /// The key to start Fix All with so that ambiguous sites get the capability of the action <paramref name="actionKey"/>.
    /// PA0001's Fix All gives them the model-ID format whatever offered action it starts from (so the IDE and
    /// <c>dotnet format</c> agree); only <see cref="DiagnosticContract.AmbiguousToAuthTransportEquivalenceKey"/>, which no
    /// action offers, gives them the auth transport.
    /// </summary>
    public static string? FixAllKey(string? actionKey) =>
        actionKey == DiagnosticContract.UseAuthTransportEquivalenceKey ? DiagnosticContract.AmbiguousToAuthTransportEquivalenceKey : actionKey;
}
