using FedSim.Core.Codecs;

namespace FedSim.Core.Tests.Codecs;

/// <summary>Choosing the largest values and coding their positions as varint gaps or a bitmap.</summary>
public sealed class SparseIndicesTests
{
    [Fact]
    public void The_k_largest_in_magnitude_are_chosen_ascending_with_ties_to_the_lower_position()
    {
        float[] values = [0.1f, -5f, 2f, 0f, 2f, -2f, 3f];

        Assert.Equal([1, 2, 6], SparseIndices.Largest(values, 3));
        Assert.Equal([1, 2, 4, 6], SparseIndices.Largest(values, 4));
        Assert.Equal(Enumerable.Range(0, 7), SparseIndices.Largest(values, 7));
        Assert.Empty(SparseIndices.Largest(values, 0));
    }

    [Fact]
    public void Largest_agrees_with_sorting_on_random_tensors()
    {
        var rng = new Random(1);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = rng.Next(1, 3000);
            var values = Enumerable.Range(0, n).Select(_ => (float)Math.Round(rng.NextDouble() * 20 - 10, rng.Next(0, 3))).ToArray();
            var k = rng.Next(1, n + 1);

            var expected = Enumerable.Range(0, n).OrderByDescending(i => Math.Abs(values[i])).ThenBy(i => i).Take(k).Order();

            Assert.Equal(expected, SparseIndices.Largest(values, k));
        }
    }

    [Theory]
    [InlineData(100_000, 1000)]
    [InlineData(1000, 900)]
    [InlineData(300, 1)]
    public void Positions_come_back_exactly_in_whichever_form_is_smaller(int n, int k)
    {
        var rng = new Random(n + k);
        var positions = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k).Order().ToArray();

        var (bytes, bitmap) = SparseIndices.Encode(positions, n);

        Assert.Equal(positions, SparseIndices.Decode(bytes, bitmap, k, n));
        Assert.True(bytes.Length <= (n + 7) / 8);
        Assert.Equal(k > n / 8, bitmap);
    }

    [Fact]
    public void Gaps_below_128_cost_one_byte_and_larger_ones_seven_bits_a_byte()
    {
        Assert.Single(SparseIndices.Encode([127], 1_000_000).Bytes);
        Assert.Equal(2, SparseIndices.Encode([128], 1_000_000).Bytes.Length);
        Assert.Equal(3, SparseIndices.Encode([5, 5 + 1 + 10_000], 1_000_000).Bytes.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 }, false, 1, 100, "positions end after 0")]
    [InlineData(new byte[] { 120 }, false, 1, 100, "position 120 outside a tensor of 100 values")]
    [InlineData(new byte[] { 1, 2, 3 }, false, 2, 100, "1 bytes left after k = 2")]
    [InlineData(new byte[] { 0b111 }, true, 2, 8, "more than k = 2 positions")]
    [InlineData(new byte[] { 0b1 }, true, 2, 8, "marks 1 positions, k = 2")]
    [InlineData(new byte[] { 1, 0 }, true, 1, 8, "bitmap of 2 bytes for 8 values")]
    public void Malformed_positions_are_refused(byte[] bytes, bool bitmap, int k, int n, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => SparseIndices.Decode(bytes, bitmap, k, n));

        Assert.Contains(message, e.Message);
    }
}
