namespace ProviderAudit.Analyzers.Internals.Configuration
{
    /// <summary>How a value that may hold a provider is typed, which decides the shape of the capability call.</summary>
    internal enum ProviderShape
    {
        /// <summary><c>ApiProvider</c>: call the capability directly.</summary>
        Value,

        /// <summary><c>ApiProvider?</c>: call it through <c>?.</c> so null keeps its old answer.</summary>
        Nullable,

        /// <summary><c>object</c>, <c>Enum</c>, an interface the enum implements: type-test first.</summary>
        Boxed,
    }
}
