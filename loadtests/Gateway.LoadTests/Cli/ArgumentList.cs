namespace Gateway.LoadTests.Cli;

/// <summary>
/// <c>COMMAND [--name value | --name=value | --flag]...</c>. Unknown options, missing values and
/// stray words are all collected, so the user sees every mistake at once.
/// </summary>
internal sealed class ArgumentList
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private ArgumentList(string command) => Command = command;

    public string Command { get; }

    /// <param name="valueOptions">Options that take a value (names without dashes).</param>
    /// <param name="flagOptions">Options that take none.</param>
    public static ArgumentList Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions, List<string> errors)
    {
        var parsed = new ArgumentList(args.Count > 0 ? args[0] : "help");
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                errors.Add($"unexpected argument '{arg}' (options start with --)");
                continue;
            }
            var name = arg[2..];
            string? inline = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }
            if (flagOptions.Contains(name))
            {
                if (inline is not null)
                {
                    errors.Add($"--{name} takes no value");
                }
                parsed._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline;
                if (value is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        errors.Add($"--{name} needs a value");
                        continue;
                    }
                    value = args[++i];
                }
                if (!parsed._values.TryGetValue(name, out var list))
                {
                    parsed._values[name] = list = [];
                }
                list.Add(value);
            }
            else
            {
                errors.Add($"unknown option --{name} for '{parsed.Command}'");
            }
        }
        return parsed;
    }

    public bool Has(string name) => _flags.Contains(name) || _values.ContainsKey(name);

    /// <summary>The last value given (a later option overrides an earlier one).</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> unless it was given (a command's own default).</summary>
    public ArgumentList WithDefault(string name, string value)
    {
        if (!Has(name))
        {
            _values[name] = [value];
        }
        return this;
    }
}
