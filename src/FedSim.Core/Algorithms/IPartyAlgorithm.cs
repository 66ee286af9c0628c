using FedSim.Core.LocalTraining;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// An algorithm's party half: the hooks one local training applies, and the payloads it returns beside the model.
/// One instance per node serves all its parties and may keep per-party state (e.g. SCAFFOLD's c_i); it must be
/// thread-safe. Pure maths: local training itself (TorchSharp) applies the hooks.
/// </summary>
public interface IPartyAlgorithm
{
    IReadOnlyList<ILocalHook> Prepare(PartyTask task);

    IReadOnlyDictionary<string, ModelWeights> Finish(PartyTask task, LocalOutcome outcome);
}
