using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>
/// SCAFFOLD (option II). The server keeps the control variate <c>c</c> (zero at the start, not random as in NIID-Bench's
/// issue #8) and sends it with the model; each party keeps its own <c>c_i</c> (zero at the start), corrects every local
/// step by <c>-lr (c - c_i)</c> and returns <c>delta c_i</c> beside its model (so its upload is twice the model).
/// The server averages models by data size and sets <c>c += sum(delta c_i) / n_parties</c> over ALL parties (NIID-Bench
/// issue #12). Both sums are folded in as results arrive; the parties' <c>c_i</c> live on the party side.
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

    /// <summary>The rounds' accumulators (models and control deltas), reused from one round to the next.</summary>
    private readonly SumBuffers _buffers = new();

    public IRoundAggregator BeginRound(int round, ModelWeights global) => new Round(this, global);

    private sealed class Round(Scaffold owner, ModelWeights global) : IRoundAggregator
    {
        private readonly SizeWeightedAggregator _models = new(global, owner._buffers);
        private readonly WeightedSum _deltas = new(global, owner._buffers);

        public int Count => _models.Count;

        public void Add(PartyResult result)
        {
            if (!result.Payloads.TryGetValue(AlgorithmNames.ScaffoldControlDelta, out var delta))
                throw new InvalidDataException($"party {result.PartyId} sent no '{AlgorithmNames.ScaffoldControlDelta}' with its SCAFFOLD update");
            global.EnsureSameLayout(delta, $"party {result.PartyId} control delta");
            _models.Add(result);
            _deltas.Add(delta, 1, $"party {result.PartyId} control delta");
        }

        public ModelWeights Finish(IReadOnlyList<PartyFailure> failures)
        {
            using (_deltas)
            {
                var model = _models.Finish(failures);
                owner._control = ScaffoldControl.ServerUpdate(owner.Control, _deltas, owner._totalParties);
                return model;
            }
        }
    }
}
