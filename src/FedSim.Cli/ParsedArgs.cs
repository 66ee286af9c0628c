namespace FedSim.Cli;

/// <summary>A command's arguments: positionals, <c>--name value</c> options (repeatable ones collected) and flags.</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public static ParsedArgs Parse(IReadOnlyList<string> args, ISet<string> valueOptions, ISet<string> flags)
    {
        var parsed = new ParsedArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                parsed._positionals.Add(a);
                continue;
            }
            var eq = a.IndexOf('=');
            var name = eq > 0 ? a[..eq] : a;
            if (flags.Contains(name))
            {
                parsed.Add(name, "true");
                continue;
            }
            if (!valueOptions.Contains(name))
                throw new UsageException($"unknown option '{name}' (known: {string.Join(", ", valueOptions.Concat(flags).Order())})");
            string value;
            if (eq > 0) value = a[(eq + 1)..];
            else if (i + 1 < args.Count) value = args[++i];
            else throw new UsageException($"option '{name}' needs a value");
            parsed.Add(name, value);
        }
        return parsed;
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var list)) _options[name] = list = [];
        list.Add(value);
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public bool Has(string name) => _options.ContainsKey(name);

    public int GetInt(string name, int fallback, int min)
    {
        var text = Get(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < min)
            throw new UsageException($"{name}: expected an integer >= {min}, got '{text}'");
        return v;
    }

    public string Single(string what)
    {
        if (_positionals.Count == 0) throw new UsageException($"missing {what}");
        if (_positionals.Count > 1) throw new UsageException($"unexpected argument '{_positionals[1]}'");
        return _positionals[0];
    }
}
