using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>FedAvg's server rule: the data-size weighted average of the whole state (parameters and buffers).</summary>
public sealed class WeightedAverage : Strategy
{
    public override IRoundAggregator BeginRound(int round, ModelWeights globalModel) => new SizeWeightedAggregator(globalModel, Buffers);
}
