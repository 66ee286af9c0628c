namespace FedSim.Core.Components;

/// <summary>
/// Marks a <see cref="ComponentChoice"/> property: which component of <paramref name="kind"/> is used, with its options.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ChoiceAttribute(ComponentKind kind, string help) : Attribute
{
    public ComponentKind Kind { get; } = kind;

    public string Help { get; } = help;

    /// <summary>The key in scenario files (default: the property name in snake_case).</summary>
    public string? Key { get; init; }

    public ChoiceLayout Layout { get; init; } = ChoiceLayout.Named;

    /// <summary>Inline layout: the key naming the component inside the mapping (<c>{codec: fp16}</c>).</summary>
    public string Selector { get; init; } = "name";

    /// <summary>
    /// Inline layout: the component a bare number means, with the number as its first option (<c>latency_ms: 30</c> is
    /// <c>{dist: constant, value: 30}</c>).
    /// </summary>
    public string? NumberShorthand { get; init; }

    /// <summary>The component used when the file names none.</summary>
    public string? Default { get; init; }
}
