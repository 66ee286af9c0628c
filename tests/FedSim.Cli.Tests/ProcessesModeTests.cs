using FedSim.Coordinator;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedSim.Cli.Tests;

[Collection("runs")]
public sealed class ProcessesModeTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    /// <summary>Kills the last party process as round 2 starts, while its tasks are being announced and trained.</summary>
    private sealed class KillDuringSecondRound(Func<PartyProcesses?> children) : IRunObserver
    {
        public void RoundStarted(int round, int rounds, int sampled)
        {
            if (round == 2) children()?.Processes[^1].Kill();
        }
    }

    [Fact]
    public async Task Party_processes_give_the_local_partition_and_survive_a_killed_process()
    {
        var local = _ws.WriteScenario("local.yaml", SmallScenario.Yaml(parties: 4, rounds: 1));
        Assert.Equal(0, (await CliRunner.Run("run", local, "--out", _ws.Path_("local"))).Exit);

        var path = _ws.WriteScenario("proc.yaml", SmallScenario.Yaml(parties: 4, rounds: 3, minParties: 2, mode: "processes", processes: 2));
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load(File.ReadAllText(path), path).Scenario;
        PartyProcesses? children = null;
        var outDir = _ws.Path_("run");
        var simulation = new Simulation(scenario, outDir, new KillDuringSecondRound(() => children), NullLoggerFactory.Instance, TimeProvider.System)
        {
            ChildrenStarted = c => children = c,
        };

        var summary = await simulation.RunAsync(new Uri("http://127.0.0.1:0"), Simulation.Parties.ChildProcesses, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(4));

        Assert.Equal("completed", summary.Status);
        Assert.Equal(3, summary.RoundsCompleted);
        Assert.Equal(File.ReadAllBytes(_ws.Path_("local/partition.json")), File.ReadAllBytes(Path.Combine(outDir, "partition.json")));
        var rows = Csv.Read(Path.Combine(outDir, "metrics.csv"));
        Assert.Equal("4", rows[0]["parties_ok"]);
        // Same threads per worker (one each here) in both modes: round 1 is identical, not merely comparable.
        var localRound = Csv.Read(_ws.Path_("local/metrics.csv"))[0];
        foreach (var column in new[] { "accuracy", "loss", "f1_macro", "train_loss", "update_norm_mean" })
            Assert.Equal(localRound[column], rows[0][column]);
        // The second process hosted parties 2-3; after it was killed they fail and the other two carry on.
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal("2", r["parties_ok"]);
            Assert.Equal("2", r["parties_failed"]);
            Assert.Equal("2 3", r["failed_parties"]);
        });
    }
}
