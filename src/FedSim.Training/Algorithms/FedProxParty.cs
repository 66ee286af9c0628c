using FedSim.Core.Strategies;
using FedSim.Core.Weights;

namespace FedSim.Training.Algorithms;

/// <summary>FedProx's party side: the proximal term towards the round's global model, weighted by the <c>mu</c> the server sends.</summary>
public sealed class FedProxParty : IPartyAlgorithm
{
    public LocalHooks Prepare(int partyId, ModelWeights global, IReadOnlyDictionary<string, double> parameters, IReadOnlyDictionary<string, ModelWeights> payloads)
    {
        if (!parameters.TryGetValue(AlgorithmNames.ProxMu, out var mu))
            throw new InvalidDataException($"FedProx task without the '{AlgorithmNames.ProxMu}' parameter");
        return new LocalHooks { ProxMu = mu, ProxAnchor = global };
    }

    public IReadOnlyDictionary<string, ModelWeights> Finish(int partyId, ModelWeights global, IReadOnlyDictionary<string, ModelWeights> payloads, LocalTrainingResult result, TrainSettings settings) =>
        new Dictionary<string, ModelWeights>();
}
