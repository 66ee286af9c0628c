using System.Text.Json;
using System.Text.Json.Nodes;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FedSim.Core.Tests.Scenarios;

/// <summary>The generated JSON Schema, checked by an independent validator against the scenarios FedSim ships and against bad ones.</summary>
public sealed class ScenarioJsonSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ScenarioJsonSchema.Build(TestScenarios.Schema).ToJsonString());

    /// <summary>YAML as an editor's YAML support reads it (YAML 1.2 core schema: plain null, booleans, numbers), as JSON.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode s when s.Style != ScalarStyle.Plain => JsonValue.Create(s.Value),
        YamlScalarNode { Value: null or "" or "~" or "null" } => null,
        YamlScalarNode { Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode s when long.TryParse(s.Value, out var l) => JsonValue.Create(l),
        YamlScalarNode s when double.TryParse(s.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode));
        return Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults r) =>
        string.Join("; ", (r.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    public static TheoryData<string> ShippedScenarios()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "FedSim.sln"))) root = Path.GetDirectoryName(root)!;
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order())
            // Sweep files (a base scenario plus axes) are not scenarios.
            if (!File.ReadLines(file).Any(l => l.StartsWith("base:", StringComparison.Ordinal))) data.Add(file);
        return data;
    }

    [Fact]
    public void It_is_draft_2020_12_and_describes_every_top_level_key()
    {
        var schema = ScenarioJsonSchema.Build(TestScenarios.Schema);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal(TestScenarios.Schema.Root.Keys, schema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Every_shipped_scenario_validates(string file)
    {
        var result = Evaluate(File.ReadAllText(file));

        Assert.True(result.IsValid, $"{file}: {Errors(result)}");
    }

    [Fact]
    public void The_resolved_scenario_the_writer_writes_validates_with_every_component_s_options()
    {
        foreach (var algorithm in TestScenarios.Schema.Catalog.Algorithms.Names)
        {
            var yaml = TestScenarios.Schema.ToYaml(TestScenarios.Parse($"federation:\n  algorithm: {algorithm}\ncompression:\n  uplink: fp16\n"));
            var result = Evaluate(yaml);
            Assert.True(result.IsValid, $"{algorithm}: {Errors(result)}\n{yaml}");
        }
    }

    [Fact]
    public void The_old_flat_keys_validate_as_deprecated()
    {
        Assert.True(Evaluate("partition:\n  beta: 0.3\nfederation:\n  mu: 0.1\n").IsValid);
        var beta = ScenarioJsonSchema.Build(TestScenarios.Schema)["properties"]!["partition"]!["properties"]!["beta"]!;
        Assert.True((bool)beta["deprecated"]!);
        Assert.Contains("partition.dirichlet.beta", (string)beta["description"]!);
    }

    [Theory]
    [InlineData("training:\n  lr: fast\n")]
    [InlineData("training:\n  learning_rate: 0.1\n")]
    [InlineData("federation:\n  algorithm: fedsgd\n")]
    [InlineData("federation:\n  fedprox:\n    mu: -1\n")]
    [InlineData("partition:\n  parties: 0\n")]
    [InlineData("compression:\n  uplink: {codec: fp16, bits: 4}\n")]
    [InlineData("compression:\n  uplink: fp8\n")]
    [InlineData("deployment:\n  mode: cloud\n")]
    public void What_the_loader_refuses_the_schema_refuses_too(string yaml)
    {
        Assert.Throws<ScenarioException>(() => TestScenarios.Parse(yaml));
        Assert.False(Evaluate(yaml).IsValid, yaml);
    }
}
