namespace FedSim.Core.Components;

/// <summary>Marks a property whose record is a nested mapping of a scenario (e.g. <c>training:</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SectionAttribute(string help) : Attribute
{
    public string Help { get; } = help;

    public string? Key { get; init; }
}
