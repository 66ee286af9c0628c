using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Weights;

public sealed class ShapeMathTests
{
    [Fact]
    public void The_element_count_is_the_product_of_the_dimensions()
    {
        Assert.Equal(24L, ShapeMath.ElementCount([2, 3, 4], long.MaxValue));
        Assert.Equal(1L, ShapeMath.ElementCount([], long.MaxValue));
    }

    [Fact]
    public void A_zero_dimension_gives_zero_even_beside_huge_ones()
    {
        Assert.Equal(0L, ShapeMath.ElementCount([long.MaxValue, 0, long.MaxValue], 10));
    }

    [Fact]
    public void A_count_above_the_limit_is_null()
    {
        Assert.Equal(10L, ShapeMath.ElementCount([2, 5], 10));
        Assert.Null(ShapeMath.ElementCount([2, 6], 10));
    }

    [Fact]
    public void A_product_beyond_64_bits_is_null_not_wrapped()
    {
        // 2^32 * 2^32 = 2^64 wraps to 0 in long arithmetic.
        Assert.Null(ShapeMath.ElementCount([1L << 32, 1L << 32], long.MaxValue));
        Assert.Null(ShapeMath.ElementCount([3, long.MaxValue / 2], long.MaxValue));
    }

    [Fact]
    public void A_negative_dimension_is_invalid_data()
    {
        var e = Assert.Throws<InvalidDataException>(() => ShapeMath.ElementCount([2, -1], 100));

        Assert.Contains("negative dimension -1", e.Message);
    }
}
