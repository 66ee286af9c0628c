namespace FedSim.Core.Components;

/// <summary>A setting that names a component of <see cref="Kind"/>, with that component's options.</summary>
internal sealed record ChoiceSpec(string Key, string Help, ComponentKind Kind, ChoiceLayout Layout, string Selector, string DefaultName)
    : SettingSpec(Key, Help)
{
    /// <summary>The component a bare number stands for (its first option set to the number), if any.</summary>
    public string? NumberShorthand { get; init; }
}
