namespace ProviderHost;

/// <summary>Exit codes of the ProviderHost CLI (a launched child's own exit code is passed through instead).</summary>
public static class ExitCodes
{
    /// <summary>Ready / success.</summary>
    public const int Ok = 0;

    /// <summary>Usage or configuration error (unknown option, unreadable settings, …).</summary>
    public const int UsageOrConfigError = 2;

    /// <summary>The backend is not ready.</summary>
    public const int NotReady = 3;

    /// <summary>The command to launch was not found (shell convention).</summary>
    public const int CommandNotFound = 127;
}
