using System.Globalization;
using System.Text;
using FedSim.Core.Scenarios;
using YamlDotNet.RepresentationModel;

namespace FedSim.Core.Sweeps;

/// <summary>
/// Reads sweep YAML text (<c>name</c>, <c>base</c>, <c>set</c>, <c>axes</c>, <c>jobs</c>) into a <see cref="SweepDefinition"/>.
/// Every problem is reported as <c>file:line: field: message</c>, like scenario files; keys are resolved against the
/// scenario schema, values are checked only when cells are validated.
/// </summary>
public static class SweepParser
{
    private static readonly string[] TopKeys = ["name", "base", "set", "axes", "jobs"];

    public static SweepDefinition Parse(ScenarioSchema schema, string yaml, string source)
    {
        var errors = new List<ScenarioError>();
        var root = YamlMappingReader.ReadRoot(yaml, source, errors);
        if (root is not YamlMappingNode map)
        {
            if (errors.Count == 0)
                errors.Add(new ScenarioError(source, root is null ? 1 : YamlMappingReader.LineOf(root), "(top level)",
                    "expected one YAML mapping with keys " + string.Join(", ", TopKeys)));
            throw new ScenarioException(errors);
        }
        var reader = new SweepReader(schema, source, errors);
        string? name = null, basePath = null;
        var baseLine = 0;
        int? jobs = null;
        var set = new List<SweepSetting>();
        List<SweepAxis>? axes = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = YamlMappingReader.LineOf(keyNode);
            switch (key)
            {
                case "name":
                    name = reader.Scalar(valueNode, "name");
                    break;
                case "base":
                    (basePath, baseLine) = (reader.Scalar(valueNode, "base"), line);
                    break;
                case "jobs":
                    jobs = Jobs(reader.Scalar(valueNode, "jobs"), valueNode, source, errors);
                    break;
                case "set":
                    if (valueNode is YamlMappingNode setMap) reader.ReadSet(setMap, "", set);
                    else if (!YamlMappingReader.IsNull(valueNode)) errors.Add(new ScenarioError(source, line, "set", "expected a mapping of scenario keys to values"));
                    break;
                case "axes":
                    axes = [];
                    if (valueNode is YamlMappingNode axesMap) reader.ReadAxes(axesMap, axes);
                    else errors.Add(new ScenarioError(source, line, "axes", "expected a mapping of axis keys to lists of values"));
                    break;
                default:
                    errors.Add(new ScenarioError(source, line, key, $"unknown key (known: {string.Join(", ", TopKeys)})"));
                    break;
            }
        }
        CheckRequired(source, basePath, axes, errors);
        if (errors.Count > 0) throw new ScenarioException(errors);
        return new SweepDefinition(name ?? Path.GetFileNameWithoutExtension(source), source, basePath!, baseLine, set, axes!, jobs);
    }

    private static int? Jobs(string? text, YamlNode node, string source, List<ScenarioError> errors)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var j) && j >= 1) return j;
        errors.Add(new ScenarioError(source, YamlMappingReader.LineOf(node), "jobs", $"expected an integer >= 1, got '{text}'"));
        return null;
    }

    private static void CheckRequired(string source, string? basePath, List<SweepAxis>? axes, List<ScenarioError> errors)
    {
        if (basePath is null && !errors.Any(e => e.Field == "base"))
            errors.Add(new ScenarioError(source, null, "base", "a sweep needs a base scenario file (base: path, relative to the sweep file)"));
        if (axes is null)
            errors.Add(new ScenarioError(source, null, "axes", "a sweep needs at least one axis (e.g. axes: {algorithm: [fedavg], seed: [0, 1]})"));
        else if (axes.Count == 0 && !errors.Any(e => e.Field.StartsWith("axes", StringComparison.Ordinal)))
            errors.Add(new ScenarioError(source, null, "axes", "a sweep needs at least one axis"));
    }

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
