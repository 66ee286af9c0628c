using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>
/// SCAFFOLD (option II). The server keeps the control variate <c>c</c> (zero at the start, not random as in NIID-Bench's
/// issue #8) and sends it with the model; each party keeps its own <c>c_i</c> (zero at the start), corrects every local
/// step by <c>-lr (c - c_i)</c> and returns <c>delta c_i</c> beside its model (so its upload is twice the model).
/// The server averages models by data size and sets <c>c += sum(delta c_i) / n_parties</c> over ALL parties (NIID-Bench
/// issue #12).
/// </summary>
public sealed class Scaffold : IStrategy
{
    private ModelWeights? _control;
    private int _totalParties;

    public string Name => "scaffold";

    /// <summary>The server control variate (part of the run state).</summary>
    public ModelWeights Control => _control ?? throw new InvalidOperationException("not initialised");

    public ModelWeights Initialize(ModelWeights initial, int totalParties)
    {
        _control = initial.ZerosLike();
        _totalParties = totalParties;
        return initial;
    }

    public PartyInstructions ConfigureParty(int round, int partyId, ModelWeights global) =>
        new() { Payloads = new Dictionary<string, ModelWeights> { [AlgorithmNames.ScaffoldServerControl] = Control } };

    public ModelWeights Aggregate(int round, ModelWeights global, IReadOnlyList<PartyResult> results, IReadOnlyList<PartyFailure> failures)
    {
        var deltas = results.Select(r =>
        {
            if (!r.Payloads.TryGetValue(AlgorithmNames.ScaffoldControlDelta, out var delta))
                throw new InvalidDataException($"party {r.PartyId} sent no '{AlgorithmNames.ScaffoldControlDelta}' with its SCAFFOLD update");
            global.EnsureSameLayout(delta, $"party {r.PartyId} control delta");
            return delta;
        }).ToList();
        _control = ScaffoldControl.ServerUpdate(Control, deltas, _totalParties);
        return WeightedAverage.BySize(global, results);
    }
}
