namespace FedSim.Core.Components;

/// <summary>The type of an option's value.</summary>
internal enum OptionKind
{
    String,
    Integer,
    Number,
    Boolean,

    /// <summary>One of a fixed set of names (an enum property, or a string with choices).</summary>
    Choice,

    /// <summary>A list of numbers (<see cref="NumberList"/>), each within the bounds.</summary>
    NumberList,
}
