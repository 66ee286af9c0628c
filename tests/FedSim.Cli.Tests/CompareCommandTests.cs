namespace FedSim.Cli.Tests;

[Collection("runs")]
public sealed class CompareCommandTests : IDisposable
{
    private static readonly string[] CellIds = ["fedavg__homo__seed0", "fedavg__homo__seed1", "fedavg__dirichlet__seed0", "fedavg__dirichlet__seed1"];

    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private string WriteSweep()
    {
        _ws.WriteScenario("base.yaml", SmallScenario.Yaml(parties: 2, rounds: 1));
        return _ws.WriteScenario("sweep.yaml", """
            name: tiny
            base: base.yaml
            axes:
              algorithm: [fedavg]
              partition: [homo, dirichlet]
              seed: [0, 1]
            jobs: 2
            """);
    }

    [Fact]
    public async Task A_sweep_runs_every_cell_writes_results_then_skips_finished_cells_and_reruns_only_a_half_finished_one()
    {
        var sweep = WriteSweep();
        var outDir = _ws.Path_("out");

        var first = await CliRunner.Run("compare", sweep, "--out", outDir).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(first.Exit == 0, first.Out + first.Err + CellLogs(outDir));
        var rows = Csv.Read(Path.Combine(outDir, "results.csv"));
        Assert.Equal(CellIds, rows.Select(r => r["cell_id"]));
        Assert.All(rows, r =>
        {
            Assert.Equal("completed", r["status"]);
            Assert.Equal("1", r["rounds"]);
            Assert.Equal("fedavg", r["algorithm"]);
            Assert.InRange(double.Parse(r["final_accuracy"], System.Globalization.CultureInfo.InvariantCulture), 0.05, 1);
            Assert.True(long.Parse(r["total_bytes_up"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        });
        Assert.Equal(["homo", "homo", "dirichlet(0.5)", "dirichlet(0.5)"], rows.Select(r => r["row"]));
        Assert.Equal(["0", "1", "0", "1"], rows.Select(r => r["seed"]));
        // Each cell ran with its own resolved scenario: its seed, its partition, workers = cores / jobs.
        var cellYaml = File.ReadAllText(Path.Combine(outDir, "runs", "fedavg__dirichlet__seed1.yaml"));
        Assert.Contains("seed: 1\n", cellYaml);
        Assert.Contains("  strategy: dirichlet\n", cellYaml);
        Assert.Contains($"  workers: {Math.Max(1, Environment.ProcessorCount / Math.Min(2, Environment.ProcessorCount))}\n", cellYaml);

        var md = File.ReadAllText(Path.Combine(outDir, "results.md"));
        Assert.Contains("## Final accuracy (%)", md);
        Assert.Contains("## Best accuracy (%)", md);
        Assert.Contains("## Communication (MB up + down, mean over seeds)", md);
        Assert.Contains("sample standard deviation", md);
        Assert.Matches(@"\| homo \| \d+\.\d\d ± \d+\.\d\d \|", md);
        Assert.Matches(@"\| dirichlet\(0\.5\) \| \d+\.\d\d ± \d+\.\d\d \|", md);
        AssertPng(Path.Combine(outDir, "accuracy.png"));
        AssertPng(Path.Combine(outDir, "accuracy-vs-mb.png"));
        Assert.False(File.Exists(Path.Combine(outDir, "accuracy-vs-time.png"))); // ideal devices: the clock never moved
        Assert.Contains("## MB (up + down) to 50% accuracy", md);
        Assert.DoesNotContain("Simulated seconds to", md);
        AssertPng(Path.Combine(outDir, "runs", "fedavg__homo__seed0", "accuracy-vs-mb.png"));

        var summaries = CellIds.Select(id => Path.Combine(outDir, "runs", id, "summary.json")).ToArray();
        var stamps = summaries.Select(File.GetLastWriteTimeUtc).ToArray();

        var second = await CliRunner.Run("compare", sweep, "--out", outDir).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, second.Exit);
        Assert.Equal(4, second.Out.Split('\n').Count(l => l.StartsWith("skipped (done)", StringComparison.Ordinal)));
        Assert.DoesNotContain("started", second.Out);
        Assert.Equal(stamps, summaries.Select(File.GetLastWriteTimeUtc));
        Assert.Equal(4, Csv.Read(Path.Combine(outDir, "results.csv")).Count);

        // An interrupted cell has no completed summary: only it runs again, from scratch.
        File.Delete(summaries[2]);
        var third = await CliRunner.Run("compare", sweep, "--out", outDir).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(third.Exit == 0, third.Out + third.Err + CellLogs(outDir));
        Assert.Equal(3, third.Out.Split('\n').Count(l => l.StartsWith("skipped (done)", StringComparison.Ordinal)));
        Assert.Equal(["started         fedavg__dirichlet__seed0"], third.Out.Split('\n').Where(l => l.StartsWith("started", StringComparison.Ordinal)));
        Assert.True(File.Exists(summaries[2]));
        Assert.Equal(stamps.Where((_, i) => i != 2), summaries.Where((_, i) => i != 2).Select(File.GetLastWriteTimeUtc));
        Assert.All(Csv.Read(Path.Combine(outDir, "results.csv")), r => Assert.Equal("completed", r["status"]));
    }

    [Theory]
    [InlineData("  learning_rate: [0.1]\n", "sweep.yaml:7: axes.learning_rate: unknown axis key")]
    [InlineData("  beta: []\n", "sweep.yaml:7: axes.beta: empty axis")]
    [InlineData("  beta: [0.5, 0]\n", "sweep.yaml:7: partition.dirichlet.beta: cell fedavg__dirichlet__beta-0__seed0 (and 1 more): 0 is out of range")]
    public async Task A_bad_sweep_exits_2_naming_the_problem_and_runs_nothing(string extraAxis, string expected)
    {
        _ws.WriteScenario("base.yaml", SmallScenario.Yaml(parties: 2, rounds: 1));
        var sweep = _ws.WriteScenario("sweep.yaml", """
            name: bad
            base: base.yaml
            axes:
              algorithm: [fedavg]
              partition: [homo, dirichlet]
              seed: [0, 1]

            """ + extraAxis);
        var outDir = _ws.Path_("out");

        var (exit, stdout, stderr) = await CliRunner.Run("compare", sweep, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr.Replace(_ws.Root + "/", ""));
        Assert.DoesNotContain("started", stdout);
        Assert.False(Directory.Exists(Path.Combine(outDir, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(outDir, "runs")).Any());
    }

    [Fact]
    public async Task A_missing_base_file_is_reported_at_the_base_line()
    {
        var sweep = _ws.WriteScenario("sweep.yaml", "name: x\nbase: nope.yaml\naxes:\n  seed: [0]\n");

        var (exit, _, stderr) = await CliRunner.Run("compare", sweep);

        Assert.Equal(2, exit);
        Assert.Contains("sweep.yaml:2: base: no such file", stderr);
    }

    /// <summary>Every cell's log, so a failed cell's own output is in the assertion message.</summary>
    private static string CellLogs(string outDir) =>
        string.Concat(Directory.EnumerateFiles(Path.Combine(outDir, "runs"), "*.log").Order()
            .Select(f => $"\n--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    internal static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2000, $"{path}: only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }
}
