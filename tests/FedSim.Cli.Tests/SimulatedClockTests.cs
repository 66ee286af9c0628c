using System.Globalization;
using System.Text.Json;
using FedSim.Core.Systems;

namespace FedSim.Cli.Tests;

/// <summary>
/// The simulated clock on real runs: each party's <c>sim_seconds</c> is the device formula over the bytes it really
/// sent and received, and deadlines, over-commitment and dropout fail exactly the parties they should.
/// </summary>
[Collection("runs")]
public sealed class SimulatedClockTests : IDisposable
{
    private const string Devices = """
        system:
          compute_ms_per_sample: 0.5
          bandwidth_up_mbps: 10
          bandwidth_down_mbps: 20
          latency_ms: 15
        """;

    private static readonly DeviceProfile Device = new(ComputeMsPerSample: 0.5, BandwidthUpMbps: 10, BandwidthDownMbps: 20, LatencyMs: 15);

    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private async Task<(List<IReadOnlyDictionary<string, string>> Parties, List<IReadOnlyDictionary<string, string>> Rounds)> Run(
        string name, string system, int parties, int rounds, params string[] set)
    {
        var yaml = SmallScenario.Yaml(parties: parties, rounds: rounds) + "\n" + system + "\n";
        var args = new List<string> { "run", _ws.WriteScenario(name + ".yaml", yaml), "--out", _ws.Path_(name) };
        foreach (var s in set) args.AddRange(["--set", s]);
        var (exit, stdout, stderr) = await CliRunner.Run([.. args]);
        Assert.True(exit == 0, stdout + stderr);
        return ([.. Csv.Read(Path.Combine(_ws.Path_(name), "parties.csv"))], [.. Csv.Read(Path.Combine(_ws.Path_(name), "metrics.csv"))]);
    }

    private static double D(IReadOnlyDictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    private static long L(IReadOnlyDictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);

    private static double Formula(IReadOnlyDictionary<string, string> p) =>
        2 * Device.LatencyMs / 1000 + L(p, "bytes_down") * 8 / (Device.BandwidthDownMbps * 1e6)
        + L(p, "examples") * 1 * Device.ComputeMsPerSample / 1000 + L(p, "bytes_up") * 8 / (Device.BandwidthUpMbps * 1e6);

    [Fact]
    public async Task With_constant_devices_every_party_s_sim_seconds_is_the_formula_and_the_clock_adds_up_the_rounds()
    {
        var (parties, rounds) = await Run("constant", Devices, parties: 3, rounds: 2);

        Assert.Equal(6, parties.Count);
        Assert.All(parties, p => Assert.Equal(Formula(p), D(p, "sim_seconds"), 9));
        Assert.All(parties, p => Assert.True(L(p, "bytes_down") > 100_000 && L(p, "bytes_up") > 100_000));
        var clock = 0.0;
        foreach (var r in rounds)
        {
            var slowest = parties.Where(p => p["round"] == r["round"]).Max(p => D(p, "sim_seconds"));
            Assert.Equal(slowest, D(r, "sim_round_seconds"), 9);
            clock += slowest;
            Assert.Equal(clock, D(r, "sim_clock_seconds"), 9);
        }
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_ws.Path_("constant"), "summary.json")));
        Assert.Equal(clock, summary.RootElement.GetProperty("sim_clock_seconds").GetDouble(), 9);
        CompareCommandTests.AssertPng(Path.Combine(_ws.Path_("constant"), "accuracy-vs-time.png"));
    }

    [Fact]
    public async Task Summary_json_gives_the_round_simulated_time_and_bytes_at_which_each_accuracy_target_was_first_reached()
    {
        var (_, rounds) = await Run("targets", Devices, parties: 3, rounds: 3, "report.accuracy_targets=[0.01, 0.3, 0.999]");

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_ws.Path_("targets"), "summary.json")));
        var targets = summary.RootElement.GetProperty("accuracy_targets").EnumerateArray().ToList();
        Assert.Equal([0.01, 0.3, 0.999], targets.Select(t => t.GetProperty("accuracy").GetDouble()));
        foreach (var t in targets)
        {
            var first = rounds.FindIndex(r => D(r, "accuracy") >= t.GetProperty("accuracy").GetDouble());
            if (first < 0)
            {
                Assert.Equal(JsonValueKind.Null, t.GetProperty("round").ValueKind);
                Assert.Equal(JsonValueKind.Null, t.GetProperty("bytes").ValueKind);
                continue;
            }
            Assert.Equal(first + 1, t.GetProperty("round").GetInt32());
            Assert.Equal(D(rounds[first], "sim_clock_seconds"), t.GetProperty("sim_seconds").GetDouble(), 9);
            var bytes = rounds.Take(first + 1).Sum(r => L(r, "bytes_up") + L(r, "bytes_down"));
            Assert.Equal(bytes, t.GetProperty("bytes").GetInt64());
        }
        Assert.Equal(1, targets[0].GetProperty("round").GetInt32()); // any model beats 1% on ten classes
        Assert.Equal(JsonValueKind.Null, targets[2].GetProperty("round").ValueKind);
    }

    [Fact]
    public async Task A_deadline_fails_exactly_the_parties_slower_than_it_and_the_round_lasts_until_it()
    {
        var (free, _) = await Run("free", Devices, parties: 4, rounds: 1);
        var times = free.Select(p => D(p, "sim_seconds")).Order().ToList();
        var deadline = (times[1] + times[2]) / 2; // two parties in time, two too slow (their sizes differ)
        Assert.True(times[1] < times[2], string.Join(", ", times));

        var (parties, rounds) = await Run("deadline", Devices + $"\n  deadline_s: {deadline.ToString("R", CultureInfo.InvariantCulture)}", parties: 4, rounds: 1);

        foreach (var p in parties)
        {
            var slow = free.Single(f => f["party"] == p["party"]) is var f && D(f, "sim_seconds") > deadline;
            Assert.Equal(slow ? "failed" : "ok", p["status"]);
            if (slow) Assert.StartsWith("deadline: simulated", p["error"], StringComparison.Ordinal);
        }
        Assert.Equal("2", rounds[0]["parties_ok"]);
        Assert.Equal(deadline, D(rounds[0], "sim_round_seconds"), 9);
    }

    [Fact]
    public async Task Over_commitment_samples_more_and_aggregates_the_first_k_to_finish()
    {
        // 6 parties, fraction 0.5: k = 3; over_commit 2 samples all 6 and keeps the 3 fastest in simulated time.
        var (parties, rounds) = await Run("over", Devices + "\n  over_commit: 2", parties: 6, rounds: 2, "federation.fraction=0.5");

        foreach (var round in parties.GroupBy(p => p["round"]))
        {
            Assert.Equal(6, round.Count());
            var fastest = round.OrderBy(p => D(p, "sim_seconds")).ThenBy(p => L(p, "party")).Take(3).Select(p => p["party"]).ToHashSet();
            Assert.All(round, p => Assert.Equal(fastest.Contains(p["party"]) ? "ok" : "failed", p["status"]));
            Assert.All(round.Where(p => !fastest.Contains(p["party"])), p => Assert.StartsWith("late:", p["error"], StringComparison.Ordinal));
            Assert.Equal(round.Where(p => fastest.Contains(p["party"])).Max(p => D(p, "sim_seconds")),
                D(rounds.Single(r => r["round"] == round.Key), "sim_round_seconds"), 9);
        }
        Assert.All(rounds, r => Assert.Equal(("6", "3"), (r["parties_sampled"], r["parties_ok"])));
    }

    [Fact]
    public async Task Dropout_fails_exactly_the_parties_its_seeded_draw_picks()
    {
        var (parties, _) = await Run("dropout", "system:\n  dropout: 0.4", parties: 5, rounds: 3, "federation.min_parties=1");

        var expected = parties.Where(p => RoundClock.DropsOut(0, int.Parse(p["round"], CultureInfo.InvariantCulture), int.Parse(p["party"], CultureInfo.InvariantCulture), 0.4)).ToList();
        Assert.InRange(expected.Count, 1, 14);
        foreach (var p in parties)
        {
            var dropped = expected.Contains(p);
            Assert.Equal(dropped ? "failed" : "ok", p["status"]);
            if (dropped) Assert.Equal(("dropout: vanished mid-round (system.dropout = 0.4)", 0L), (p["error"], L(p, "bytes_down")));
        }
    }

    private static string Trace(string name) => Path.Combine(RepositoryRoot.Path, "scenarios", "traces", name);

    [Fact]
    public async Task FedScale_traces_set_each_party_s_device_and_rounds_sample_only_parties_online_at_their_start()
    {
        var system = $"system:\n  device_trace: {Trace("example_device_capacity.pkl")}\n  availability_trace: {Trace("example_behave_trace.pkl")}";
        var (parties, rounds) = await Run("traces", system, parties: 6, rounds: 3, "federation.fraction=0.5");

        var devices = Core.Systems.Traces.FedScaleTraces.Devices(File.ReadAllBytes(Trace("example_device_capacity.pkl")), "d");
        var behaviour = Core.Systems.Traces.FedScaleTraces.Behaviour(File.ReadAllBytes(Trace("example_behave_trace.pkl")), "b");
        var clock = 0.0;
        foreach (var round in rounds)
        {
            var sampled = parties.Where(p => p["round"] == round["round"]).ToList();
            Assert.NotEmpty(sampled);
            Assert.All(sampled, p => Assert.True(behaviour[(int)L(p, "party")].IsOnline(clock), $"party {p["party"]} sampled offline at {clock} s"));
            foreach (var p in sampled)
            {
                var d = devices[(int)L(p, "party")];
                var device = new DeviceProfile(d.ComputationMs * 3, d.CommunicationKbps / 1000, d.CommunicationKbps / 1000, 0);
                Assert.Equal(device.Seconds(L(p, "bytes_down"), L(p, "bytes_up"), L(p, "examples"), 1), D(p, "sim_seconds"), 9);
            }
            clock = D(round, "sim_clock_seconds");
        }
    }

    [Fact]
    public async Task A_missing_trace_file_is_bad_input_naming_its_key()
    {
        var yaml = SmallScenario.Yaml(parties: 2, rounds: 1) + "\nsystem:\n  device_trace: /nonexistent/devices.pkl\n";

        var (exit, _, stderr) = await CliRunner.Run("run", _ws.WriteScenario("missing.yaml", yaml), "--out", _ws.Path_("missing"));

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/devices.pkl: system.device_trace: no such file", stderr);
        var validate = await CliRunner.Run("validate", _ws.WriteScenario("missing2.yaml", yaml));
        Assert.Equal(2, validate.Exit);
        Assert.Contains("/nonexistent/devices.pkl: system.device_trace: no such file", validate.Err);
    }
}
