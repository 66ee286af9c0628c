using System.Globalization;

namespace FedSim.Core.Scenarios;

/// <summary>One scenario key: its dotted path, type, default and allowed values.</summary>
public sealed record ScenarioField(string Path, ScenarioValueKind Kind, object? Default, string Help)
{
    public string[]? Choices { get; init; }
    public double? Min { get; init; }
    public bool MinExclusive { get; init; }
    public double? Max { get; init; }
    public bool MaxExclusive { get; init; }
    public bool Optional { get; init; }

    /// <summary>Parses and checks a scalar; returns the value or an error text (without the location).</summary>
    public (object? Value, string? Error) Parse(string? raw)
    {
        if (raw is null)
            return Optional ? (null, null) : (null, $"a value is required ({Describe()})");
        if (raw.Length == 0 && !Optional)
            return (null, $"must not be empty ({Describe()})");
        switch (Kind)
        {
            case ScenarioValueKind.String:
                if (Choices is not null && !Choices.Contains(raw, StringComparer.Ordinal))
                    return (null, $"'{raw}' is not one of {string.Join(", ", Choices)}");
                return (raw, null);
            case ScenarioValueKind.Integer:
                if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) || l is > int.MaxValue or < int.MinValue)
                    return (null, $"expected an integer, got '{raw}'");
                return CheckRange((int)l, l);
            case ScenarioValueKind.Number:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    return (null, $"expected a number, got '{raw}'");
                return CheckRange(d, d);
            default:
                throw new InvalidOperationException(Kind.ToString());
        }
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

    public string Describe()
    {
        if (Choices is not null) return "one of " + string.Join(", ", Choices);
        var kind = Kind == ScenarioValueKind.Integer ? "an integer" : Kind == ScenarioValueKind.Number ? "a number" : "a string";
        var parts = new List<string>();
        if (Min is { } min) parts.Add((MinExclusive ? "> " : ">= ") + min.ToString(CultureInfo.InvariantCulture));
        if (Max is { } max) parts.Add((MaxExclusive ? "< " : "<= ") + max.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? kind : $"{kind} {string.Join(" and ", parts)}";
    }
}

public enum ScenarioValueKind
{
    String,
    Integer,
    Number,
}
