using FedSim.Core.Strategies;
using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Strategies;

public sealed class WeightedAverageTests
{
    [Fact]
    public void Weights_are_normalised_by_their_sum()
    {
        // (2 * [1, 10] + 6 * [3, 30]) / 8 = [20 / 8, 200 / 8] = [2.5, 25].
        var result = WeightedAverage.Of([(WeightSet(("x", [1f, 10f])), 2.0), (WeightSet(("x", [3f, 30f])), 6.0)]);

        Assert.Equal([2.5f, 25f], result[0].Data);
    }

    [Fact]
    public void Every_tensor_is_averaged_separately()
    {
        // Weights 1 and 3: a = 0.25 * [4] + 0.75 * [8] = [7]; b = 0.25 * [0, 40] + 0.75 * [4, 0] = [3, 10].
        var result = WeightedAverage.Of([
            (WeightSet(("a", [4f]), ("b", [0f, 40f])), 1.0),
            (WeightSet(("a", [8f]), ("b", [4f, 0f])), 3.0),
        ]);

        Assert.Equal([7f], result[0].Data);
        Assert.Equal([3f, 10f], result[1].Data);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, -1.0)]
    [InlineData(double.NaN, 1.0)]
    public void Weights_that_do_not_sum_to_a_positive_number_are_rejected(double a, double b)
    {
        var e = Assert.Throws<ArgumentException>(() => WeightedAverage.Of([(WeightSet(("x", [1f])), a), (WeightSet(("x", [2f])), b)]));

        Assert.Contains("positive", e.Message);
    }

    [Fact]
    public void An_empty_list_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => WeightedAverage.Of([]));

        Assert.Contains("nothing to average", e.Message);
    }

    // Fails today: WeightedAverage.cs line 15 sizes its buffer with first.Tensors.Max(...), which throws
    // InvalidOperationException ("Sequence contains no elements") for a weight set with no tensors. ModelWeights allows
    // an empty set, and its average is the empty set.
    [Fact]
    public void Averaging_empty_weight_sets_gives_an_empty_set()
    {
        var empty = new ModelWeights([]);

        var result = WeightedAverage.Of([(empty, 1.0), (empty, 2.0)]);

        Assert.Equal(0, result.Count);
    }
}
