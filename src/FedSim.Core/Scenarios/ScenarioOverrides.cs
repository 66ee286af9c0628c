using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>Applies <c>key.path=value</c> overrides (from <c>--set</c> or a sweep) to a raw scenario, each checked against the schema.</summary>
internal static class ScenarioOverrides
{
    public const string Source = "--set";

    public static void Apply(ScenarioSchema schema, RawMap root, string assignment, List<ScenarioError> errors)
    {
        var eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            errors.Add(new ScenarioError(Source, null, assignment, "expected key.path=value"));
            return;
        }
        var path = assignment[..eq].Trim();
        var text = assignment[(eq + 1)..].Trim();
        var value = new RawScalar(text is "" or "~" or "null" ? null : text, Source, null);
        var resolved = schema.Resolve(path);
        if (resolved is null)
        {
            errors.Add(new ScenarioError(Source, null, path, UnknownKeys.Message(schema, path)));
            return;
        }
        if (resolved.Setting is SectionSpec section)
        {
            errors.Add(new ScenarioError(Source, null, path, $"is a section, not a value (its keys: {string.Join(", ", section.Keys)})"));
            return;
        }
        Set(schema, root, path.Split('.'), value);
    }

    /// <summary>
    /// Sets the value at the path, creating mappings on the way. An inline choice written as a bare name
    /// (<c>uplink: fp16</c>) that gets one of its options keeps its name under the choice's selector.
    /// </summary>
    private static void Set(ScenarioSchema schema, RawMap root, string[] parts, RawScalar value)
    {
        var map = root;
        SettingSpec? at = schema.Root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var spec = Child(schema, at, parts[i]);
            var entry = map.Get(parts[i]);
            if (entry?.Value is not RawMap child)
            {
                child = new RawMap(Source, null);
                if (spec is ChoiceSpec { Layout: ChoiceLayout.Inline } inline && entry?.Value is RawScalar { Text: not null } name)
                    child.Set(inline.Selector, name, name.Line);
                map.Set(parts[i], child, entry?.KeyLine);
            }
            at = spec ?? (at is SectionSpec section ? ComponentOptions(schema, section, parts[i]) : null);
            map = child;
        }
        map.Set(parts[^1], value, null);
    }

    /// <summary>The setting a key names under a section, or under an inline choice (an option of any component it may choose).</summary>
    private static SettingSpec? Child(ScenarioSchema schema, SettingSpec? at, string key) => at switch
    {
        SectionSpec section => section.Find(key),
        ChoiceSpec { Layout: ChoiceLayout.Inline } inline => schema.InlineOptions(inline, key).Select(o => o.Setting).FirstOrDefault(),
        _ => null,
    };

    private static SectionSpec? ComponentOptions(ScenarioSchema schema, SectionSpec section, string name) =>
        ScenarioSchema.NamedChoices(section).Select(c => schema.Components(c).Find(name)).FirstOrDefault(c => c is not null)?.Options;
}
