namespace FedSim.Core.Components;

/// <summary>
/// Declares an option of an options record (or a scenario section): a one-line help text and its bounds. The key in
/// scenario files is the property name in snake_case unless <see cref="Key"/> says otherwise; the default is the
/// property's value in a new instance of the record.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionAttribute(string help) : Attribute
{
    public string Help { get; } = help;

    /// <summary>The key in scenario files (default: the property name in snake_case).</summary>
    public string? Key { get; init; }

    /// <summary>Smallest allowed value (NaN: none).</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Largest allowed value (NaN: none).</summary>
    public double Max { get; init; } = double.NaN;

    public bool MinExclusive { get; init; }

    public bool MaxExclusive { get; init; }

    /// <summary>For a string option: the values allowed.</summary>
    public string[]? Choices { get; init; }
}
