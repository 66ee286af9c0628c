using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// What a round's aggregation gives: the new global model, and the strategy's own figures for the round, which become
/// columns of <c>metrics.csv</c> (numbers or text, e.g. which parties a robust aggregator kept).
/// </summary>
public sealed record RoundAggregate(ModelWeights Global)
{
    public static IReadOnlyDictionary<string, object> NoMetrics { get; } = new Dictionary<string, object>();

    public IReadOnlyDictionary<string, object> Metrics { get; init; } = NoMetrics;
}
