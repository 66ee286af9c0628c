using System.Globalization;

namespace FedSim.Core.Components;

/// <summary>A single-valued setting: its type, default, bounds and help, with parsing and checking of a scalar.</summary>
internal sealed record OptionSpec(string Key, OptionKind Kind, object? Default, string Help) : SettingSpec(Key, Help)
{
    public IReadOnlyList<string>? Choices { get; init; }
    public double? Min { get; init; }
    public bool MinExclusive { get; init; }
    public double? Max { get; init; }
    public bool MaxExclusive { get; init; }

    /// <summary>Null is a valid value (a nullable property).</summary>
    public bool Optional { get; init; }

    /// <summary>For an enum property: its type (values are written as their kebab-case names).</summary>
    public Type? EnumType { get; init; }

    /// <summary>Parses and checks a scalar; returns the value or an error text (without the location).</summary>
    public (object? Value, string? Error) Parse(string? raw)
    {
        if (raw is null)
            return Optional ? (null, null) : (null, $"a value is required ({Describe()})");
        if (raw.Length == 0 && !Optional)
            return (null, $"must not be empty ({Describe()})");
        return Kind switch
        {
            OptionKind.String => (raw, null),
            OptionKind.Choice => ParseChoice(raw),
            OptionKind.Boolean => raw switch
            {
                "true" => (true, null),
                "false" => (false, null),
                _ => (null, $"expected true or false, got '{raw}'"),
            },
            OptionKind.Integer => long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l is <= int.MaxValue and >= int.MinValue
                ? CheckRange((int)l, l)
                : (null, $"expected an integer, got '{raw}'"),
            OptionKind.Number => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? CheckRange(d, d)
                : (null, $"expected a number, got '{raw}'"),
            OptionKind.NumberList => ParseList(raw),
            _ => throw new InvalidOperationException(Kind.ToString()),
        };
    }

    private (object? Value, string? Error) ParseChoice(string raw)
    {
        if (!Choices!.Contains(raw, StringComparer.Ordinal))
            return (null, $"'{raw}' is not one of {string.Join(", ", Choices!)}");
        return EnumType is null ? (raw, null) : (OptionNames.EnumValue(EnumType, raw), null);
    }

    /// <summary>A list written <c>[0.5, 0.7]</c> or <c>0.5,0.7</c> (a YAML list reaches here joined with commas).</summary>
    private (object? Value, string? Error) ParseList(string raw)
    {
        var items = raw.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0) return (null, $"expected at least one number ({Describe()})");
        var values = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                return (null, $"expected a number, got '{items[i]}' (item {i + 1} of the list)");
            if (CheckRange(values[i], values[i]).Error is { } error) return (null, error);
        }
        return (new NumberList(values), null);
    }

    private (object? Value, string? Error) CheckRange(object value, double d)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (Min is { } min && (MinExclusive ? d <= min : d < min))
            return (null, $"{text} is out of range ({Describe()})");
        if (Max is { } max && (MaxExclusive ? d >= max : d > max))
            return (null, $"{text} is out of range ({Describe()})");
        return (value, null);
    }

    /// <summary>What values are allowed, in words: "an integer >= 1 and &lt;= 1000", "one of a, b".</summary>
    public string Describe()
    {
        if (Choices is not null) return "one of " + string.Join(", ", Choices);
        var kind = Kind switch
        {
            OptionKind.Integer => "an integer",
            OptionKind.Number => "a number",
            OptionKind.Boolean => "true or false",
            OptionKind.NumberList => "a list of numbers",
            _ => "a string",
        };
        var parts = new List<string>();
        if (Min is { } min) parts.Add((MinExclusive ? "> " : ">= ") + min.ToString(CultureInfo.InvariantCulture));
        if (Max is { } max) parts.Add((MaxExclusive ? "< " : "<= ") + max.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? kind : $"{kind} {string.Join(" and ", parts)}";
    }

    /// <summary>A value as scenario text: numbers round-trip, enums by their names, null as null.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Enum e => OptionNames.Kebab(e.ToString()),
        NumberList list => $"[{list}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
