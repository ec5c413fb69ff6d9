namespace ProviderAudit.Runtime.Catalog;

/// <summary>Whether a requested model can be used through a backend, and why.</summary>
/// <param name="Requested">The id or alias asked about.</param>
/// <param name="Available">True when requests may name it.</param>
/// <param name="WireId">The id to send when available, else null.</param>
/// <param name="Reason">Why, in a sentence (when unavailable it lists what is available).</param>
public sealed record ModelAvailability(string Requested, bool Available, string? WireId, string Reason);
