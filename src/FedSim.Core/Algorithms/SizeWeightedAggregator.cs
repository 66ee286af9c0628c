using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>FedAvg's rule as a stream: the data-size weighted average of the models added.</summary>
internal sealed class SizeWeightedAggregator(ModelWeights global, SumBuffers? buffers = null) : IRoundAggregator
{
    private readonly WeightedSum _sum = new(global, buffers);

    public int Count => _sum.Count;

    public void Add(PartyResult result)
    {
        if (result.NumExamples <= 0) throw new InvalidDataException($"party {result.PartyId} reported {result.NumExamples} examples");
        _sum.Add(result.Weights, result.NumExamples, $"party {result.PartyId} update");
    }

    public RoundAggregate Finish(IReadOnlyList<PartyFailure> failures)
    {
        using (_sum) return new RoundAggregate(_sum.Mean());
    }

    public void Dispose() => _sum.Dispose();
}
