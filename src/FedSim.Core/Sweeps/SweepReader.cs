using System.Text;
using FedSim.Core.Components;
using FedSim.Core.Scenarios;
using YamlDotNet.RepresentationModel;

namespace FedSim.Core.Sweeps;

/// <summary>Reads a sweep's <c>set</c> and <c>axes</c>, resolving each key against the scenario schema.</summary>
internal sealed class SweepReader(ScenarioSchema schema, string source, List<ScenarioError> errors)
{
    public void ReadSet(YamlMappingNode map, string prefix, List<SweepSetting> set)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? "");
            var field = "set." + key;
            if (valueNode is YamlMappingNode child)
            {
                ReadSet(child, key + ".", set);
                continue;
            }
            var path = SweepKeys.Resolve(schema, key);
            if (path is null)
            {
                errors.Add(new ScenarioError(source, LineOf(keyNode), field, $"unknown scenario key (use {SweepKeys.Describe()})"));
                continue;
            }
            var value = Scalar(valueNode, field);
            if (value is not null) set.Add(new SweepSetting(path, value, LineOf(valueNode)));
        }
    }

    public void ReadAxes(YamlMappingNode map, List<SweepAxis> axes)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = LineOf(keyNode);
            var field = "axes." + key;
            var path = SweepKeys.Resolve(schema, key);
            if (path is null)
                errors.Add(new ScenarioError(source, line, field, $"unknown axis key (use {SweepKeys.Describe()})"));
            else if (axes.FirstOrDefault(a => a.Path == path) is { } twin)
                errors.Add(new ScenarioError(source, line, field, $"sets {path}, as axis '{twin.Key}' on line {twin.Line} already does"));
            else if (valueNode is not YamlSequenceNode list)
                errors.Add(new ScenarioError(source, line, field, "expected a list of values, e.g. [a, b]"));
            else if (list.Children.Count == 0)
                errors.Add(new ScenarioError(source, line, field, "empty axis: give at least one value"));
            else axes.Add(new SweepAxis(key, path, line, Values(list, path, field)));
        }
    }

    private List<SweepAxisValue> Values(YamlSequenceNode list, string path, string field)
    {
        var values = new List<SweepAxisValue>();
        foreach (var item in list.Children)
        {
            var value = ReadValue(item, path, field);
            if (value is null) continue;
            var canonical = Canonical(value);
            if (values.FirstOrDefault(v => Canonical(v) == canonical || v.Slug == value.Slug) is { } same)
                errors.Add(new ScenarioError(source, value.Line, field, $"duplicate value '{Describe(value)}' (same as line {same.Line})"));
            else if (value.Label is not null && values.FirstOrDefault(v => v.Label == value.Label) is { } sameLabel)
                errors.Add(new ScenarioError(source, value.Line, field, $"duplicate label '{value.Label}' (also on line {sameLabel.Line})"));
            else values.Add(value);
        }
        return values;
    }

    private SweepAxisValue? ReadValue(YamlNode item, string path, string field)
    {
        var line = LineOf(item);
        var leafPrefix = path is SweepKeys.Algorithm or SweepKeys.Partition ? "" : path == SweepKeys.Seed ? "seed" : path[(path.LastIndexOf('.') + 1)..] + "-";
        if (item is YamlScalarNode scalar)
        {
            var text = Scalar(scalar, field);
            return text is null ? null : new SweepAxisValue([new SweepSetting(path, text, line)], null, leafPrefix + SweepParser.Slugify(text), line) { Primary = text };
        }
        if (item is not YamlMappingNode map)
        {
            errors.Add(new ScenarioError(source, line, field, "expected a value or a mapping of keys for one row"));
            return null;
        }
        var dot = path.IndexOf('.');
        if (dot < 0)
        {
            errors.Add(new ScenarioError(source, line, field, $"{path} takes plain values, not mappings"));
            return null;
        }
        var inline = schema.Resolve(path)?.Setting is ChoiceSpec { Layout: ChoiceLayout.Inline } c ? c : null;
        var (settings, label) = inline is null ? MappingSettings(map, path, field) : InlineSettings(map, path, inline, field);
        if (settings is null) return null;
        var primary = settings.FirstOrDefault(s => s.Path == path);
        if (primary is null)
        {
            var leaf = inline?.Selector ?? path[(dot + 1)..];
            errors.Add(new ScenarioError(source, line, field, $"a mapping value must set {leaf} (e.g. {{{leaf}: ..., label: ...}})"));
            return null;
        }
        settings.Remove(primary);
        settings.Insert(0, primary);
        var slug = new StringBuilder(leafPrefix + SweepParser.Slugify(primary.Value));
        foreach (var s in settings.Skip(1)) slug.Append('-').Append(SweepParser.Slugify(s.Value));
        return new SweepAxisValue(settings, label, slug.ToString(), line) { Primary = primary.Value };
    }

    /// <summary>
    /// One row's keys: keys of the axis's section, and for a component axis (<c>{algorithm: fedprox, mu: 0.01}</c>) the
    /// options of the component the row chooses.
    /// </summary>
    private (List<SweepSetting>? Settings, string? Label) MappingSettings(YamlMappingNode map, string path, string field)
    {
        var section = path[..path.IndexOf('.')];
        var leaf = path[(path.IndexOf('.') + 1)..];
        var chosen = map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == leaf).Value as YamlScalarNode;
        var component = schema.Resolve(path)?.Setting is ChoiceSpec choice && chosen?.Value is { } name ? schema.Components(choice).Find(name) : null;
        string? label = null;
        var settings = new List<SweepSetting>();
        var ok = true;
        foreach (var (kNode, vNode) in map.Children)
        {
            var k = (kNode as YamlScalarNode)?.Value ?? "";
            var text = Scalar(vNode, $"{field}.{k}");
            if (text is null) ok = false;
            else if (k == "label") label = text;
            else if (Key(section, k, component) is { } full) settings.Add(new SweepSetting(full, text, LineOf(vNode)));
            else
            {
                var known = schema.Resolve(section)?.Setting is SectionSpec s ? s.Keys : [];
                var options = component?.Options.Keys ?? [];
                errors.Add(new ScenarioError(source, LineOf(kNode), $"{field}.{k}", $"unknown key (known: {string.Join(", ", known.Prepend("label").Concat(options))})"));
                ok = false;
            }
        }
        return (ok ? settings : null, label);
    }

    /// <summary>
    /// One row of an inline choice's axis (<c>{codec: topk, fraction: 0.01, then: int8, label: ...}</c>): the selector
    /// sets the axis's key, every other key one of the chosen component's options; an option that is itself an inline
    /// choice may be a name or a mapping of its own.
    /// </summary>
    private (List<SweepSetting>? Settings, string? Label) InlineSettings(YamlMappingNode map, string path, ChoiceSpec inline, string field, bool top = true)
    {
        string? label = null;
        var settings = new List<SweepSetting>();
        var ok = true;
        foreach (var (kNode, vNode) in map.Children)
        {
            var k = (kNode as YamlScalarNode)?.Value ?? "";
            if (k == "label" && top)
            {
                label = Scalar(vNode, $"{field}.{k}");
                ok &= label is not null;
                continue;
            }
            var full = k == inline.Selector ? path : $"{path}.{k}";
            var at = schema.Resolve(full);
            if (at is null)
            {
                var options = schema.Components(inline).All.SelectMany(c => c.Options.Keys).Distinct();
                errors.Add(new ScenarioError(source, LineOf(kNode), $"{field}.{k}", $"unknown key (known: {string.Join(", ", top ? options.Prepend(inline.Selector).Prepend("label") : options.Prepend(inline.Selector))})"));
                ok = false;
            }
            else if (vNode is YamlMappingNode nested && at.Setting is ChoiceSpec { Layout: ChoiceLayout.Inline } inner)
            {
                var (more, _) = InlineSettings(nested, full, inner, $"{field}.{k}", top: false);
                if (more is null) ok = false;
                else settings.AddRange(more);
            }
            else if (Scalar(vNode, $"{field}.{k}") is { } text) settings.Insert(full == path ? 0 : settings.Count, new SweepSetting(full, text, LineOf(vNode)));
            else ok = false;
        }
        // The selector first: choosing a component replaces the mapping its options were set in.
        return (ok ? settings : null, label);
    }

    private string? Key(string section, string key, ComponentInfo? component)
    {
        var full = section + "." + key;
        if (component?.Options.Find(key) is not null) return $"{section}.{component.Name}.{key}";
        // Without a known component (e.g. a misspelt one, reported when the cell loads), a bare option name stays flat.
        return schema.Resolve(full) is { Setting: not SectionSpec } at && (!at.IsFlat || component is null) ? full : null;
    }

    public string? Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar && !YamlMappingReader.IsNull(scalar)) return scalar.Value!;
        errors.Add(new ScenarioError(source, LineOf(node), field, node is YamlScalarNode ? "a value is required" : "expected a single value"));
        return null;
    }

    private static int LineOf(YamlNode node) => YamlMappingReader.LineOf(node);

    private static string Canonical(SweepAxisValue v) => string.Join(";", v.Settings.Select(s => s.Override).Order(StringComparer.Ordinal));

    private static string Describe(SweepAxisValue v) =>
        v.Settings.Count == 1 ? v.Primary : string.Join(", ", v.Settings.Select(s => s.Override));
}
