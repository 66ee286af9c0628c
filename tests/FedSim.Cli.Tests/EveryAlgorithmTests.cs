using System.Globalization;
using FedSim.Training;

namespace FedSim.Cli.Tests;

/// <summary>Every registered algorithm, both halves, for two rounds over real gRPC: the registry and the wire cannot disagree.</summary>
[Collection("runs")]
public sealed class EveryAlgorithmTests : IDisposable
{
    private readonly TestWorkspace _ws = new(train: 600, test: 200);

    public void Dispose() => _ws.Dispose();

    public static TheoryData<string> Algorithms() => [.. DefaultCatalog.Instance.Algorithms.Names];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Runs_two_rounds_over_grpc_with_every_party_answering(string algorithm)
    {
        // An asynchronous algorithm runs its two server steps with both parties in flight.
        var isAsync = Core.Algorithms.ScenarioAlgorithm.IsAsynchronous(DefaultCatalog.Instance.Algorithms.Get(algorithm));
        var yaml = SmallScenario.Yaml(parties: 2, rounds: 2)
            .Replace("algorithm: fedavg", $"algorithm: {algorithm}" + (isAsync ? "\n  mode: async\n  concurrency: 2\n  fedbuff: {buffer_size: 2}" : ""));
        var scenario = _ws.WriteScenario($"{algorithm}.yaml", yaml);
        var outDir = _ws.Path_(algorithm);

        var (exit, stdout, stderr) = await CliRunner.Run("run", scenario, "--out", outDir);

        Assert.True(exit == 0, stdout + stderr);
        var rows = Csv.Read(Path.Combine(outDir, "metrics.csv"));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("0", r["parties_failed"]));
        Assert.All(rows, r => Assert.InRange(int.Parse(r["parties_ok"], CultureInfo.InvariantCulture), isAsync ? 1 : 2, 2));
        Assert.All(rows, r => Assert.InRange(double.Parse(r["accuracy"], CultureInfo.InvariantCulture), 0.0, 1.0));
        Assert.Contains($"  algorithm: {algorithm}\n", File.ReadAllText(Path.Combine(outDir, "scenario.yaml")));
    }
}
