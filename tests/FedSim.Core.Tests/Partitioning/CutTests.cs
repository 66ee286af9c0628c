using FedSim.Core.Partitioning;

namespace FedSim.Core.Tests.Partitioning;

public sealed class CutTests
{
    private static int[] Items(int n) => Enumerable.Range(0, n).ToArray();

    [Fact]
    public void By_proportions_cuts_at_the_floor_of_the_cumulative_share()
    {
        // cumsum([0.25, 0.25, 0.5]) * 10 = [2.5, 5, 10]; cuts at floor(2.5) = 2 and floor(5) = 5, the last dropped.
        var pieces = Cut.ByProportions(Items(10), [0.25, 0.25, 0.5]);

        Assert.Equal([0, 1], pieces[0]);
        Assert.Equal([2, 3, 4], pieces[1]);
        Assert.Equal([5, 6, 7, 8, 9], pieces[2]);
    }

    [Fact]
    public void By_proportions_floors_rather_than_rounds()
    {
        // 7 items, [0.5, 0.5]: the cut is at floor(3.5) = 3, so 3 and 4 (rounding would give 4 and 3).
        // 9 items, [0.3, 0.3, 0.4]: cumsum * 9 = [2.7, 5.4]; cuts at 2 and 5, so 2, 3, 4.
        Assert.Equal([3, 4], Cut.ByProportions(Items(7), [0.5, 0.5]).Select(p => p.Length));
        Assert.Equal([2, 3, 4], Cut.ByProportions(Items(9), [0.3, 0.3, 0.4]).Select(p => p.Length));
    }

    [Fact]
    public void By_proportions_gives_a_zero_share_an_empty_piece_and_the_last_piece_the_rest()
    {
        // cumsum([0, 0.5, 0]) * 6 = [0, 3]; pieces [0,0), [0,3), [3,6): the last piece takes the rest even with share 0.
        var pieces = Cut.ByProportions(Items(6), [0, 0.5, 0]);

        Assert.Equal([0, 3, 3], pieces.Select(p => p.Length));
    }

    [Fact]
    public void By_proportions_leaves_a_floating_point_remainder_to_the_last_piece()
    {
        // In doubles 0.7 + 0.2 = 0.8999999999999999 and + 0.1 = 0.9999999999999999 (checked below), so the cut points
        // are floor(7) = 7, floor(8.999999999999999 -> rounds to 9) = 9 and floor(9.999999999999998) = 9: sizes 7, 2, 0, 1.
        // numpy's (np.cumsum(p) * 10).astype(int) gives the same cuts, so the last part, with share 0, gets one item.
        Assert.True(0.7 + 0.2 + 0.1 < 1.0);
        Assert.Equal(9.0, (0.7 + 0.2) * 10);

        var pieces = Cut.ByProportions(Items(10), [0.7, 0.2, 0.1, 0]);

        Assert.Equal([7, 2, 0, 1], pieces.Select(p => p.Length));
    }

    [Fact]
    public void By_proportions_keeps_every_item_once_and_in_order()
    {
        var rng = new Random(1);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = rng.Next(0, 50);
            var raw = Enumerable.Range(0, rng.Next(1, 8)).Select(_ => rng.NextDouble()).ToArray();
            var p = raw.Select(x => x / raw.Sum()).ToArray();

            var pieces = Cut.ByProportions(Items(n), p);

            Assert.Equal(p.Length, pieces.Length);
            Assert.Equal(Items(n), pieces.SelectMany(x => x));
        }
    }

    [Fact]
    public void Even_is_like_numpy_array_split()
    {
        // array_split(range(10), 3) -> [0..3], [4..6], [7..9].
        var pieces = Cut.Even(Items(10), 3);

        Assert.Equal([0, 1, 2, 3], pieces[0]);
        Assert.Equal([4, 5, 6], pieces[1]);
        Assert.Equal([7, 8, 9], pieces[2]);
    }

    [Theory]
    [InlineData(9, 3, new[] { 3, 3, 3 })]
    [InlineData(11, 4, new[] { 3, 3, 3, 2 })]
    [InlineData(2, 4, new[] { 1, 1, 0, 0 })]
    [InlineData(0, 2, new[] { 0, 0 })]
    public void Even_gives_the_first_len_mod_pieces_parts_one_more(int n, int pieces, int[] sizes)
    {
        Assert.Equal(sizes, Cut.Even(Items(n), pieces).Select(p => p.Length));
    }
}
