namespace ProviderHost;

/// <summary>The command line is wrong; the message says what to write instead.</summary>
public sealed class UsageException(string message) : Exception(message);
