using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>
/// FedNova: normalised averaging. With <c>tau_i</c> local steps and momentum <c>rho</c>,
/// <c>a_i = (tau_i - rho (1 - rho^tau_i) / (1 - rho)) / (1 - rho)</c> (= tau_i when rho = 0),
/// <c>d_i = (w_global - w_i) / a_i</c>, <c>p_i = n_i / sum n</c>, and
/// <c>w_global &lt;- w_global - (sum p_i a_i) * sum p_i d_i</c>.
/// Streamed: with <c>N = sum n_i</c>, <c>B = sum n_i / a_i</c>, <c>S = sum (n_i / a_i) w_i</c> and <c>T = sum n_i a_i</c>,
/// <c>sum p_i d_i = (B w_global - S) / N</c>, so only S (one model) and three scalars are kept.
/// </summary>
public sealed class FedNova(double momentum) : IStrategy
{
    public string Name => "fednova";

    public ModelWeights Initialize(ModelWeights initial, int totalParties) => initial;

    public PartyInstructions ConfigureParty(int round, int partyId, ModelWeights global) => PartyInstructions.None;

    public static double NormalisingFactor(long steps, double rho) =>
        rho == 0 ? steps : (steps - rho * (1 - Math.Pow(rho, steps)) / (1 - rho)) / (1 - rho);

    /// <summary>The rounds' accumulators, reused from one round to the next.</summary>
    private readonly SumBuffers _buffers = new();

    public IRoundAggregator BeginRound(int round, ModelWeights global) => new Round(global, momentum, _buffers);

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

        public ModelWeights Finish(IReadOnlyList<PartyFailure> failures)
        {
            if (_factors.Count == 0) throw new InvalidOperationException("nothing to aggregate");
            // Scalars summed in party order, so the result does not depend on the order results arrived in.
            var ordered = _factors.OrderBy(f => f.Party).ToList();
            var n = ordered.Sum(f => f.N);
            var tauEff = ordered.Sum(f => f.N * f.A) / n;
            var b = ordered.Sum(f => f.N / f.A);
            var g = global.Flatten();
            using (_scaled) return _scaled.Map((s, j) => g[j] - tauEff * ((b * g[j] - s) / n));
        }
    }
}
