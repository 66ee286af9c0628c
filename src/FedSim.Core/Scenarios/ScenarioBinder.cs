using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>
/// Builds records from a raw scenario against the schema: every value parsed and checked, every unknown key refused,
/// every problem added to the error list with its source and line (binding goes on, so all problems are found at once).
/// </summary>
internal sealed class ScenarioBinder(ScenarioSchema schema, List<ScenarioError> errors)
{
    public object Section(RawMap? raw, SectionSpec spec, string prefix)
    {
        var result = spec.CreateDefault();
        var options = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var entry in raw?.Entries ?? [])
        {
            var path = prefix + entry.Key;
            switch (spec.Find(entry.Key))
            {
                case OptionSpec option:
                    if (Value(entry.Value, option, path, out var value)) option.Property!.SetValue(result, value);
                    break;
                case SectionSpec section:
                    if (Mapping(entry.Value is RawMap ? entry.Value : entry.Value with { Line = entry.KeyLine ?? entry.Value.Line }, section, path) is var (ok, map) && ok)
                        section.Property!.SetValue(result, Section(map, section, path + "."));
                    break;
                case ChoiceSpec { Layout: ChoiceLayout.Inline } inline:
                    inline.Property!.SetValue(result, Inline(entry.Value, inline, path, spec));
                    break;
                case ChoiceSpec:
                    break; // a named choice is set below, with its component's options
                default:
                    if (ComponentOf(spec, entry.Key) is { } component) options[entry.Key] = ComponentOptions(entry.Value, component, path);
                    else errors.Add(new ScenarioError(entry.Value.Source, entry.KeyLine ?? entry.Value.Line, path, UnknownKeys.Message(schema, path)));
                    break;
            }
        }
        foreach (var choice in ScenarioSchema.NamedChoices(spec))
            choice.Property!.SetValue(result, Named(raw?.Get(choice.Key), choice, prefix + choice.Key, options));
        // What the file leaves out is bound too, so every choice in the result carries its component.
        foreach (var child in spec.Children.Where(c => raw?.Get(c.Key) is null))
        {
            if (child is SectionSpec section) section.Property!.SetValue(result, Section(null, section, prefix + child.Key + "."));
            else if (child is ChoiceSpec { Layout: ChoiceLayout.Inline } inline)
                inline.Property!.SetValue(result, Choice(schema.Components(inline), inline.DefaultName, null));
        }
        return result;
    }

    private ComponentInfo? ComponentOf(SectionSpec spec, string key) =>
        ScenarioSchema.NamedChoices(spec).Select(c => schema.Components(c).Find(key)).FirstOrDefault(c => c is not null);

    private bool Value(RawNode node, OptionSpec option, string path, out object? value)
    {
        value = null;
        if (option.Kind == OptionKind.NumberList && node is RawList { Items: var items } list && items.All(i => i is RawScalar { Text: not null }))
            node = new RawScalar(string.Join(",", items.Select(i => ((RawScalar)i).Text)), list.Source, list.Line);
        if (node is not RawScalar scalar)
        {
            errors.Add(new ScenarioError(node.Source, node.Line, path, $"expected a single value ({option.Describe()})"));
            return false;
        }
        var (parsed, error) = option.Parse(scalar.Text);
        if (error is not null)
        {
            errors.Add(new ScenarioError(scalar.Source, scalar.Line, path, error));
            return false;
        }
        value = parsed;
        return true;
    }

    /// <summary>A mapping, or null for a plain null (defaults); false with an error for anything else.</summary>
    private (bool Ok, RawMap? Map) Mapping(RawNode node, SectionSpec spec, string path)
    {
        if (node is RawMap map) return (true, map);
        if (node is RawScalar { Text: null }) return (true, null);
        var keys = spec.Keys.Concat(ScenarioSchema.NamedChoices(spec).SelectMany(c => schema.Components(c).Names));
        errors.Add(new ScenarioError(node.Source, node.Line, path, $"expected a mapping with keys {string.Join(", ", keys)}"));
        return (false, null);
    }

    private object ComponentOptions(RawNode node, ComponentInfo component, string path)
    {
        var (ok, map) = Mapping(node, component.Options, path);
        var options = ok ? Section(map, component.Options, path + ".") : component.Options.CreateDefault();
        foreach (var (key, message) in component.Implementation.Check(options))
        {
            var at = map?.Get(key);
            errors.Add(new ScenarioError(at?.Value.Source ?? node.Source, at?.Value.Line ?? node.Line, $"{path}.{key}", message));
        }
        return options;
    }

    private ComponentChoice Named(RawEntry? selector, ChoiceSpec choice, string path, Dictionary<string, object> options)
    {
        var name = choice.DefaultName;
        if (selector is not null && ComponentName(selector.Value, choice, path) is { } given) name = given;
        return Choice(schema.Components(choice), name, options.GetValueOrDefault(name));
    }

    private string? ComponentName(RawNode node, ChoiceSpec choice, string path)
    {
        var registry = schema.Components(choice);
        var names = string.Join(", ", registry.Names);
        if (node is not RawScalar { Text: { } text } scalar)
        {
            var what = node is RawScalar ? "a value is required" : "expected a single value";
            errors.Add(new ScenarioError(node.Source, node.Line, path, $"{what} (one of {names})"));
            return null;
        }
        if (registry.Find(text) is not null) return text;
        var suggestion = UnknownKeys.Closest(text, registry.Names);
        errors.Add(new ScenarioError(scalar.Source, scalar.Line, path,
            $"'{text}' is not one of {names}{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}"));
        return null;
    }

    /// <summary>An inline choice; an unknown key that names a setting of <paramref name="parent"/> (<c>downlink.delta</c> for <c>downlink_delta</c>) gets a hint.</summary>
    private ComponentChoice Inline(RawNode node, ChoiceSpec choice, string path, SectionSpec parent)
    {
        var registry = schema.Components(choice);
        if (node is RawScalar { Text: null }) return Choice(registry, choice.DefaultName, null);
        if (Shorthand(node, choice) is { } number) node = number;
        if (node is not RawMap map) return Choice(registry, ComponentName(node, choice, path) ?? choice.DefaultName, null);
        if (map.Get(choice.Selector) is not { } selector)
        {
            errors.Add(new ScenarioError(map.Source, map.Line, path, $"expected '{choice.Selector}' naming one of {string.Join(", ", registry.Names)}"));
            return Choice(registry, choice.DefaultName, null);
        }
        var name = ComponentName(selector.Value, choice, $"{path}.{choice.Selector}");
        if (name is null) return Choice(registry, choice.DefaultName, null);
        var component = registry.Get(name);
        var rest = new RawMap(map.Source, map.Line);
        foreach (var e in map.Entries)
        {
            if (e.Key == choice.Selector) continue;
            if (component.Options.Find(e.Key) is null)
                errors.Add(new ScenarioError(e.Value.Source, e.KeyLine ?? e.Value.Line, $"{path}.{e.Key}",
                    $"unknown key ({name} takes {(component.Options.Children.Count == 0 ? "no options" : string.Join(", ", component.Options.Keys))})"
                    + (parent.Find($"{choice.Key}_{e.Key}") is null ? "" : $"; did you mean {path}_{e.Key}?")));
            else rest.Entries.Add(e);
        }
        return Choice(registry, name, ComponentOptions(rest, component, path));
    }

    /// <summary>A bare number where the choice has a number shorthand: the mapping it stands for (<c>30</c> as <c>{dist: constant, value: 30}</c>).</summary>
    private RawMap? Shorthand(RawNode node, ChoiceSpec choice)
    {
        if (choice.NumberShorthand is not { } name || node is not RawScalar { Text: { } text } scalar) return null;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) return null;
        var first = schema.Components(choice).Get(name).Options.Children[0].Key;
        var map = new RawMap(scalar.Source, scalar.Line);
        map.Set(choice.Selector, new RawScalar(name, scalar.Source, scalar.Line), scalar.Line);
        map.Set(first, scalar, scalar.Line);
        return map;
    }

    /// <summary>The choice with its options (the component's defaults when none were written) and its registered component.</summary>
    private static ComponentChoice Choice(Registry registry, string name, object? options)
    {
        var component = registry.Find(name);
        return new ComponentChoice(name, options ?? component?.Options.CreateDefault()) { Component = component };
    }
}
