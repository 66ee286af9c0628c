using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Algorithms;

public sealed class ServerOptimizerTests
{
    /// <summary>Steps by a fixed multiple of the pseudo-gradient, and counts its calls.</summary>
    private sealed class Scaled(double factor) : ServerOptimizer
    {
        public int Calls { get; private set; }

        protected override void Step(double[] values)
        {
            Calls++;
            for (var j = 0; j < values.Length; j++) values[j] *= factor;
        }
    }

    private static readonly ModelWeights Global = WeightSet(("w", [1f, 2f]), ("b", [-1f]));

    private static PartyResult[] Results() =>
    [
        Result(0, 1, WeightSet(("w", [3f, 2f]), ("b", [1f]))),
        Result(1, 3, WeightSet(("w", [7f, 6f]), ("b", [-1f]))),
    ];

    [Fact]
    public void A_unit_step_is_fedavg()
    {
        var fedavg = new WeightedAverage().Aggregate(1, Global, Results(), []);

        var unit = new Scaled(1).Aggregate(1, Global, Results(), []);

        for (var t = 0; t < fedavg.Count; t++) Assert.Equal(fedavg[t].Data, unit[t].Data);
    }

    [Fact]
    public void The_step_is_applied_to_the_pseudo_gradient_of_the_data_size_weighted_average()
    {
        // average w = (1*3 + 3*7)/4 = 6, (1*2 + 3*6)/4 = 5; b = (1*1 + 3*-1)/4 = -0.5. delta = [5, 3], [0.5].
        var half = new Scaled(0.5);

        var round = half.AggregateRound(1, Global, Results(), []);

        Assert.Equal([3.5f, 3.5f], round.Global[0].Data);
        Assert.Equal([-0.75f], round.Global[1].Data);
        Assert.Equal(1, half.Calls);
        Assert.Equal(Math.Sqrt(25 + 9 + 0.25), (double)round.Metrics["pseudo_gradient_norm"], 12);
        Assert.Equal(Math.Sqrt(25 + 9 + 0.25) / 2, (double)round.Metrics["server_step_norm"], 12);
    }

    [Fact]
    public void The_names_and_shapes_of_the_model_are_kept()
    {
        var g = new ModelWeights([new NamedTensor("conv", [2, 2], [0f, 0f, 0f, 0f]), new NamedTensor("bias", [1], [0f])]);
        var r = new ModelWeights([new NamedTensor("conv", [2, 2], [1f, 2f, 3f, 4f]), new NamedTensor("bias", [1], [5f])]);

        var next = new Scaled(1).Aggregate(1, g, [Result(0, 2, r)], []);

        Assert.Equal(["conv", "bias"], next.Tensors.Select(t => t.Name));
        Assert.Equal([2L, 2L], next[0].Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f], next.Flatten());
    }

    [Fact]
    public void Results_the_average_refuses_are_refused()
    {
        var aggregator = new Scaled(1).BeginRound(1, Global);

        Assert.Throws<InvalidDataException>(() => aggregator.Add(Result(0, 0, Global)));
        Assert.Throws<InvalidDataException>(() => aggregator.Add(Result(0, 1, WeightSet(("w", [1f])))));
        Assert.Equal(0, aggregator.Count);
    }
}
