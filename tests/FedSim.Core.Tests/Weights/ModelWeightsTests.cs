using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Weights;

public sealed class ModelWeightsTests
{
    private static ModelWeights Two() => new([new NamedTensor("a", [2], [1f, 2f]), new NamedTensor("b", [2, 2], [3f, 4f, 5f, 6f])]);

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void The_first_tensor_with_a_non_finite_value_is_named(float bad)
    {
        Assert.Null(Two().FirstNonFinite());
        Assert.Equal("b", new ModelWeights([new NamedTensor("a", [1], [float.MaxValue]), new NamedTensor("b", [2], [0f, bad]), new NamedTensor("c", [1], [bad])]).FirstNonFinite());
    }

    [Fact]
    public void Tensors_keep_their_order_and_are_counted()
    {
        var w = Two();

        Assert.Equal(2, w.Count);
        Assert.Equal(6, w.TotalElements);
        Assert.Equal(["a", "b"], w.Tensors.Select(t => t.Name));
        Assert.Equal("b", w[1].Name);
    }

    [Fact]
    public void Duplicate_names_are_rejected_naming_the_duplicate()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelWeights([new NamedTensor("a", [1], [1f]), new NamedTensor("b", [1], [1f]), new NamedTensor("a", [2], [1f, 2f])]));

        Assert.Contains("duplicate tensor name 'a'", e.Message);
    }

    [Fact]
    public void Names_are_compared_case_sensitively()
    {
        var w = new ModelWeights([new NamedTensor("a", [1], [1f]), new NamedTensor("A", [1], [1f])]);

        Assert.Equal(2, w.Count);
    }

    [Fact]
    public void Subtract_is_element_wise_this_minus_other()
    {
        var other = new ModelWeights([new NamedTensor("a", [2], [0.5f, 5f]), new NamedTensor("b", [2, 2], [1f, 1f, 10f, -6f])]);

        var d = Two().Subtract(other);

        Assert.Equal([0.5f, -3f], d[0].Data);
        Assert.Equal([2f, 3f, -5f, 12f], d[1].Data);
        Assert.Equal([2L, 2L], d[1].Shape);
        Assert.Equal(["a", "b"], d.Tensors.Select(t => t.Name));
    }

    [Fact]
    public void Add_is_element_wise_and_undoes_subtract()
    {
        var other = new ModelWeights([new NamedTensor("a", [2], [0.5f, 5f]), new NamedTensor("b", [2, 2], [1f, 1f, 10f, -6f])]);

        var sum = Two().Add(other);

        Assert.Equal([1.5f, 7f], sum[0].Data);
        Assert.Equal([4f, 5f, 15f, 0f], sum[1].Data);
        Assert.Equal(Two()[1].Data, other.Add(Two().Subtract(other))[1].Data);
        Assert.StartsWith("add:", Assert.Throws<InvalidDataException>(() => Two().Add(WeightSet(("a", [1f, 2f])))).Message);
    }

    [Fact]
    public void Subtract_leaves_both_operands_unchanged()
    {
        var a = Two();
        var b = Two();

        var d = a.Subtract(b);

        Assert.All(d.Tensors, t => Assert.All(t.Data, x => Assert.Equal(0f, x)));
        Assert.Equal([1f, 2f], a[0].Data);
        Assert.Equal([1f, 2f], b[0].Data);
    }

    [Fact]
    public void Subtract_rejects_another_layout()
    {
        var e = Assert.Throws<InvalidDataException>(() => Two().Subtract(WeightSet(("a", [1f, 2f]))));

        Assert.StartsWith("subtract:", e.Message);
    }

    [Fact]
    public void Zeros_like_has_the_same_layout_with_zero_values_in_new_arrays()
    {
        var w = Two();

        var z = w.ZerosLike();

        w.EnsureSameLayout(z, "zeros");
        Assert.All(z.Tensors, t => Assert.All(t.Data, x => Assert.Equal(0f, x)));
        Assert.NotSame(w[0].Data, z[0].Data);
        Assert.Equal([1f, 2f], w[0].Data);
    }

    [Fact]
    public void Ensure_same_layout_accepts_the_same_names_and_shapes_with_other_values()
    {
        var other = new ModelWeights([new NamedTensor("a", [2], [9f, 9f]), new NamedTensor("b", [2, 2], [0f, 0f, 0f, 0f])]);

        Two().EnsureSameLayout(other, "check");
    }

    [Fact]
    public void Ensure_same_layout_reports_a_different_tensor_count()
    {
        var e = Assert.Throws<InvalidDataException>(() => Two().EnsureSameLayout(WeightSet(("a", [1f, 2f])), "party 3 update"));

        Assert.Equal("party 3 update: expected 2 tensors, got 1", e.Message);
    }

    [Fact]
    public void Ensure_same_layout_reports_a_different_name_with_both_names_and_shapes()
    {
        var other = new ModelWeights([new NamedTensor("a", [2], [1f, 2f]), new NamedTensor("c", [4], [3f, 4f, 5f, 6f])]);

        var e = Assert.Throws<InvalidDataException>(() => Two().EnsureSameLayout(other, "load"));

        Assert.Equal("load: tensor 1 is 'c' [4], expected 'b' [2,2]", e.Message);
    }

    [Fact]
    public void Ensure_same_layout_reports_a_different_shape_with_the_same_element_count()
    {
        var other = new ModelWeights([new NamedTensor("a", [2], [1f, 2f]), new NamedTensor("b", [1, 4], [3f, 4f, 5f, 6f])]);

        var e = Assert.Throws<InvalidDataException>(() => Two().EnsureSameLayout(other, "load"));

        Assert.Equal("load: tensor 1 is 'b' [1,4], expected 'b' [2,2]", e.Message);
    }

    [Fact]
    public void Ensure_same_layout_checks_the_order()
    {
        var swapped = new ModelWeights([Two()[1], Two()[0]]);

        var e = Assert.Throws<InvalidDataException>(() => Two().EnsureSameLayout(swapped, "order"));

        Assert.Equal("order: tensor 0 is 'b' [2,2], expected 'a' [2]", e.Message);
    }
}
