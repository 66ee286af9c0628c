using FedSim.Core.Metrics;
using FedSim.Core.Strategies;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Metrics;

public sealed class UpdateHeterogeneityTests
{
    [Fact]
    public void Orthogonal_unit_updates_have_norm_one_and_cosine_one_over_root_two_to_their_mean()
    {
        // Updates [1, 0] and [0, 1] from a zero global; the aggregate update is [1/2, 1/2] with norm 1/sqrt(2), so
        // cos = (1/2) / (1 * 1/sqrt(2)) = 1/sqrt(2).
        var global = WeightSet(("w", [0f, 0f]));
        var aggregated = WeightSet(("w", [0.5f, 0.5f]));
        var results = new[]
        {
            new PartyResult(3, 10, 5, 0.25, 1.5, WeightSet(("w", [1f, 0f]))),
            new PartyResult(8, 20, 6, 0.75, 2.5, WeightSet(("w", [0f, 1f]))),
        };

        var stats = UpdateHeterogeneity.Compute(global, aggregated, results);

        Assert.Equal(2, stats.Count);
        Assert.All(stats, s => Assert.Equal(1.0, s.UpdateNorm, 6));
        Assert.All(stats, s => Assert.Equal(1 / Math.Sqrt(2), s.CosineToAggregate, 6));
        Assert.Equal(new PartyUpdateStats(3, stats[0].UpdateNorm, stats[0].CosineToAggregate, 1.5, 0.25, 10), stats[0]);
        Assert.Equal([3, 8], stats.Select(s => s.PartyId));
        Assert.Equal([20L], stats.Skip(1).Select(s => s.NumExamples));
    }

    [Fact]
    public void Updates_are_measured_from_the_global_model_not_from_zero()
    {
        // Global [1, 1], party [4, 5]: update [3, 4], norm 5. Aggregate [1, 1] + [6, 8]: same direction, cosine 1.
        var stats = UpdateHeterogeneity.Compute(WeightSet(("w", [1f, 1f])), WeightSet(("w", [7f, 9f])), [Result(0, 1, WeightSet(("w", [4f, 5f])))]);

        Assert.Equal(5.0, stats[0].UpdateNorm, 6);
        Assert.Equal(1.0, stats[0].CosineToAggregate, 6);
    }

    [Fact]
    public void An_unchanged_aggregate_gives_cosine_zero()
    {
        var g = WeightSet(("w", [1f, 2f]));

        var stats = UpdateHeterogeneity.Compute(g, g, [Result(0, 1, WeightSet(("w", [2f, 2f])))]);

        Assert.Equal(1.0, stats[0].UpdateNorm, 6);
        Assert.Equal(0.0, stats[0].CosineToAggregate);
    }
}
