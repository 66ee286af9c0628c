using System.Collections.Concurrent;
using FedSim.Core.Strategies;
using FedSim.Core.Weights;

namespace FedSim.Training.Algorithms;

/// <summary>
/// SCAFFOLD's party side. Keeps each hosted party's control variate <c>c_i</c> (zero until its first round), corrects every
/// local step by <c>-lr (c - c_i)</c>, then updates <c>c_i</c> (option II) and returns <c>delta c_i</c>.
/// A round whose training diverged (a NaN or an infinity in the weights or in the new <c>c_i</c>) keeps the old <c>c_i</c>:
/// the coordinator rejects that update, so the server never counts its delta, and a non-finite <c>c_i</c> kept here would
/// make every later round of the party diverge too.
/// </summary>
public sealed class ScaffoldParty : IPartyAlgorithm
{
    private readonly ConcurrentDictionary<int, ModelWeights> _controls = new();

    public ModelWeights? ControlOf(int partyId) => _controls.GetValueOrDefault(partyId);

    public LocalHooks Prepare(int partyId, ModelWeights global, IReadOnlyDictionary<string, double> parameters, IReadOnlyDictionary<string, ModelWeights> payloads)
    {
        var server = ServerControl(payloads);
        var own = _controls.GetOrAdd(partyId, _ => global.ZerosLike());
        return new LocalHooks { StepCorrection = server.Subtract(own) };
    }

    public IReadOnlyDictionary<string, ModelWeights> Finish(int partyId, ModelWeights global, IReadOnlyDictionary<string, ModelWeights> payloads, LocalTrainingResult result, TrainSettings settings)
    {
        var own = _controls.GetOrAdd(partyId, _ => global.ZerosLike());
        var (next, delta) = ScaffoldControl.PartyUpdate(own, ServerControl(payloads), global, result.Weights, result.LocalSteps, settings.Lr);
        // next = c_i - c + (w_global - w_i) / (K lr): a NaN or infinity in the weights shows up in next, so one check covers both.
        if (next.FirstNonFinite() is null) _controls[partyId] = next;
        return new Dictionary<string, ModelWeights> { [AlgorithmNames.ScaffoldControlDelta] = delta };
    }

    private static ModelWeights ServerControl(IReadOnlyDictionary<string, ModelWeights> payloads) =>
        payloads.TryGetValue(AlgorithmNames.ScaffoldServerControl, out var c)
            ? c
            : throw new InvalidDataException($"SCAFFOLD task without the server control variate '{AlgorithmNames.ScaffoldServerControl}'");
}
