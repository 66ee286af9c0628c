using System.Globalization;

namespace FedSim.Cli.Tests;

/// <summary>The link codecs chosen in a scenario are what travels: bytes counted from the serialized messages.</summary>
[Collection("runs")]
public sealed class CompressionTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> Run(string name, string compression, int rounds = 2)
    {
        var yaml = SmallScenario.Yaml(parties: 3, rounds: rounds) + "\n" + compression;
        var (exit, stdout, stderr) = await CliRunner.Run("run", _ws.WriteScenario(name + ".yaml", yaml), "--out", _ws.Path_(name));
        Assert.True(exit == 0, stdout + stderr);
        return Csv.Read(Path.Combine(_ws.Path_(name), "metrics.csv"));
    }

    private static long Total(IEnumerable<IReadOnlyDictionary<string, string>> rows, string column) =>
        rows.Sum(r => long.Parse(r[column], CultureInfo.InvariantCulture));

    [Fact]
    public async Task Fp16_both_ways_sends_half_the_bytes_of_fp32_within_two_percent_and_still_learns()
    {
        var fp32 = await Run("fp32", "");
        var fp16 = await Run("fp16", "compression:\n  uplink: fp16\n  downlink: {codec: fp16}\n");

        foreach (var column in new[] { "bytes_up", "bytes_down" })
        {
            var ratio = Total(fp16, column) / (double)Total(fp32, column);
            Assert.InRange(ratio, 0.5 * 0.98, 0.5 * 1.02);
        }
        // Half precision changes each value by at most 2^-11 of itself: the runs stay close.
        var (loss32, loss16) = (double.Parse(fp32[1]["loss"], CultureInfo.InvariantCulture), double.Parse(fp16[1]["loss"], CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(loss16 - loss32) < 0.02, $"test loss after round 2: fp32 {loss32}, fp16 {loss16}");
        Assert.True(loss32 < 2.30 && loss16 < 2.30, $"no learning: fp32 {loss32}, fp16 {loss16}");
    }

    [Fact]
    public async Task Fp16_uplink_alone_halves_only_the_uplink()
    {
        var fp32 = await Run("up32", "");
        var up16 = await Run("up16", "compression:\n  uplink: fp16\n");

        Assert.InRange(Total(up16, "bytes_up") / (double)Total(fp32, "bytes_up"), 0.49, 0.51);
        Assert.Equal(Total(fp32, "bytes_down"), Total(up16, "bytes_down"));
    }

    private static double Column(IReadOnlyDictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_lossy_uplink_sends_its_share_of_fp32_s_bytes_and_metrics_csv_reports_that_ratio()
    {
        var fp32 = await Run("base", "");
        Assert.All(fp32, r => Assert.Equal(1.0, Column(r, "compression_ratio_up")));
        (string Uplink, double AtMost)[] codecs =
        [
            ("int8", 0.30), ("{codec: int4, granularity: channel}", 0.17), ("bf16", 0.51), ("{codec: qsgd, levels: 7}", 0.16), ("sign", 0.05),
            ("{codec: topk, fraction: 0.01, then: int8}", 0.05),
        ];

        foreach (var (uplink, atMost) in codecs)
        {
            var rows = await Run(uplink.Length.ToString(CultureInfo.InvariantCulture) + uplink[..4], $"compression:\n  uplink: {uplink}\n");

            var share = Total(rows, "bytes_up") / (double)Total(fp32, "bytes_up");
            Assert.True(share <= atMost, $"{uplink}: {share:F4} of fp32's bytes_up, more than {atMost}");
            // The reported ratio is fp32's size of the same messages over theirs: it predicts the fp32 run's bytes.
            var predicted = rows.Sum(r => Column(r, "compression_ratio_up") * long.Parse(r["bytes_up"], CultureInfo.InvariantCulture));
            Assert.InRange(predicted / Total(fp32, "bytes_up"), 0.99, 1.01);
            Assert.Equal(Total(fp32, "bytes_down"), Total(rows, "bytes_down"));
            Assert.All(rows, r => Assert.Equal(1.0, Column(r, "compression_ratio_down")));
        }
    }

    [Fact]
    public async Task An_int8_downlink_quantises_the_global_model_and_the_run_still_learns()
    {
        var rows = await Run("down8", "compression:\n  downlink: {codec: int8, granularity: channel}\n");

        Assert.All(rows, r => Assert.InRange(Column(r, "compression_ratio_down"), 3.3, 4.0));
        Assert.True(Column(rows[^1], "loss") < 2.30, $"no learning: loss {rows[^1]["loss"]}");
    }

    [Fact]
    public async Task A_delta_downlink_sends_the_same_bytes_as_its_codec_and_keeps_the_run_closer_to_fp32()
    {
        var fp32 = await Run("d32", "", rounds: 4);
        var int4 = await Run("d4", "compression:\n  downlink: int4\n", rounds: 4);
        var delta = await Run("d4delta", "compression:\n  downlink: int4\n  downlink_delta: true\n", rounds: 4);

        // int4's size does not depend on the values: a difference costs what the model costs (spec fields aside).
        Assert.InRange(Total(delta, "bytes_down") / (double)Total(int4, "bytes_down"), 0.99, 1.01);
        // From round 2 the parties get the change since the model they hold, whose int4 error is far smaller.
        var (loss32, loss4, lossDelta) = (Column(fp32[^1], "loss"), Column(int4[^1], "loss"), Column(delta[^1], "loss"));
        Assert.True(Math.Abs(lossDelta - loss32) < Math.Abs(loss4 - loss32),
            $"test loss after round 4: fp32 {loss32}, int4 {loss4}, int4 delta {lossDelta}");
    }
}
