using System.Globalization;
using System.Text.Json;

namespace FedSim.Cli.Tests;

[Collection("runs")]
public sealed class RunCommandTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Two_rounds_with_three_parties_over_grpc_write_the_run_folder()
    {
        var scenario = _ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 3, rounds: 2));
        var outDir = _ws.Path_("run");

        var (exit, stdout, stderr) = await CliRunner.Run("run", scenario, "--out", outDir);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("round 2/2", stdout);
        Assert.Contains(outDir, stdout);
        foreach (var f in new[] { "scenario.yaml", "partition.json", "metrics.csv", "parties.csv", "summary.json" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        // The final global model, in a format PyTorch and numpy read: simple-cnn's 44,426 floats, after round 2.
        var (model, metadata) = Core.Weights.SafeTensors.Decode(File.ReadAllBytes(Path.Combine(outDir, "model.safetensors")));
        Assert.Equal(44_426, model.TotalElements);
        Assert.Equal("2", metadata["round"]);
        Assert.Null(model.FirstNonFinite());

        var rows = Csv.Read(Path.Combine(outDir, "metrics.csv"));
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal("3", row["parties_ok"]);
            Assert.Equal("0", row["parties_failed"]);
            var accuracy = double.Parse(row["accuracy"], CultureInfo.InvariantCulture);
            Assert.InRange(accuracy, 0.0, 1.0);
            // simple-cnn is 44,426 floats: each party's upload alone is at least that many bytes.
            Assert.True(long.Parse(row["bytes_up"], CultureInfo.InvariantCulture) >= 3 * 44_426 * 4);
            Assert.True(long.Parse(row["bytes_down"], CultureInfo.InvariantCulture) >= 3 * 44_426 * 4);
        }
        // Training helps: the second round's test loss is below chance level (ln 10 = 2.30).
        Assert.True(double.Parse(rows[1]["loss"], CultureInfo.InvariantCulture) < 2.30);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var s = summary.RootElement;
        Assert.Equal("completed", s.GetProperty("status").GetString());
        Assert.Equal(2, s.GetProperty("rounds_completed").GetInt32());
        Assert.Equal("fedavg", s.GetProperty("algorithm").GetString());
        Assert.Equal(rows.Sum(r => long.Parse(r["bytes_up"], CultureInfo.InvariantCulture)), s.GetProperty("total_bytes_up").GetInt64());
        Assert.Equal(rows.Max(r => double.Parse(r["accuracy"], CultureInfo.InvariantCulture)), s.GetProperty("best_accuracy").GetDouble(), 9);
        Assert.Equal(double.Parse(rows[1]["accuracy"], CultureInfo.InvariantCulture), s.GetProperty("final_accuracy").GetDouble(), 9);

        var partyRows = Csv.Read(Path.Combine(outDir, "parties.csv"));
        Assert.Equal(6, partyRows.Count);
        Assert.All(partyRows, r => Assert.Equal("ok", r["status"]));
        // Where each task's time went: announcement to result contains the slot wait, the training and the transfers.
        Assert.All(partyRows, r =>
        {
            double D(string c) => double.Parse(r[c], CultureInfo.InvariantCulture);
            Assert.True(D("task_seconds") >= D("wait_seconds") + D("train_seconds"), string.Join(",", r));
            Assert.InRange(D("comm_seconds"), 0, D("task_seconds"));
            Assert.InRange(D("fetch_seconds"), 0, D("comm_seconds"));
            Assert.InRange(D("upload_seconds"), 0, D("comm_seconds"));
            Assert.Equal(D("task_seconds") - D("wait_seconds") - D("train_seconds"), D("comm_seconds"), 9);
        });
        // Three parties, two workers: in each round one task queues for a slot while another trains, and that
        // queueing shows as wait, not as communication.
        foreach (var round in partyRows.GroupBy(r => r["round"]))
        {
            var waits = round.Select(r => double.Parse(r["wait_seconds"], CultureInfo.InvariantCulture)).ToList();
            var trains = round.Select(r => double.Parse(r["train_seconds"], CultureInfo.InvariantCulture)).ToList();
            Assert.True(waits.Max() >= 0.5 * trains.Min(), $"round {round.Key}: waits {string.Join(' ', waits)}, training {string.Join(' ', trains)}");
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_metrics()
    {
        var scenario = _ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 3, rounds: 1));
        var a = await CliRunner.Run("run", scenario, "--out", _ws.Path_("a"));
        var b = await CliRunner.Run("run", scenario, "--out", _ws.Path_("b"));
        Assert.Equal(0, a.Exit);
        Assert.Equal(0, b.Exit);

        static string[] Deterministic(string dir) => Csv.Read(Path.Combine(dir, "metrics.csv"))
            .Select(r => string.Join(",", r["accuracy"], r["loss"], r["f1_macro"], r["train_loss"], r["bytes_up"], r["update_norm_mean"])).ToArray();
        Assert.Equal(Deterministic(_ws.Path_("a")), Deterministic(_ws.Path_("b")));
        Assert.Equal(File.ReadAllBytes(_ws.Path_("a/partition.json")), File.ReadAllBytes(_ws.Path_("b/partition.json")));
    }

    [Fact]
    public async Task A_partition_the_data_cannot_satisfy_is_refused_before_any_round()
    {
        // 200 parties x min_size 10 needs 2,000 samples; the slice has 1,500.
        var scenario = _ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 200, rounds: 1));
        var (exit, _, stderr) = await CliRunner.Run("run", scenario, "--out", _ws.Path_("x"));
        Assert.Equal(2, exit);
        Assert.Contains("partition.dirichlet.min_size", stderr);
        Assert.Contains("1500", stderr);
        Assert.False(File.Exists(_ws.Path_("x/metrics.csv")));
    }

    [Fact]
    public async Task A_run_folder_that_cannot_be_created_is_bad_input_reported_before_the_data_loads()
    {
        var scenario = _ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 3, rounds: 1));

        var (exit, stdout, stderr) = await CliRunner.Run("run", scenario, "--out", "/proc/fedsim-no-such-folder/run");

        Assert.Equal(2, exit);
        Assert.Contains("--out: cannot create or write the run folder '/proc/fedsim-no-such-folder/run'", stderr);
        Assert.DoesNotContain("internal error", stderr);
        Assert.DoesNotContain("waiting for party nodes", stdout);
    }
}
