using System.Text.Json;
using System.Text.Json.Nodes;
using FedSim.Core.Scenarios;

namespace FedSim.Cli.Tests;

public sealed class SchemaCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("fedsim-schema");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Schema_prints_the_scenario_json_schema_draft_2020_12_indented()
    {
        var (exit, stdout, stderr) = await CliRunner.Run("schema");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var schema = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("object", (string?)schema["type"]);
        var properties = schema["properties"]!.AsObject();
        foreach (var key in new[] { "name", "seed", "dataset", "partition", "training", "federation", "deployment" })
            Assert.True(properties.ContainsKey(key), key);
        Assert.True(JsonNode.DeepEquals(ScenarioJsonSchema.Build(ScenarioFile.Schema), schema));
        Assert.StartsWith("{\n  \"$schema\": ", stdout);
    }

    [Fact]
    public async Task Out_writes_the_same_schema_to_the_file_and_leaves_no_temporary_file()
    {
        var file = Path.Combine(_folder.Root, "nested", "fedsim.schema.json");
        var printed = await CliRunner.Run("schema");

        var (exit, stdout, stderr) = await CliRunner.Run("schema", "--out", file);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal($"wrote {file}\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(printed.Out, File.ReadAllText(file));
        using var parsed = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", parsed.RootElement.GetProperty("$schema").GetString());
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public async Task Out_replaces_an_existing_file_whole()
    {
        var file = _folder.File("schema.json");
        File.WriteAllText(file, new string('x', 1_000_000));

        var (exit, _, _) = await CliRunner.Run("schema", "--out", file);

        Assert.Equal(0, exit);
        Assert.Equal((await CliRunner.Run("schema")).Out, File.ReadAllText(file));
    }
}
