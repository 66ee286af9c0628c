using FedSim.Cli.Plots;
using FedSim.Core.Partitioning;

namespace FedSim.Cli.Tests;

public sealed class ComparePlotTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fedsim-plot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static PartitionReport Report(int parties, int classes)
    {
        var labels = Enumerable.Range(0, parties * classes * 3).Select(i => i % classes).ToArray();
        var idx = Enumerable.Range(0, parties).Select(p => Enumerable.Range(0, labels.Length).Where(i => i % parties == p).ToArray()).ToArray();
        return PartitionReport.Compute("dirichlet", 0, labels, classes, idx);
    }

    [Theory]
    [InlineData(4, 10)]
    [InlineData(60, 10)]
    [InlineData(PartitionHeatmap.MaxRows + 50, 10)] // blocks of parties sorted by main class
    public void The_partition_heatmap_writes_a_png(int parties, int classes)
    {
        var path = Path.Combine(_dir, "partition.png");

        PartitionHeatmap.Write(Report(parties, classes), path);

        CompareCommandTests.AssertPng(path);
    }

    [Fact]
    public void A_bigger_partition_gives_a_taller_heatmap()
    {
        PartitionHeatmap.Write(Report(4, 10), Path.Combine(_dir, "small.png"));
        PartitionHeatmap.Write(Report(30, 10), Path.Combine(_dir, "big.png"));

        Assert.True(PngHeight(Path.Combine(_dir, "big.png")) > PngHeight(Path.Combine(_dir, "small.png")));
    }

    private static int PngHeight(string path) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(path).AsSpan(20, 4));
}
