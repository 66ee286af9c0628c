using System.Reflection;

namespace FedSim.Core.Components;

/// <summary>One key of a scenario or of a component's options: a value, a nested section, or a component choice.</summary>
public abstract record SettingSpec(string Key, string Help)
{
    /// <summary>The record property the setting is read into (null for a component's whole options).</summary>
    public PropertyInfo? Property { get; init; }
}
