using System.Collections.Concurrent;
using FedSim.Core.Components;
using FedSim.Core.LocalTraining;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// SCAFFOLD (option II). The server keeps the control variate <c>c</c> (zero at the start, not random as in NIID-Bench's
/// issue #8) and sends it with the model; each party keeps its own <c>c_i</c> (zero at the start), corrects every local
/// step by <c>-lr (c - c_i)</c> and returns <c>delta c_i</c> beside its model (so its upload is twice the model).
/// The server averages models by data size and sets <c>c += sum(delta c_i) / n_parties</c> over ALL parties (NIID-Bench
/// issue #12). Both sums are folded in as results arrive; the parties' <c>c_i</c> live on the party side.
/// </summary>
[Component("scaffold", "SCAFFOLD (option II): control variates correct each local step for the party's drift",
    Reference = "Karimireddy et al., SCAFFOLD: Stochastic Controlled Averaging for Federated Learning, ICML 2020")]
internal sealed class Scaffold : Algorithm<NoOptions>
{
    /// <summary>The server control variate, sent with the model.</summary>
    public const string ServerControl = "scaffold.c";

    /// <summary>A party's control-variate change, returned with its model.</summary>
    public const string ControlDelta = "scaffold.c_delta";

    protected override IStrategy CreateStrategy(NoOptions options, Scenario scenario) => new Server();

    protected override IPartyAlgorithm CreateParty(NoOptions options, Scenario scenario) => new Party(scenario.Training.Lr);

    internal sealed class Server : Strategy
    {
        private ModelWeights? _control;
        private int _totalParties;

        /// <summary>The server control variate (part of the run state).</summary>
        public ModelWeights Control => _control ?? throw new InvalidOperationException("not initialised");

        public override ModelWeights Initialize(ModelWeights initial, int totalParties)
        {
            _control = initial.ZerosLike();
            _totalParties = totalParties;
            return initial;
        }

        protected override PartyInstructions Instruct(int round, int partyId, ModelWeights globalModel) =>
            new() { Payloads = new Dictionary<string, ModelWeights> { [ServerControl] = Control } };

        public override IRoundAggregator BeginRound(int round, ModelWeights globalModel) => new Round(this, globalModel);

        private sealed class Round(Server owner, ModelWeights global) : IRoundAggregator
        {
            private readonly SizeWeightedAggregator _models = new(global, owner.Buffers);
            private readonly WeightedSum _deltas = new(global, owner.Buffers);

            public int Count => _models.Count;

            public void Add(PartyResult result)
            {
                if (!result.Payloads.TryGetValue(ControlDelta, out var delta))
                    throw new InvalidDataException($"party {result.PartyId} sent no '{ControlDelta}' with its SCAFFOLD update");
                global.EnsureSameLayout(delta, $"party {result.PartyId} control delta");
                _models.Add(result);
                _deltas.Add(delta, 1, $"party {result.PartyId} control delta");
            }

            public RoundAggregate Finish(IReadOnlyList<PartyFailure> failures)
            {
                using (_deltas)
                {
                    var model = _models.Finish(failures);
                    owner._control = ScaffoldControl.ServerUpdate(owner.Control, _deltas, owner._totalParties);
                    return model;
                }
            }

            public void Dispose()
            {
                _models.Dispose();
                _deltas.Dispose();
            }
        }
    }

    /// <summary>
    /// Keeps each hosted party's <c>c_i</c> (zero until its first round), corrects every local step by <c>-lr (c - c_i)</c>,
    /// then updates <c>c_i</c> (option II) and returns <c>delta c_i</c>. A round whose training diverged (a NaN or an
    /// infinity in the new <c>c_i</c>) keeps the old <c>c_i</c>: the coordinator rejects that update, so the server never
    /// counts its delta, and a non-finite <c>c_i</c> kept here would make every later round of the party diverge too.
    /// </summary>
    internal sealed class Party(double lr) : IPartyAlgorithm
    {
        private readonly ConcurrentDictionary<int, ModelWeights> _controls = new();

        public ModelWeights? ControlOf(int partyId) => _controls.GetValueOrDefault(partyId);

        public IReadOnlyList<ILocalHook> Prepare(PartyTask task)
        {
            var own = _controls.GetOrAdd(task.PartyId, _ => task.Global.ZerosLike());
            return [new StepCorrection(ServerControlOf(task).Subtract(own))];
        }

        public IReadOnlyDictionary<string, ModelWeights> Finish(PartyTask task, LocalOutcome outcome)
        {
            var own = _controls.GetOrAdd(task.PartyId, _ => task.Global.ZerosLike());
            var (next, delta) = ScaffoldControl.PartyUpdate(own, ServerControlOf(task), task.Global, outcome.Weights, outcome.LocalSteps, lr);
            // next = c_i - c + (w_global - w_i) / (K lr): a NaN or infinity in the weights shows up in next, so one check covers both.
            if (next.FirstNonFinite() is null) _controls[task.PartyId] = next;
            return new Dictionary<string, ModelWeights> { [ControlDelta] = delta };
        }

        private static ModelWeights ServerControlOf(PartyTask task) =>
            task.Instructions.Payloads.TryGetValue(ServerControl, out var c)
                ? c
                : throw new InvalidDataException($"SCAFFOLD task without the server control variate '{ServerControl}'");
    }
}
