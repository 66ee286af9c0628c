using FedSim.Core.Weights;

namespace FedSim.Training.Algorithms;

/// <summary>FedAvg and FedNova: plain local SGD, nothing beside the model (FedNova's server uses the reported step count).</summary>
public sealed class PlainParty : IPartyAlgorithm
{
    public LocalHooks Prepare(int partyId, ModelWeights global, IReadOnlyDictionary<string, double> parameters, IReadOnlyDictionary<string, ModelWeights> payloads) =>
        LocalHooks.None;

    public IReadOnlyDictionary<string, ModelWeights> Finish(int partyId, ModelWeights global, IReadOnlyDictionary<string, ModelWeights> payloads, LocalTrainingResult result, TrainSettings settings) =>
        new Dictionary<string, ModelWeights>();
}
