using FedSim.Cli.Compare;
using FedSim.Core.Sweeps;

namespace FedSim.Cli.Tests.Compare;

public sealed class RunFolderReaderTests : IDisposable
{
    private static readonly SweepCell Cell = new("fedavg__homo__seed0", [], ["fedavg", "homo", "0"], "homo", "fedavg", 0);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fedsim-runfolder-" + Guid.NewGuid().ToString("N"));

    public RunFolderReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<double> Accuracy(string metrics)
    {
        File.WriteAllText(Path.Combine(_dir, "metrics.csv"), metrics);
        return RunFolderReader.Read(Cell, _dir, "completed", null).Progress.Select(p => p.Accuracy).ToList();
    }

    [Fact]
    public void Accuracy_is_read_by_header_name_past_a_quoted_field_holding_commas()
    {
        var accuracy = Accuracy("round,failed_parties,accuracy\n1,\"3,7\",0.5\n2,\"\",0.75\n3,\"a \"\"b\"\", c\",0.875\n");

        Assert.Equal([0.5, 0.75, 0.875], accuracy);
    }

    [Fact]
    public void Accuracy_follows_its_column_wherever_the_header_puts_it()
    {
        Assert.Equal([0.25, 0.5], Accuracy("accuracy,round\r\n0.25,1\r\n0.5,2\r\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("round,loss\n1,0.5\n")]
    public void Without_an_accuracy_column_there_is_no_curve(string metrics)
    {
        Assert.Empty(Accuracy(metrics));
    }

    [Fact]
    public void A_missing_metrics_file_gives_no_curve_and_the_fallback_status()
    {
        var outcome = RunFolderReader.Read(Cell, _dir, "failed", "boom");

        Assert.Empty(outcome.Progress);
        Assert.Equal("failed", outcome.Status);
        Assert.Equal("boom", outcome.Error);
    }

    [Fact]
    public void Progress_adds_up_the_bytes_and_keeps_the_simulated_clock_and_the_summary_s_targets()
    {
        File.WriteAllText(Path.Combine(_dir, "metrics.csv"), "round,accuracy,bytes_up,bytes_down,sim_clock_seconds\n1,0.4,100,300,2.5\n2,0.6,120,300,6\n");
        File.WriteAllText(Path.Combine(_dir, "summary.json"), """
            {"status": "completed", "accuracy_targets": [{"accuracy": 0.5, "round": 2, "sim_seconds": 6, "bytes_up": 220, "bytes_down": 600},
             {"accuracy": 0.9, "round": null, "sim_seconds": null, "bytes_up": null, "bytes_down": null}]}
            """);

        var outcome = RunFolderReader.Read(Cell, _dir, "completed", null);

        Assert.Equal([new(1, 0.4, 2.5, 100, 300), new FedSim.Core.Metrics.ProgressPoint(2, 0.6, 6, 220, 600)], outcome.Progress);
        Assert.Equal([new(0.5, 2, 6, 220, 600), new FedSim.Core.Metrics.TargetCrossing(0.9, null, null, null, null)], outcome.Targets);
    }

    [Fact]
    public void A_run_recorded_before_the_clock_and_the_targets_reads_with_zero_time_and_no_targets()
    {
        File.WriteAllText(Path.Combine(_dir, "metrics.csv"), "round,accuracy,bytes_up,bytes_down\n1,0.4,100,300\n");
        File.WriteAllText(Path.Combine(_dir, "summary.json"), """{"status": "completed"}""");

        var outcome = RunFolderReader.Read(Cell, _dir, "completed", null);

        Assert.Equal(0, Assert.Single(outcome.Progress).SimClockSeconds);
        Assert.Empty(outcome.Targets);
    }
}
