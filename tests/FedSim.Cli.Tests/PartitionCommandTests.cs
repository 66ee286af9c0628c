using System.Text.Json;

namespace FedSim.Cli.Tests;

public sealed class PartitionCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fedsim-part-" + Guid.NewGuid().ToString("N"));

    public PartitionCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario(string extra = "")
    {
        var path = Path.Combine(_dir, "p.yaml");
        File.WriteAllText(path, "name: p\nseed: 0\npartition:\n  strategy: dirichlet\n  parties: 10\n  beta: 0.5\n" + extra);
        return path;
    }

    [Fact]
    public async Task Same_seed_gives_a_byte_identical_partition_and_another_seed_a_different_one()
    {
        var scenario = Scenario();
        var a = await CliRunner.Run("partition", scenario, "--out", Path.Combine(_dir, "a.json"));
        var b = await CliRunner.Run("partition", scenario, "--out", Path.Combine(_dir, "b.json"));
        var c = await CliRunner.Run("partition", scenario, "--out", Path.Combine(_dir, "c.json"), "--set", "seed=1");
        Assert.Equal((0, 0, 0), (a.Exit, b.Exit, c.Exit));

        var bytesA = File.ReadAllBytes(Path.Combine(_dir, "a.json"));
        Assert.Equal(bytesA, File.ReadAllBytes(Path.Combine(_dir, "b.json")));
        Assert.NotEqual(bytesA, File.ReadAllBytes(Path.Combine(_dir, "c.json")));
    }

    [Fact]
    public async Task The_table_and_the_file_describe_every_training_sample_once()
    {
        var (exit, stdout, _) = await CliRunner.Run("partition", Scenario(), "--out", Path.Combine(_dir, "p.json"));
        Assert.Equal(0, exit);
        Assert.Contains("party", stdout);
        Assert.Contains("JS divergence", stdout);
        Assert.Equal(10 + 2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => !l.StartsWith("wrote", StringComparison.Ordinal)));
        var png = File.ReadAllBytes(Path.Combine(_dir, "p.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, "p.json")));
        var parties = doc.RootElement.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(10, doc.RootElement.GetProperty("classes").GetInt32());
        Assert.Equal(10, parties.Count);
        var all = parties.SelectMany(p => p.GetProperty("dataidxs").EnumerateArray().Select(i => i.GetInt32())).ToList();
        Assert.Equal(60_000, all.Count);
        Assert.Equal(60_000, all.Distinct().Count());
        foreach (var p in parties)
        {
            Assert.Equal(p.GetProperty("size").GetInt32(), p.GetProperty("dataidxs").GetArrayLength());
            Assert.Equal(p.GetProperty("size").GetInt32(), p.GetProperty("class_counts").EnumerateArray().Sum(x => x.GetInt32()));
            Assert.InRange(p.GetProperty("js_divergence").GetDouble(), 0, 1);
        }
    }
}
