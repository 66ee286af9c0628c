using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace FedSim.Cli.Tests.Export;

/// <summary>Parses YAML the way a reader of the exported files would (untyped: maps, lists, string scalars), and walks it.</summary>
internal static class YamlTree
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static Dictionary<object, object> Load(string text) =>
        Deserializer.Deserialize<Dictionary<object, object>>(text);

    /// <summary>Every document of a multi-document stream (<c>---</c> separated).</summary>
    public static List<Dictionary<object, object>> LoadAll(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        var docs = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
            docs.Add(Deserializer.Deserialize<Dictionary<object, object>>(parser));
        return docs;
    }

    /// <summary>The node at a path of map keys, e.g. <c>Get(doc, "spec", "template", "spec")</c>; fails the test when missing.</summary>
    public static object Get(object node, params string[] path)
    {
        foreach (var key in path)
        {
            var map = Assert.IsType<Dictionary<object, object>>(node);
            Assert.True(map.TryGetValue(key, out var next), $"missing key '{key}' (have: {string.Join(", ", map.Keys)})");
            node = next!;
        }
        return node;
    }

    public static Dictionary<object, object> Map(object node, params string[] path) =>
        Assert.IsType<Dictionary<object, object>>(Get(node, path));

    public static List<object> List(object node, params string[] path) =>
        Assert.IsType<List<object>>(Get(node, path));

    public static string Text(object node, params string[] path) =>
        Assert.IsType<string>(Get(node, path));

    public static List<string> Strings(object node, params string[] path) =>
        List(node, path).Select(o => Assert.IsType<string>(o)).ToList();

    public static bool Has(object node, string key) =>
        node is Dictionary<object, object> map && map.ContainsKey(key);
}
