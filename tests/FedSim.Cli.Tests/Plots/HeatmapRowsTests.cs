using FedSim.Cli.Plots;
using FedSim.Core.Partitioning;

namespace FedSim.Cli.Tests.Plots;

public sealed class HeatmapRowsTests
{
    /// <summary>A report over 3 classes from per-party label lists.</summary>
    private static PartitionReport Report(params int[][] partyLabels)
    {
        var labels = partyLabels.SelectMany(l => l).ToArray();
        var start = 0;
        var idx = partyLabels.Select(l =>
        {
            var range = Enumerable.Range(start, l.Length).ToArray();
            start += l.Length;
            return range;
        }).ToArray();
        return PartitionReport.Compute("test", 0, labels, 3, idx);
    }

    [Fact]
    public void Up_to_the_row_limit_each_row_is_one_party_s_counts_in_party_order()
    {
        var rows = HeatmapRows.Of(Report([0, 0, 2], [1], [2, 2]), maxRows: 3);

        Assert.True(rows.Counts);
        Assert.Equal(new double[,] { { 2, 0, 1 }, { 0, 1, 0 }, { 0, 0, 2 } }, rows.Values);
        Assert.Equal([(0, "0"), (1, "1"), (2, "2")], rows.Ticks);
    }

    [Fact]
    public void Past_the_row_limit_parties_are_sorted_by_main_class_and_each_row_averages_a_block_of_shares()
    {
        // Main classes: party 0 -> c2 (share 1), 1 -> c0 (0.5, tie with c1: the lower class), 2 -> c0 (1), 3 -> c1 (2/3),
        // 4 -> none (no data). Sorted: 2 (c0, 1), 1 (c0, 0.5), 3 (c1), 0 (c2), 4 (none); 2 parties per row.
        var rows = HeatmapRows.Of(Report([2, 2], [0, 1], [0], [1, 1, 2], []), maxRows: 3);

        Assert.False(rows.Counts);
        Assert.Equal(2, rows.PartiesPerRow);
        Assert.Equal(3, rows.Values.GetLength(0));
        // Row 0: parties 2 and 1: ([1, 0, 0] + [0.5, 0.5, 0]) / 2. Row 1: parties 3 and 0: ([0, 2/3, 1/3] + [0, 0, 1]) / 2.
        // Row 2: party 4 alone, no data.
        double[] Row(int r) => Enumerable.Range(0, 3).Select(c => rows.Values[r, c]).ToArray();
        Assert.Equal([0.75, 0.25, 0], Row(0));
        Assert.Equal([0, 1 / 3.0, 2 / 3.0], Row(1), new ToleranceComparer(1e-12));
        Assert.Equal([0, 0, 0], Row(2));
        Assert.Equal([(0, "c0"), (1, "c1"), (1, "c2"), (2, "none")], rows.Ticks);
    }

    [Fact]
    public void A_label_skewed_split_keeps_one_hot_rows_when_blocked()
    {
        // 30 parties, each holding one class (party p: class p % 3, 10 parties per class); 15 rows of 2 parties: sorted by
        // main class, every block is of one class, so every row is pure (in id order, rows would mix classes).
        var rows = HeatmapRows.Of(Report(Enumerable.Range(0, 30).Select(p => new[] { p % 3, p % 3 }).ToArray()), maxRows: 15);

        Assert.Equal(2, rows.PartiesPerRow);
        for (var r = 0; r < 15; r++)
        {
            var shares = Enumerable.Range(0, 3).Select(c => rows.Values[r, c]).ToArray();
            Assert.Equal(1.0, shares.Max());
            Assert.Equal(1.0, shares.Sum(), 12);
        }
        Assert.Equal(["c0", "c1", "c2"], rows.Ticks.Select(t => t.Label));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
