using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Algorithms;

public sealed class FedAvgTests
{
    private static readonly ModelWeights Global = WeightSet(("w", [0f, 0f]), ("b", [0f, 0f, 0f]));

    private static ModelWeights Aggregate(params PartyResult[] results) => new WeightedAverage().Aggregate(1, Global, results, []);

    [Fact]
    public void Two_parties_are_weighted_by_their_example_counts()
    {
        // n = 1 and n = 3: 0.25 * [1, 2] + 0.75 * [5, 6] = [4, 5]; 0.25 * [0, 4, 8] + 0.75 * [8, 0, 4] = [6, 1, 5].
        var result = Aggregate(
            Result(0, 1, WeightSet(("w", [1f, 2f]), ("b", [0f, 4f, 8f]))),
            Result(1, 3, WeightSet(("w", [5f, 6f]), ("b", [8f, 0f, 4f]))));

        Assert.Equal([4f, 5f], result[0].Data);
        Assert.Equal([6f, 1f, 5f], result[1].Data);
    }

    [Fact]
    public void The_result_keeps_the_names_and_shapes()
    {
        var g = new ModelWeights([new NamedTensor("conv", [2, 2], [0f, 0f, 0f, 0f]), new NamedTensor("bias", [1], [0f])]);
        var a = new ModelWeights([new NamedTensor("conv", [2, 2], [1f, 2f, 3f, 4f]), new NamedTensor("bias", [1], [1f])]);
        var b = new ModelWeights([new NamedTensor("conv", [2, 2], [3f, 4f, 5f, 6f]), new NamedTensor("bias", [1], [3f])]);

        var result = new WeightedAverage().Aggregate(1, g, [Result(0, 5, a), Result(1, 5, b)], []);

        // Equal counts: the plain mean.
        Assert.Equal(["conv", "bias"], result.Tensors.Select(t => t.Name));
        Assert.Equal([2L, 2L], result[0].Shape);
        Assert.Equal([2f, 3f, 4f, 5f], result[0].Data);
        Assert.Equal([2f], result[1].Data);
    }

    [Fact]
    public void The_order_of_the_results_does_not_change_the_result()
    {
        var a = Result(0, 2, WeightSet(("w", [1f, -3f]), ("b", [0.5f, 1f, 2f])));
        var b = Result(1, 5, WeightSet(("w", [7f, 2f]), ("b", [4f, -1f, 0f])));
        var c = Result(2, 1, WeightSet(("w", [-2f, 9f]), ("b", [1f, 1f, 1f])));

        var forward = Aggregate(a, b, c);
        var backward = Aggregate(c, b, a);

        for (var t = 0; t < forward.Count; t++) Assert.Equal(forward[t].Data, backward[t].Data);
        // Hand check of w[0]: (2 * 1 + 5 * 7 + 1 * -2) / 8 = 35 / 8 = 4.375.
        Assert.Equal(4.375f, forward[0].Data[0]);
    }

    [Fact]
    public void A_single_party_result_is_returned_unchanged()
    {
        var only = WeightSet(("w", [1.5f, -2.25f]), ("b", [3f, 4f, 5f]));

        var result = Aggregate(Result(3, 17, only));

        Assert.Equal(only[0].Data, result[0].Data);
        Assert.Equal(only[1].Data, result[1].Data);
    }

    [Fact]
    public void The_inputs_are_not_modified()
    {
        var a = WeightSet(("w", [1f, 2f]), ("b", [1f, 1f, 1f]));
        var b = WeightSet(("w", [5f, 6f]), ("b", [3f, 3f, 3f]));

        Aggregate(Result(0, 1, a), Result(1, 3, b));

        Assert.Equal([1f, 2f], a[0].Data);
        Assert.Equal([5f, 6f], b[0].Data);
        Assert.Equal([0f, 0f], Global[0].Data);
    }

    [Fact]
    public void A_result_with_another_layout_is_rejected_naming_the_party()
    {
        var good = Result(0, 1, WeightSet(("w", [1f, 2f]), ("b", [0f, 0f, 0f])));
        var bad = Result(7, 1, WeightSet(("w", [1f, 2f]), ("c", [0f, 0f, 0f])));

        var e = Assert.Throws<InvalidDataException>(() => Aggregate(good, bad));

        Assert.Contains("party 7 update", e.Message);
        Assert.Contains("'c'", e.Message);
    }

    [Fact]
    public void A_result_with_another_shape_is_rejected()
    {
        var bad = Result(2, 1, WeightSet(("w", [1f, 2f, 3f]), ("b", [0f, 0f, 0f])));

        var e = Assert.Throws<InvalidDataException>(() => Aggregate(bad));

        Assert.Contains("party 2 update", e.Message);
        Assert.Contains("[3]", e.Message);
    }

    [Fact]
    public void No_results_cannot_be_averaged()
    {
        Assert.Contains("nothing to average", Assert.Throws<InvalidOperationException>(() => Aggregate()).Message);
    }

    [Fact]
    public void Initialize_and_configure_add_nothing()
    {
        var fedAvg = new WeightedAverage();

        Assert.Same(Global, fedAvg.Initialize(Global, 10));
        Assert.Same(PartyInstructions.None, fedAvg.InstructionsFor(1, 0, Global));
        Assert.Empty(PartyInstructions.None.Params);
        Assert.Empty(PartyInstructions.None.Payloads);
    }

    [Fact]
    public void A_later_round_reuses_the_accumulators_without_carrying_anything_over()
    {
        var fedAvg = new WeightedAverage();
        var first = fedAvg.Aggregate(1, Global, [Result(0, 1, WeightSet(("w", [4f, 4f]), ("b", [4f, 4f, 4f])))], []);

        // Round 2 from round 1's model: only party 1's [2, -2], [1, 2, 3] may count.
        var second = fedAvg.Aggregate(2, first, [Result(1, 5, WeightSet(("w", [2f, -2f]), ("b", [1f, 2f, 3f])))], []);

        Assert.Equal([2f, -2f], second[0].Data);
        Assert.Equal([1f, 2f, 3f], second[1].Data);
    }
}
