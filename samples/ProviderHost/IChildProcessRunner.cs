namespace ProviderHost;

/// <summary>Runs a launched command with exactly the given environment, stdio inherited, and returns its exit code.</summary>
public interface IChildProcessRunner
{
    /// <summary>Runs <paramref name="command"/> and waits for it.</summary>
    /// <exception cref="FileNotFoundException">The command cannot be found or started.</exception>
    int Run(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment);
}
