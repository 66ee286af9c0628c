using System.Globalization;

namespace FedSim.Cli.Tests;

/// <summary>The link codecs chosen in a scenario are what travels: bytes counted from the serialized messages.</summary>
[Collection("runs")]
public sealed class CompressionTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> Run(string name, string compression)
    {
        var yaml = SmallScenario.Yaml(parties: 3, rounds: 2) + "\n" + compression;
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
}
