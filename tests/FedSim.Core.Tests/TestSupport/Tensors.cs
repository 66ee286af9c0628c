using FedSim.Core.Algorithms;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.TestSupport;

/// <summary>Small weight sets for hand-computed tests.</summary>
internal static class Tensors
{
    /// <summary>A weight set of one-dimensional tensors, in the given order.</summary>
    public static ModelWeights WeightSet(params (string Name, float[] Data)[] tensors) =>
        new(tensors.Select(t => new NamedTensor(t.Name, [t.Data.Length], t.Data)));

    public static PartyResult Result(int partyId, long numExamples, ModelWeights weights) =>
        new(partyId, numExamples, LocalSteps: 1, TrainLoss: 0.5, TrainSeconds: 1.0, weights);
}
