using ProviderAudit.Runtime.Catalog;

namespace ProviderAudit.Runtime.Status;

/// <summary>The replaceable parts of a status computation.</summary>
public sealed class RuntimeStatusOptions
{
    /// <summary>Defaults: <see cref="RequestTransportChecks.Default"/> and the real file system for credential files.</summary>
    public static RuntimeStatusOptions Default { get; } = new();

    /// <summary>Decides readiness once the inputs validate.</summary>
    public IRequestTransportCheck RequestTransportCheck { get; init; } = RequestTransportChecks.Default;

    /// <summary>Used to see credential files (default AWS files, Claude Code's sign-in); tests pass a stub.</summary>
    public Func<string, bool> FileExists { get; init; } = File.Exists;

    /// <summary>
    /// Where model pins are checked against the backend's model list, when one is cached (status never asks for one);
    /// null: pins are checked against the id format only.
    /// </summary>
    public LiveModelCatalog? Models { get; init; }

    /// <summary>The clock expiries (e.g. of Claude Code's sign-in) are compared with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
