namespace ProviderHost;

/// <summary>
/// A parsed command line: flags, options with values, positionals, and everything after <c>--</c> verbatim.
/// Anything not declared is a usage error, never silently ignored.
/// </summary>
public sealed class CommandLine
{
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    /// <summary>Positional arguments before <c>--</c>.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>Arguments after <c>--</c>, or null when there was no <c>--</c>.</summary>
    public IReadOnlyList<string>? Rest { get; private set; }

    /// <summary>Whether a flag was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>An option's value, or null.</summary>
    public string? Value(string option) => _values.GetValueOrDefault(option);

    /// <summary>Parses <paramref name="args"/> for <paramref name="command"/>.</summary>
    /// <exception cref="UsageException">An undeclared option, a missing value, or a repeated option.</exception>
    public static CommandLine Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> valueOptions)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                line.Rest = args.Skip(i + 1).ToArray();
                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                line.Positionals.Add(arg);
                continue;
            }

            var (name, inlineValue) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (flags.Contains(name) && inlineValue is null)
            {
                line._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{command}: {name} needs a value."));
                if (!line._values.TryAdd(name, value))
                {
                    throw new UsageException($"{command}: {name} given more than once.");
                }
            }
            else
            {
                var known = flags.Concat(valueOptions).Order(StringComparer.Ordinal).ToArray();
                throw new UsageException($"{command}: unknown option {name}." + (known.Length > 0 ? $" Options: {string.Join(", ", known)}." : ""));
            }
        }

        return line;
    }
}
