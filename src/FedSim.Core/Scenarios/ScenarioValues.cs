using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>Reads a value out of a scenario by its dotted path, through the schema.</summary>
internal static class ScenarioValues
{
    /// <summary>The value at a path (a number, a string, a section record, a <see cref="ComponentChoice"/>), or null.</summary>
    public static object? Get(ScenarioSchema schema, Scenario scenario, string path)
    {
        object? current = scenario;
        var section = schema.Root;
        foreach (var part in path.Split('.'))
        {
            var child = section.Find(part);
            if (child?.Property is null || current is null) return null;
            current = child.Property.GetValue(current);
            if (child is SectionSpec nested) section = nested;
            else if (part != path.Split('.')[^1]) return null;
        }
        return current;
    }

    public static ComponentChoice? Choice(ScenarioSchema schema, Scenario scenario, string path) => Get(schema, scenario, path) as ComponentChoice;
}
