using FedSim.Core.Components;
using FedSim.Core.Yaml;

namespace FedSim.Core.Scenarios;

/// <summary>
/// Writes a scenario back as YAML (with YamlDotNet) with every key resolved, in schema order: a named choice with its
/// chosen component's options under that component's name, an inline choice as a bare name when the component has no options.
/// </summary>
internal static class ScenarioWriter
{
    public static string ToYaml(ScenarioSchema schema, Scenario scenario) => YamlText.Serialize(Section(schema, scenario, schema.Root));

    private static Dictionary<string, object?> Section(ScenarioSchema schema, object record, SectionSpec spec)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var child in spec.Children)
        {
            var value = child.Property!.GetValue(record);
            switch (child)
            {
                case OptionSpec:
                    map[child.Key] = value switch
                    {
                        Enum e => OptionNames.Kebab(e.ToString()),
                        NumberList list => list.Values.ToList(),
                        _ => value,
                    };
                    break;
                case SectionSpec section:
                    map[child.Key] = Section(schema, value!, section);
                    break;
                case ChoiceSpec choice:
                    var chosen = (ComponentChoice)value!;
                    var component = schema.Components(choice).Get(chosen.Name);
                    var options = component.Options.Children.Count == 0 ? null
                        : Section(schema, chosen.Options ?? component.Options.CreateDefault(), component.Options);
                    if (choice.Layout == ChoiceLayout.Named)
                    {
                        map[child.Key] = chosen.Name;
                        if (options is not null) map[chosen.Name] = options;
                    }
                    else if (chosen.Name == choice.NumberShorthand && options is { Count: 1 }) map[child.Key] = options.Values.Single();
                    else map[child.Key] = options is null ? chosen.Name : new Dictionary<string, object?> { [choice.Selector] = chosen.Name }.Concat(options).ToDictionary();
                    break;
            }
        }
        return map;
    }
}
