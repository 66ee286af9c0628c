using FedSim.Core.Weights;

namespace FedSim.Training.Algorithms;

/// <summary>
/// An algorithm's party side: the hooks for one local training, and the payloads it returns beside the model.
/// One instance per node serves all its parties (and may keep per-party state, e.g. SCAFFOLD's c_i); it must be thread-safe.
/// </summary>
public interface IPartyAlgorithm
{
    LocalHooks Prepare(int partyId, ModelWeights global, IReadOnlyDictionary<string, double> parameters, IReadOnlyDictionary<string, ModelWeights> payloads);

    IReadOnlyDictionary<string, ModelWeights> Finish(int partyId, ModelWeights global, IReadOnlyDictionary<string, ModelWeights> payloads, LocalTrainingResult result, TrainSettings settings);
}
