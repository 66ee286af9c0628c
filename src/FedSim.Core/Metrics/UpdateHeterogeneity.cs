using FedSim.Core.Strategies;
using FedSim.Core.Weights;

namespace FedSim.Core.Metrics;

/// <summary>
/// Per-party update figures: the L2 norm of <c>w_i - w_global</c> and its cosine similarity to the aggregated update
/// <c>w_new - w_global</c>.
/// </summary>
public static class UpdateHeterogeneity
{
    public static IReadOnlyList<PartyUpdateStats> Compute(ModelWeights global, ModelWeights aggregated, IReadOnlyList<PartyResult> results)
    {
        var aggregateUpdate = aggregated.Subtract(global);
        return results.Select(r =>
        {
            var update = r.Weights.Subtract(global);
            return new PartyUpdateStats(r.PartyId, WeightMath.L2Norm(update), WeightMath.Cosine(update, aggregateUpdate),
                r.TrainSeconds, r.TrainLoss, r.NumExamples);
        }).ToList();
    }
}
