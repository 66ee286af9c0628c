using FedSim.Core.LocalTraining;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>The party half of algorithms that change only the server side: plain local SGD, nothing beside the model.</summary>
internal sealed class PlainParty : IPartyAlgorithm
{
    public IReadOnlyList<ILocalHook> Prepare(PartyTask task) => [];

    public IReadOnlyDictionary<string, ModelWeights> Finish(PartyTask task, LocalOutcome outcome) => ModelWeights.NoPayloads;
}
