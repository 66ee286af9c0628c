using FedSim.Core.Components;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// FedNova: normalised averaging. With <c>tau_i</c> local steps and momentum <c>rho</c>,
/// <c>a_i = (tau_i - rho (1 - rho^tau_i) / (1 - rho)) / (1 - rho)</c> (= tau_i when rho = 0),
/// <c>d_i = (w_global - w_i) / a_i</c>, <c>p_i = n_i / sum n</c>, and
/// <c>w_global &lt;- w_global - (sum p_i a_i) * sum p_i d_i</c>.
/// Streamed: with <c>N = sum n_i</c>, <c>B = sum n_i / a_i</c>, <c>S = sum (n_i / a_i) w_i</c> and <c>T = sum n_i a_i</c>,
/// <c>sum p_i d_i = (B w_global - S) / N</c>, so only S (one model) and three scalars are kept.
/// The party side is plain local SGD; the server uses the step count each party reports.
/// </summary>
[Component("fednova", "FedNova: each party's update normalised by its number of local steps (with SGD momentum), then averaged",
    Reference = "Wang et al., Tackling the Objective Inconsistency Problem in Heterogeneous Federated Optimization, NeurIPS 2020")]
internal sealed class FedNova : Algorithm<NoOptions>
{
    protected override IStrategy CreateStrategy(NoOptions options, Scenario scenario) => new Server(scenario.Training.Momentum);

    protected override IPartyAlgorithm CreateParty(NoOptions options, Scenario scenario) => new PlainParty();

    public static double NormalisingFactor(long steps, double rho) =>
        rho == 0 ? steps : (steps - rho * (1 - Math.Pow(rho, steps)) / (1 - rho)) / (1 - rho);

    internal sealed class Server(double momentum) : Strategy
    {
        public override IRoundAggregator BeginRound(int round, ModelWeights globalModel) => new Round(globalModel, momentum, Buffers);
    }

    private sealed class Round(ModelWeights global, double momentum, SumBuffers buffers) : IRoundAggregator
    {
        private readonly WeightedSum _scaled = new(global, buffers);
        private readonly List<(int Party, double N, double A)> _factors = [];

        public int Count => _scaled.Count;

        public void Add(PartyResult r)
        {
            if (r.LocalSteps <= 0) throw new InvalidDataException($"party {r.PartyId} reported {r.LocalSteps} local steps; FedNova needs at least one");
            if (r.NumExamples <= 0) throw new InvalidDataException($"party {r.PartyId} reported {r.NumExamples} examples");
            var a = NormalisingFactor(r.LocalSteps, momentum);
            _scaled.Add(r.Weights, r.NumExamples / a, $"party {r.PartyId} update");
            _factors.Add((r.PartyId, r.NumExamples, a));
        }

        public RoundAggregate Finish(IReadOnlyList<PartyFailure> failures)
        {
            if (_factors.Count == 0) throw new InvalidOperationException("nothing to aggregate");
            // Scalars summed in party order, so the result does not depend on the order results arrived in.
            var ordered = _factors.OrderBy(f => f.Party).ToList();
            var n = ordered.Sum(f => f.N);
            var tauEff = ordered.Sum(f => f.N * f.A) / n;
            var b = ordered.Sum(f => f.N / f.A);
            var g = global.Flatten();
            using (_scaled) return new RoundAggregate(_scaled.Map((s, j) => g[j] - tauEff * ((b * g[j] - s) / n)));
        }

        public void Dispose() => _scaled.Dispose();
    }
}
