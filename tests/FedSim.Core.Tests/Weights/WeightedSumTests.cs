using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Weights;

public sealed class WeightedSumTests
{
    private static WeightedSum SumOf(params (ModelWeights Weights, double Weight)[] items)
    {
        var sum = new WeightedSum(items[0].Weights);
        foreach (var (w, a) in items) sum.Add(w, a, "item");
        return sum;
    }

    [Fact]
    public void The_mean_is_normalised_by_the_sum_of_the_weights()
    {
        // (2 * [1, 10] + 6 * [3, 30]) / 8 = [20 / 8, 200 / 8] = [2.5, 25].
        var result = SumOf((WeightSet(("x", [1f, 10f])), 2.0), (WeightSet(("x", [3f, 30f])), 6.0)).Mean();

        Assert.Equal([2.5f, 25f], result[0].Data);
    }

    [Fact]
    public void Every_tensor_keeps_its_name_shape_and_own_values()
    {
        // Weights 1 and 3: a = 0.25 * [4] + 0.75 * [8] = [7]; b = 0.25 * [0, 40] + 0.75 * [4, 0] = [3, 10].
        var result = SumOf((WeightSet(("a", [4f]), ("b", [0f, 40f])), 1.0), (WeightSet(("a", [8f]), ("b", [4f, 0f])), 3.0)).Mean();

        Assert.Equal("a", result[0].Name);
        Assert.Equal([7f], result[0].Data);
        Assert.Equal("b", result[1].Name);
        Assert.Equal([3f, 10f], result[1].Data);
    }

    [Fact]
    public void Scaled_multiplies_the_plain_sum()
    {
        var sum = SumOf((WeightSet(("x", [1f, -2f])), 1.0), (WeightSet(("x", [3f, 5f])), 1.0));

        Assert.Equal([0.4f, 0.3f], sum.Scaled(0.1)[0].Data);
        Assert.Equal(2.0, sum.TotalWeight);
        Assert.Equal(2, sum.Count);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, -1.0)]
    public void Weights_that_do_not_sum_to_a_positive_number_have_no_mean(double a, double b)
    {
        var e = Assert.Throws<ArgumentException>(() => SumOf((WeightSet(("x", [1f])), a), (WeightSet(("x", [2f])), b)).Mean());

        Assert.Contains("positive", e.Message);
    }

    [Fact]
    public void A_non_finite_weight_is_refused_and_adds_nothing()
    {
        var sum = new WeightedSum(WeightSet(("x", [0f])));

        var e = Assert.Throws<InvalidDataException>(() => sum.Add(WeightSet(("x", [1f])), double.NaN, "party 3 update"));

        Assert.Contains("party 3 update", e.Message);
        Assert.Equal(0, sum.Count);
    }

    [Fact]
    public void A_sum_made_with_shared_buffers_gives_them_back_and_the_next_sum_starts_from_zero()
    {
        var buffers = new SumBuffers();
        var first = new WeightedSum(WeightSet(("x", [0f, 0f])), buffers);
        first.Add(WeightSet(("x", [1f, 2f])), 3, "a");
        Assert.Equal([1f, 2f], first.Mean()[0].Data);
        Assert.Equal(0, buffers.Spares);

        first.Dispose();
        Assert.Equal(2, buffers.Spares); // the running sums and their rounding errors
        var second = new WeightedSum(WeightSet(("x", [0f, 0f])), buffers);
        Assert.Equal(0, buffers.Spares);
        second.Add(WeightSet(("x", [5f, -6f])), 1, "b");

        // Nothing of the first sum is left in the reused arrays: 1 * [5, -6] / 1.
        Assert.Equal([5f, -6f], second.Mean()[0].Data);
        Assert.Throws<ObjectDisposedException>(() => first.Add(WeightSet(("x", [1f, 1f])), 1, "late"));
        Assert.Throws<ObjectDisposedException>(() => first.Mean());
    }

    [Fact]
    public void Spare_buffers_of_another_size_are_not_taken()
    {
        var buffers = new SumBuffers();
        new WeightedSum(WeightSet(("x", [0f, 0f])), buffers).Dispose();

        using var other = new WeightedSum(WeightSet(("x", [0f, 0f, 0f])), buffers);

        Assert.Equal(2, buffers.Spares);
    }

    [Fact]
    public void An_empty_sum_has_no_mean()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WeightedSum(WeightSet(("x", [1f]))).Mean());

        Assert.Contains("nothing to average", e.Message);
    }

    [Fact]
    public void A_set_with_another_layout_is_refused_and_adds_nothing()
    {
        var sum = new WeightedSum(WeightSet(("x", [0f, 0f])));

        var e = Assert.Throws<InvalidDataException>(() => sum.Add(WeightSet(("y", [1f, 1f])), 1, "party 7 update"));

        Assert.Contains("party 7 update", e.Message);
        Assert.Equal(0, sum.Count);
    }

    [Fact]
    public void Empty_weight_sets_average_to_an_empty_set()
    {
        var empty = new ModelWeights([]);

        Assert.Equal(0, SumOf((empty, 1.0), (empty, 2.0)).Mean().Count);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_sets_are_added_in()
    {
        // Values of very different magnitudes, where plain double accumulation in different orders disagrees in the
        // last bits; the folded result must be bit-for-bit the same for every order.
        var rng = new Random(42);
        const int n = 1003; // not a multiple of any vector width: the scalar tail is exercised too
        var sets = Enumerable.Range(0, 12).Select(i =>
        {
            var data = new float[n];
            for (var j = 0; j < n; j++) data[j] = (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 8)));
            return (Weights: WeightSet(("w", data)), Weight: (double)rng.Next(1, 60_000));
        }).ToArray();
        var reference = SumOf(sets).Mean()[0].Data;

        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = sets.OrderBy(_ => rng.Next()).ToArray();
            Assert.Equal(reference, SumOf(shuffled).Mean()[0].Data);
        }
    }

    [Fact]
    public void The_mean_is_within_one_float_ulp_of_a_decimal_computation()
    {
        var rng = new Random(7);
        var sets = Enumerable.Range(0, 10).Select(_ =>
            (Weights: WeightSet(("w", Enumerable.Range(0, 40).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray())), Weight: (double)rng.Next(1, 6000))).ToArray();

        var mean = SumOf(sets).Mean()[0].Data;

        var total = sets.Sum(s => (decimal)s.Weight);
        for (var j = 0; j < 40; j++)
        {
            // decimal holds each double product to about 28 digits: far finer than one float ulp.
            var exact = (double)(sets.Sum(s => (decimal)s.Weight * (decimal)(double)s.Weights[0].Data[j]) / total);
            var ulp = MathF.BitIncrement(MathF.Abs((float)exact)) - MathF.Abs((float)exact);
            Assert.InRange(Math.Abs(mean[j] - exact), 0, ulp);
        }
    }

    [Fact]
    public void A_size_weighted_round_gives_the_same_bits_for_any_arrival_order()
    {
        var rng = new Random(3);
        var global = WeightSet(("w", new float[300]));
        var results = Enumerable.Range(0, 8).Select(p =>
            Result(p, rng.Next(1, 9000), WeightSet(("w", Enumerable.Range(0, 300).Select(_ => (float)rng.NextDouble()).ToArray())))).ToList();
        var forward = new WeightedAverage().Aggregate(1, global, results, []);
        var backward = new WeightedAverage().Aggregate(1, global, Enumerable.Reverse(results), []);

        Assert.Equal(forward[0].Data, backward[0].Data);
    }
}
