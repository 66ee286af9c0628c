using System.Globalization;

namespace FedSim.Cli.Tests;

/// <summary>Asynchronous FL on real runs: the simulated clock orders the arrivals, so the same seed gives the same run.</summary>
[Collection("runs")]
public sealed class AsyncModeTests : IDisposable
{
    private const string Async = """
        system:
          compute_ms_per_sample: {dist: lognormal, median: 1, sigma: 1}
          bandwidth_up_mbps: {dist: lognormal, median: 5, sigma: 1}
          latency_ms: 20
        """;

    /// <summary>Columns that measure the machine (wall-clock seconds), not the simulation.</summary>
    private static readonly string[] WallColumns =
        ["seconds", "eval_seconds", "train_seconds_mean", "train_seconds_std", "train_seconds_max", "train_seconds", "task_seconds", "wait_seconds",
         "fetch_seconds", "upload_seconds", "comm_seconds"];

    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private async Task<(List<IReadOnlyDictionary<string, string>> Metrics, List<IReadOnlyDictionary<string, string>> Parties)> Run(string name, string algorithm,
        string system = "")
    {
        var yaml = SmallScenario.Yaml(parties: 4, rounds: 4) + "\n" + Async + "\n" + system;
        var (exit, stdout, stderr) = await CliRunner.Run("run", _ws.WriteScenario(name + ".yaml", yaml), "--out", _ws.Path_(name),
            "--set", "federation.mode=async", "--set", $"federation.algorithm={algorithm}", "--set", "federation.concurrency=2");
        Assert.True(exit == 0, stdout + stderr);
        return ([.. Csv.Read(Path.Combine(_ws.Path_(name), "metrics.csv"))], [.. Csv.Read(Path.Combine(_ws.Path_(name), "parties.csv"))]);
    }

    private static List<string> Simulated(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        rows.Select(r => string.Join(",", r.Where(c => !WallColumns.Contains(c.Key)).Select(c => $"{c.Key}={c.Value}"))).ToList();

    [Fact]
    public async Task FedBuff_runs_the_same_twice_with_a_server_step_every_K_arrivals_on_the_simulated_clock()
    {
        var (metrics, parties) = await Run("a", "fedbuff");
        var (metrics2, parties2) = await Run("b", "fedbuff");

        Assert.Equal(Simulated(metrics), Simulated(metrics2));
        Assert.Equal(Simulated(parties), Simulated(parties2));
        Assert.Equal(["1", "2", "3", "4"], metrics.Select(m => m["round"]));
        // buffer_size defaults to 5: five arrivals per server step, each with its simulated seconds.
        Assert.All(metrics, m => Assert.Equal("5", m["parties_ok"]));
        Assert.Equal(20, parties.Count);
        Assert.All(parties, p => Assert.True(double.Parse(p["sim_seconds"], CultureInfo.InvariantCulture) > 0.04));
        var clock = metrics.Select(m => double.Parse(m["sim_clock_seconds"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(clock.Order(), clock);
        Assert.True(metrics.Max(m => double.Parse(m["staleness_max"], CultureInfo.InvariantCulture)) >= 1, "with two in flight, some update must be stale");
        var accuracy = metrics.Select(m => double.Parse(m["accuracy"], CultureInfo.InvariantCulture)).ToList();
        Assert.True(accuracy[^1] > accuracy[0] + 0.05, "no learning: accuracy " + string.Join(", ", accuracy));
        // Each update measured against the version it started from, and compared with its server step's change.
        Assert.All(parties, p => Assert.True(Number(p["update_norm"]) > 0, $"update_norm '{p["update_norm"]}'"));
        Assert.All(parties, p => Assert.InRange(Number(p["cosine_to_aggregate"]), -1, 1));
        Assert.All(metrics, m => Assert.True(Number(m["cosine_mean"]) > 0, $"cosine_mean '{m["cosine_mean"]}'"));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Availability_limits_who_starts_and_the_run_stays_deterministic()
    {
        var everyone = await Run("all", "fedasync");
        var (metrics, parties) = await Run("half", "fedasync", "  availability: 0.3\n");
        var (metrics2, parties2) = await Run("half2", "fedasync", "  availability: 0.3\n");

        Assert.Equal(Simulated(metrics), Simulated(metrics2));
        Assert.Equal(Simulated(parties), Simulated(parties2));
        Assert.Equal(4, metrics.Count);
        // The same seed picks other parties (or the same ones later) once some are offline at their draws.
        Assert.NotEqual(Simulated(everyone.Parties), Simulated(parties));
    }

    [Fact]
    public async Task FedAsync_makes_a_server_step_of_every_arrival()
    {
        var (metrics, parties) = await Run("c", "fedasync");

        Assert.Equal(4, parties.Count);
        Assert.All(metrics, m => Assert.Equal("1", m["parties_ok"]));
        Assert.All(metrics, m => Assert.InRange(double.Parse(m["mixing_weight"], CultureInfo.InvariantCulture), 0.6 / Math.Sqrt(4) - 1e-9, 0.6));
    }
}
