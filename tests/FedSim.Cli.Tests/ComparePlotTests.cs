using FedSim.Cli.Plots;
using FedSim.Core.Partitioning;

namespace FedSim.Cli.Tests;

public sealed class ComparePlotTests : IDisposable
{
    private readonly TempFolder _folder = new("fedsim-plot");

    public void Dispose() => _folder.Dispose();

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
        var path = _folder.File("partition.png");

        PartitionHeatmap.Write(Report(parties, classes), path);

        CompareCommandTests.AssertPng(path);
    }

    [Fact]
    public void A_bigger_partition_gives_a_taller_heatmap()
    {
        PartitionHeatmap.Write(Report(4, 10), _folder.File("small.png"));
        PartitionHeatmap.Write(Report(30, 10), _folder.File("big.png"));

        Assert.True(PngHeight(_folder.File("big.png")) > PngHeight(_folder.File("small.png")));
    }

    private static int PngHeight(string path) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(path).AsSpan(20, 4));
}
