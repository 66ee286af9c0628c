using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Weights;

public sealed class NamedTensorTests
{
    [Fact]
    public void A_tensor_keeps_its_name_shape_and_data()
    {
        float[] data = [1, 2, 3, 4, 5, 6];

        var t = new NamedTensor("conv.weight", [2, 3], data);

        Assert.Equal("conv.weight", t.Name);
        Assert.Equal([2L, 3L], t.Shape);
        Assert.Same(data, t.Data);
        Assert.Equal(6, t.Length);
        Assert.Equal("[2,3]", t.ShapeText);
        Assert.Equal(data, t.Span.ToArray());
    }

    [Fact]
    public void A_scalar_has_an_empty_shape_and_one_value()
    {
        var t = new NamedTensor("num_batches_tracked", [], [7f]);

        Assert.Equal(1, t.Length);
        Assert.Equal("[]", t.ShapeText);
    }

    [Fact]
    public void Data_that_does_not_fill_the_shape_is_rejected_with_both_sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new NamedTensor("w", [2, 3], new float[5]));

        Assert.StartsWith("tensor 'w': shape [2,3]", e.Message);
        Assert.Contains("5 values", e.Message);
        Assert.Equal("data", e.ParamName);
    }

    [Fact]
    public void More_data_than_the_shape_holds_is_rejected_too()
    {
        Assert.Throws<ArgumentException>(() => new NamedTensor("w", [2], new float[3]));
        Assert.Throws<ArgumentException>(() => new NamedTensor("w", [], new float[2]));
    }

    [Fact]
    public void A_shape_whose_product_overflows_is_rejected_rather_than_wrapping()
    {
        // 2^32 * 2^32 wraps to 0 in 64-bit arithmetic, which would wrongly match empty data.
        Assert.Throws<ArgumentException>(() => new NamedTensor("w", [1L << 32, 1L << 32], []));
    }

    [Fact]
    public void A_negative_dimension_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new NamedTensor("w", [-2, -3], new float[6]));

        Assert.Contains("negative dimension -2", e.Message);
    }

    [Fact]
    public void A_zero_dimension_takes_no_values()
    {
        Assert.Equal(0, new NamedTensor("empty", [0, 5], []).Length);
        Assert.Throws<ArgumentException>(() => new NamedTensor("empty", [0, 5], new float[5]));
    }

    [Fact]
    public void An_empty_name_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new NamedTensor("", [1], [1f]));
    }
}
