namespace FedSim.Core.Components;

/// <summary>What every component declares beside its <see cref="ComponentAttribute"/>: its kind and its options record.</summary>
public interface IComponent
{
    ComponentKind Kind { get; }

    /// <summary>The options record (a class with a parameterless constructor and <see cref="OptionAttribute"/> properties).</summary>
    Type OptionsType { get; }

    /// <summary>
    /// Problems with a whole options record beyond each option's own bounds (e.g. two options that contradict each
    /// other), as (option key, message) pairs; none by default.
    /// </summary>
    IEnumerable<(string Key, string Message)> Check(object options) => [];
}
