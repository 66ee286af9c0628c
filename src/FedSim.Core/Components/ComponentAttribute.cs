namespace FedSim.Core.Components;

/// <summary>
/// Registers a class as a component: its name in scenario files and a one-line summary. The class derives from its
/// kind's base (e.g. <c>Algorithm&lt;TOptions&gt;</c>) and has a parameterless constructor; catalogs find it by scanning
/// its assembly, so adding a component needs no edit anywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ComponentAttribute(string name, string summary) : Attribute
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    /// <summary>Where the method comes from (a paper), shown by <c>fedsim list</c>.</summary>
    public string? Reference { get; init; }
}
