using System.Globalization;
using System.Text;
using FedSim.Core.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FedSim.Core.Sweeps;

/// <summary>
/// Reads sweep YAML text (<c>name</c>, <c>base</c>, <c>set</c>, <c>axes</c>, <c>jobs</c>) into a <see cref="SweepDefinition"/>.
/// Every problem is reported as <c>file:line: field: message</c>, like scenario files; nothing is checked against a scenario here.
/// </summary>
public static class SweepParser
{
    private static readonly string[] TopKeys = ["name", "base", "set", "axes", "jobs"];

    public static SweepDefinition Parse(string yaml, string source)
    {
        var errors = new List<ScenarioError>();
        var root = ReadRoot(yaml, source, errors);
        if (root is null) throw new ScenarioException(errors);

        string? name = null, basePath = null;
        int baseLine = 0;
        int? jobs = null;
        var set = new List<SweepSetting>();
        var axes = new List<SweepAxis>();
        var sawAxes = false;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = LineOf(keyNode);
            switch (key)
            {
                case "name":
                    name = Scalar(valueNode, source, "name", errors);
                    break;
                case "base":
                    basePath = Scalar(valueNode, source, "base", errors);
                    baseLine = line;
                    break;
                case "jobs":
                    var text = Scalar(valueNode, source, "jobs", errors);
                    if (text is null) break;
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var j) && j >= 1) jobs = j;
                    else errors.Add(new ScenarioError(source, LineOf(valueNode), "jobs", $"expected an integer >= 1, got '{text}'"));
                    break;
                case "set":
                    if (valueNode is YamlMappingNode setMap) ReadSet(setMap, "", source, set, errors);
                    else if (!IsNull(valueNode)) errors.Add(new ScenarioError(source, line, "set", "expected a mapping of scenario keys to values"));
                    break;
                case "axes":
                    sawAxes = true;
                    if (valueNode is YamlMappingNode axesMap) ReadAxes(axesMap, source, axes, errors);
                    else errors.Add(new ScenarioError(source, line, "axes", "expected a mapping of axis keys to lists of values"));
                    break;
                default:
                    errors.Add(new ScenarioError(source, line, key, $"unknown key (known: {string.Join(", ", TopKeys)})"));
                    break;
            }
        }
        if (basePath is null && !errors.Any(e => e.Field == "base"))
            errors.Add(new ScenarioError(source, null, "base", "a sweep needs a base scenario file (base: path, relative to the sweep file)"));
        if (!sawAxes)
            errors.Add(new ScenarioError(source, null, "axes", "a sweep needs at least one axis (e.g. axes: {algorithm: [fedavg], seed: [0, 1]})"));
        else if (axes.Count == 0 && !errors.Any(e => e.Field.StartsWith("axes", StringComparison.Ordinal)))
            errors.Add(new ScenarioError(source, null, "axes", "a sweep needs at least one axis"));
        if (errors.Count > 0) throw new ScenarioException(errors);
        return new SweepDefinition(name ?? Path.GetFileNameWithoutExtension(source), source, basePath!, baseLine, set, axes, jobs);
    }

    private static YamlMappingNode? ReadRoot(string yaml, string source, List<ScenarioError> errors)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(source, (int)e.Start.Line, "syntax", (e.InnerException?.Message ?? e.Message).Trim()));
            return null;
        }
        catch (InvalidOperationException)
        {
            var line = parser.Current is { } last ? (int)last.End.Line : 1;
            errors.Add(new ScenarioError(source, line, "syntax", "malformed YAML after this point (an unclosed '[' or '{'?)"));
            return null;
        }
        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map) return map;
        errors.Add(new ScenarioError(source, stream.Documents.Count == 0 ? 1 : LineOf(stream.Documents[0].RootNode), "(top level)",
            "expected one YAML mapping with keys " + string.Join(", ", TopKeys)));
        return null;
    }

    private static void ReadSet(YamlMappingNode map, string prefix, string source, List<SweepSetting> set, List<ScenarioError> errors)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? "");
            var field = "set." + key;
            if (valueNode is YamlMappingNode child)
            {
                ReadSet(child, key + ".", source, set, errors);
                continue;
            }
            var path = SweepKeys.Resolve(key);
            if (path is null)
            {
                errors.Add(new ScenarioError(source, LineOf(keyNode), field, $"unknown scenario key (use {SweepKeys.Describe()})"));
                continue;
            }
            var value = Scalar(valueNode, source, field, errors);
            if (value is not null) set.Add(new SweepSetting(path, value, LineOf(valueNode)));
        }
    }

    private static void ReadAxes(YamlMappingNode map, string source, List<SweepAxis> axes, List<ScenarioError> errors)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = LineOf(keyNode);
            var field = "axes." + key;
            var path = SweepKeys.Resolve(key);
            if (path is null)
            {
                errors.Add(new ScenarioError(source, line, field, $"unknown axis key (use {SweepKeys.Describe()})"));
                continue;
            }
            if (axes.FirstOrDefault(a => a.Path == path) is { } twin)
            {
                errors.Add(new ScenarioError(source, line, field, $"sets {path}, as axis '{twin.Key}' on line {twin.Line} already does"));
                continue;
            }
            if (valueNode is not YamlSequenceNode list)
            {
                errors.Add(new ScenarioError(source, line, field, "expected a list of values, e.g. [a, b]"));
                continue;
            }
            if (list.Children.Count == 0)
            {
                errors.Add(new ScenarioError(source, line, field, "empty axis: give at least one value"));
                continue;
            }
            var values = new List<SweepAxisValue>();
            foreach (var item in list.Children)
            {
                var value = ReadValue(item, path, source, field, errors);
                if (value is null) continue;
                var canonical = Canonical(value);
                if (values.FirstOrDefault(v => Canonical(v) == canonical || v.Slug == value.Slug) is { } same)
                {
                    errors.Add(new ScenarioError(source, value.Line, field, $"duplicate value '{Describe(value)}' (same as line {same.Line})"));
                    continue;
                }
                if (value.Label is not null && values.FirstOrDefault(v => v.Label == value.Label) is { } sameLabel)
                {
                    errors.Add(new ScenarioError(source, value.Line, field, $"duplicate label '{value.Label}' (also on line {sameLabel.Line})"));
                    continue;
                }
                values.Add(value);
            }
            axes.Add(new SweepAxis(key, path, line, values));
        }
    }

    private static SweepAxisValue? ReadValue(YamlNode item, string path, string source, string field, List<ScenarioError> errors)
    {
        var line = LineOf(item);
        var leafPrefix = path is SweepKeys.Algorithm or SweepKeys.Partition ? "" : path == SweepKeys.Seed ? "seed" : path[(path.LastIndexOf('.') + 1)..] + "-";
        if (item is YamlScalarNode scalar)
        {
            var text = Scalar(scalar, source, field, errors);
            if (text is null) return null;
            var slug = leafPrefix + Slugify(text);
            return new SweepAxisValue([new SweepSetting(path, text, line)], null, slug, line) { Primary = text };
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
        var section = path[..dot];
        var leaf = path[(dot + 1)..];
        string? label = null;
        var settings = new List<SweepSetting>();
        var ok = true;
        foreach (var (kNode, vNode) in map.Children)
        {
            var k = (kNode as YamlScalarNode)?.Value ?? "";
            var text = Scalar(vNode, source, $"{field}.{k}", errors);
            if (text is null)
            {
                ok = false;
                continue;
            }
            if (k == "label")
            {
                label = text;
                continue;
            }
            var full = section + "." + k;
            if (ScenarioSchema.Find(full) is null)
            {
                errors.Add(new ScenarioError(source, LineOf(kNode), $"{field}.{k}",
                    $"unknown key (known: label, {string.Join(", ", ScenarioSchema.Fields.Where(f => f.Path.StartsWith(section + ".", StringComparison.Ordinal)).Select(f => f.Path[(dot + 1)..]))})"));
                ok = false;
                continue;
            }
            settings.Add(new SweepSetting(full, text, LineOf(vNode)));
        }
        if (!ok) return null;
        var primary = settings.FirstOrDefault(s => s.Path == path);
        if (primary is null)
        {
            errors.Add(new ScenarioError(source, line, field, $"a mapping value must set {leaf} (e.g. {{{leaf}: ..., label: ...}})"));
            return null;
        }
        settings.Remove(primary);
        settings.Insert(0, primary);
        var slugText = new StringBuilder(leafPrefix + Slugify(primary.Value));
        foreach (var s in settings.Skip(1)) slugText.Append('-').Append(Slugify(s.Value));
        return new SweepAxisValue(settings, label, slugText.ToString(), line) { Primary = primary.Value };
    }

    private static string? Scalar(YamlNode node, string source, string field, List<ScenarioError> errors)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar)) return scalar.Value!;
        errors.Add(new ScenarioError(source, LineOf(node), field, node is YamlScalarNode ? "a value is required" : "expected a single value"));
        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static int LineOf(YamlNode node) => (int)node.Start.Line;

    private static string Canonical(SweepAxisValue v) => string.Join(";", v.Settings.Select(s => s.Override).Order(StringComparer.Ordinal));

    private static string Describe(SweepAxisValue v) =>
        v.Settings.Count == 1 ? v.Primary : string.Join(", ", v.Settings.Select(s => s.Override));

    /// <summary>Letters, digits and dots kept; runs of anything else become one dash.</summary>
    public static string Slugify(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-', '.');
        return slug.Length == 0 ? "x" : slug;
    }
}
