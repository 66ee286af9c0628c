using FedSim.Core.Metrics;

namespace FedSim.Core.Tests.Metrics;

public sealed class DivergenceTests
{
    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, 1.0)]
    [InlineData(new[] { 1.0, 0.0 }, 0.0)]
    [InlineData(new[] { 0.25, 0.25, 0.25, 0.25 }, 2.0)]
    [InlineData(new[] { 0.5, 0.25, 0.25 }, 1.5)]   // 0.5 * 1 + 2 * 0.25 * 2
    public void Entropy_is_in_bits(double[] p, double expected)
    {
        Assert.Equal(expected, Divergence.Entropy(p), 12);
    }

    [Fact]
    public void Kullback_leibler_is_zero_for_equal_distributions_and_hand_computed_otherwise()
    {
        // KL([1/2, 1/2] || [1/4, 3/4]) = 1/2 log2 2 + 1/2 log2 (2/3) = 1 - (1/2) log2 3.
        Assert.Equal(0.0, Divergence.KullbackLeibler([0.3, 0.7], [0.3, 0.7]), 12);
        Assert.Equal(1 - 0.5 * Math.Log2(3), Divergence.KullbackLeibler([0.5, 0.5], [0.25, 0.75]), 12);
    }

    [Fact]
    public void Kullback_leibler_ignores_terms_where_p_is_zero()
    {
        // KL([1, 0] || [1/2, 1/2]) = 1 * log2 2 = 1.
        Assert.Equal(1.0, Divergence.KullbackLeibler([1.0, 0.0], [0.5, 0.5]), 12);
    }

    [Fact]
    public void Jensen_shannon_is_zero_for_equal_and_one_bit_for_disjoint_distributions()
    {
        // Disjoint: m = [1/2, 1/2], KL(p || m) = KL(q || m) = 1, JS = 1.
        Assert.Equal(0.0, Divergence.JensenShannon([0.2, 0.8], [0.2, 0.8]), 12);
        Assert.Equal(1.0, Divergence.JensenShannon([1.0, 0.0], [0.0, 1.0]), 12);
        Assert.Equal(1.0, Divergence.JensenShannon([0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5]), 12);
    }

    [Fact]
    public void Jensen_shannon_is_symmetric_and_hand_computed_for_one_class_against_uniform()
    {
        // p = [1, 0], q = [1/2, 1/2], m = [3/4, 1/4]: JS = H(m) - (H(p) + H(q)) / 2 = (2 - (3/4) log2 3) - 1/2.
        var expected = 1.5 - 0.75 * Math.Log2(3);

        Assert.Equal(expected, Divergence.JensenShannon([1.0, 0.0], [0.5, 0.5]), 12);
        Assert.Equal(expected, Divergence.JensenShannon([0.5, 0.5], [1.0, 0.0]), 12);
    }

    [Fact]
    public void Jensen_shannon_rejects_distributions_of_different_length()
    {
        Assert.Throws<ArgumentException>(() => Divergence.JensenShannon([0.5, 0.5], [1.0]));
    }

    [Fact]
    public void Normalise_divides_by_the_total_and_leaves_all_zero_counts_at_zero()
    {
        Assert.Equal([0.25, 0.75, 0.0], Divergence.Normalise([1, 3, 0]));
        Assert.Equal([0.0, 0.0], Divergence.Normalise([0, 0]));
    }
}
