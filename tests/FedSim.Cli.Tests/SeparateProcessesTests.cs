using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FedSim.Cli.Tests;

/// <summary>
/// `fedsim coordinator` and `fedsim party` as separate OS processes, as on separate hosts: start order, shares handed
/// out by the coordinator, and graceful shutdown on SIGTERM.
/// </summary>
[Collection("runs")]
public sealed class SeparateProcessesTests : IDisposable
{
    private readonly TestWorkspace _ws = new();
    private readonly List<(Process Process, StringBuilder Output)> _started = [];

    public void Dispose()
    {
        foreach (var (p, _) in _started)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.Dispose();
        }
        _ws.Dispose();
    }

    private (Process Process, StringBuilder Output) Start(params string[] args)
    {
        var psi = PartyProcesses.SelfCommand();
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        var output = new StringBuilder();
        var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
        };
        p.ErrorDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
        };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _started.Add((p, output));
        return (p, output);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string Text(StringBuilder b)
    {
        lock (b) return b.ToString();
    }

    private static async Task<int> Exit(Process p, TimeSpan timeout)
    {
        await p.WaitForExitAsync().WaitAsync(timeout);
        return p.ExitCode;
    }

    private static void Terminate(Process p) => Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    [Fact]
    public async Task Four_party_nodes_started_before_the_coordinator_take_shares_and_match_the_in_process_partition()
    {
        var local = _ws.WriteScenario("local.yaml", SmallScenario.Yaml(parties: 8, rounds: 1));
        Assert.Equal(0, (await CliRunner.Run("run", local, "--out", _ws.Path_("local"))).Exit);
        var path = _ws.WriteScenario("split.yaml", SmallScenario.Yaml(parties: 8, rounds: 2, processes: 4));
        var url = $"http://127.0.0.1:{FreePort()}";

        // Party nodes first: they retry until the coordinator answers; none names its parties.
        var nodes = Enumerable.Range(0, 4).Select(i => Start("party", "--coordinator", url, "--workers", "1", "--threads", "1", "--name", $"n{i}")).ToList();
        await Task.Delay(1500);
        Assert.All(nodes, n => Assert.False(n.Process.HasExited, Text(n.Output)));
        var coordinator = Start("coordinator", path, "--listen", url, "--out", _ws.Path_("split"));

        Assert.Equal(0, await Exit(coordinator.Process, TimeSpan.FromMinutes(4)));
        foreach (var n in nodes) Assert.Equal(0, await Exit(n.Process, TimeSpan.FromSeconds(30)));
        Assert.Equal(File.ReadAllBytes(_ws.Path_("local/partition.json")), File.ReadAllBytes(_ws.Path_("split/partition.json")));
        var rows = Csv.Read(_ws.Path_("split/metrics.csv"));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("8", r["parties_ok"]));
        // Each node was given a share of two parties by the coordinator.
        var log = Text(coordinator.Output);
        foreach (var i in Enumerable.Range(0, 4)) Assert.Contains($"node n{i} ", log);
        foreach (var share in new[] { "0-1", "2-3", "4-5", "6-7" }) Assert.Contains($"registered parties {share}", log);
    }

    [Fact]
    public async Task Sigterm_stops_a_node_with_a_goodbye_and_the_coordinator_with_its_results_written()
    {
        var path = _ws.WriteScenario("long.yaml", SmallScenario.Yaml(parties: 4, rounds: 200, minParties: 1, processes: 2));
        var url = $"http://127.0.0.1:{FreePort()}";
        var coordinator = Start("coordinator", path, "--listen", url, "--out", _ws.Path_("long"));
        var first = Start("party", "--coordinator", url, "--workers", "1", "--threads", "1", "--name", "first");
        var second = Start("party", "--coordinator", url, "--workers", "1", "--threads", "1", "--name", "second");
        var metrics = _ws.Path_("long/metrics.csv");
        async Task WaitRounds(int n)
        {
            for (var i = 0; i < 600 && !(File.Exists(metrics) && Csv.Read(metrics).Count >= n); i++) await Task.Delay(100);
            Assert.True(Csv.Read(metrics).Count >= n, Text(coordinator.Output));
        }
        await WaitRounds(1);

        // A stopped node says goodbye: the coordinator frees its parties at once (not after a heartbeat timeout).
        Terminate(second.Process);
        Assert.Equal(130, await Exit(second.Process, TimeSpan.FromSeconds(30)));
        var done = Csv.Read(metrics).Count;
        await WaitRounds(done + 2);
        Assert.Contains("node second", Text(coordinator.Output));
        Assert.Contains("deregistered: node stopped", Text(coordinator.Output));
        Assert.Equal("2", Csv.Read(metrics)[^1]["parties_failed"]);

        // A stopped coordinator writes its results and tells the nodes to stop: the run did not complete, so a node
        // exits non-zero (a Kubernetes party Job must not report success).
        Terminate(coordinator.Process);
        Assert.Equal(130, await Exit(coordinator.Process, TimeSpan.FromSeconds(60)));
        Assert.Equal(1, await Exit(first.Process, TimeSpan.FromSeconds(30)));
        Assert.Contains("coordinator says stop", Text(first.Output));
        Assert.Contains("the coordinator ended the run without completing it: run cancelled", Text(first.Output));
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_ws.Path_("long/summary.json"))).RootElement;
        Assert.Equal("cancelled", summary.GetProperty("status").GetString());
        Assert.Equal(Csv.Read(metrics).Count, summary.GetProperty("rounds_completed").GetInt32());
        Assert.True(summary.GetProperty("rounds_completed").GetInt32() >= done + 2);
    }

    [Fact]
    public async Task A_failed_run_says_failed_in_its_summary_and_its_nodes_exit_non_zero()
    {
        // Every party is slower than the deadline: no round gets its one result.
        var yaml = SmallScenario.Yaml(parties: 2, rounds: 2, processes: 1) + "\nsystem:\n  compute_ms_per_sample: 100\n  deadline_s: 0.001\n";
        var path = _ws.WriteScenario("fails.yaml", yaml);
        var url = $"http://127.0.0.1:{FreePort()}";
        var coordinator = Start("coordinator", path, "--listen", url, "--out", _ws.Path_("fails"));
        var node = Start("party", "--coordinator", url, "--workers", "1", "--threads", "1", "--name", "only");

        Assert.Equal(1, await Exit(coordinator.Process, TimeSpan.FromMinutes(3)));
        Assert.Equal(1, await Exit(node.Process, TimeSpan.FromSeconds(30)));
        Assert.Contains("the coordinator ended the run without completing it: run failed: round 1", Text(node.Output));
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_ws.Path_("fails/summary.json"))).RootElement;
        Assert.Equal("failed", summary.GetProperty("status").GetString());
    }
}
