using FedSim.Core.Partitioning;

namespace FedSim.Cli.Tests;

public sealed class PartitionTableTests
{
    private static PartitionReport Report(int parties) =>
        PartitionReport.Compute("homo", 0, Enumerable.Range(0, 2 * parties).Select(i => i % 2).ToArray(), 2,
            Enumerable.Range(0, parties).Select(p => new[] { 2 * p, 2 * p + 1 }).ToArray());

    private static string[] PartyLines(string table) => table.Split('\n').Skip(1).Where(l => l.Length > 0 && char.IsDigit(l.TrimStart()[0])).ToArray();

    [Fact]
    public void A_small_partition_shows_every_party()
    {
        var table = PartitionTable.Render(Report(PartitionTable.MaxRows));

        Assert.Equal(PartitionTable.MaxRows, PartyLines(table).Length);
        Assert.DoesNotContain("more parties", table);
    }

    [Fact]
    public void A_large_partition_shows_the_first_and_last_parties_and_counts_the_rest()
    {
        var table = PartitionTable.Render(Report(10_000));

        var lines = PartyLines(table);
        Assert.Equal(55, lines.Length);
        Assert.StartsWith("     0 ", lines[0]);
        Assert.StartsWith("    49 ", lines[49]);
        Assert.StartsWith("  9995 ", lines[50]);
        Assert.StartsWith("  9999 ", lines[^1]);
        Assert.Contains("... 9945 more parties (every party is in partition.json)", table);
        Assert.Contains("10000 parties", table);
    }
}
