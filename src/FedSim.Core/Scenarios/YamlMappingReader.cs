using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FedSim.Core.Scenarios;

/// <summary>
/// Reads YAML text holding one mapping (a scenario or a sweep) into a <see cref="RawMap"/>, reporting syntax errors,
/// several documents, a top level that is not a mapping and dotted keys with their lines.
/// </summary>
internal static class YamlMappingReader
{
    /// <summary>The document's root node, or null (with an error, or for an empty document).</summary>
    public static YamlNode? ReadRoot(string yaml, string source, List<ScenarioError> errors)
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
            // YamlDotNet's scanner gives up on some malformed input (e.g. an unclosed '[') without a position;
            // the last event it parsed is where the trouble starts.
            var line = parser.Current is { } last ? (int)last.End.Line : 1;
            errors.Add(new ScenarioError(source, line, "syntax", "malformed YAML after this point (an unclosed '[' or '{'?)"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            errors.Add(new ScenarioError(source, (int)stream.Documents[1].RootNode.Start.Line, "syntax", "a scenario file holds one YAML document"));
            return null;
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>The whole document as a raw mapping; null when it is not one (an error is added) or holds no keys.</summary>
    public static RawMap? Read(string yaml, string source, List<ScenarioError> errors)
    {
        var root = ReadRoot(yaml, source, errors);
        if (root is null || IsNull(root)) return null;
        if (root is not YamlMappingNode map)
        {
            errors.Add(new ScenarioError(source, LineOf(root), "(top level)", "expected a mapping of keys to values"));
            return null;
        }
        return (RawMap)Convert(map, "", source, errors);
    }

    private static RawNode Convert(YamlNode node, string path, string source, List<ScenarioError> errors)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                // Only a plain null (~, null or nothing) is missing; a quoted "null" is the string null.
                var text = scalar.Style is ScalarStyle.Plain && scalar.Value is "~" or "null" or "" ? null : scalar.Value;
                return new RawScalar(text, source, LineOf(node));
            case YamlMappingNode map:
                var raw = new RawMap(source, LineOf(node));
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    var keyPath = path.Length == 0 ? key : path + "." + key;
                    if (key.Contains('.'))
                    {
                        errors.Add(new ScenarioError(source, LineOf(keyNode), keyPath, $"write nested keys as a mapping ({key.Replace(".", ":\n  ")}), not with dots"));
                        continue;
                    }
                    raw.Entries.Add(new RawEntry(key, LineOf(keyNode), Convert(valueNode, keyPath, source, errors)));
                }
                return raw;
            case YamlSequenceNode list:
                return new RawList(list.Children.Select(c => Convert(c, path, source, errors)).ToList(), source, LineOf(node));
            default:
                return new RawOther("a node", source, LineOf(node));
        }
    }

    public static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
