using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>
/// FedNova: normalised averaging. With <c>tau_i</c> local steps and momentum <c>rho</c>,
/// <c>a_i = (tau_i - rho (1 - rho^tau_i) / (1 - rho)) / (1 - rho)</c> (= tau_i when rho = 0),
/// <c>d_i = (w_global - w_i) / a_i</c>, <c>p_i = n_i / sum n</c>, and
/// <c>w_global &lt;- w_global - (sum p_i a_i) * sum p_i d_i</c>.
/// </summary>
public sealed class FedNova(double momentum) : IStrategy
{
    public string Name => "fednova";

    public ModelWeights Initialize(ModelWeights initial, int totalParties) => initial;

    public PartyInstructions ConfigureParty(int round, int partyId, ModelWeights global) => PartyInstructions.None;

    public static double NormalisingFactor(long steps, double rho) =>
        rho == 0 ? steps : (steps - rho * (1 - Math.Pow(rho, steps)) / (1 - rho)) / (1 - rho);

    public ModelWeights Aggregate(int round, ModelWeights global, IReadOnlyList<PartyResult> results, IReadOnlyList<PartyFailure> failures)
    {
        if (results.Count == 0) throw new ArgumentException("nothing to aggregate");
        double total = results.Sum(r => (double)r.NumExamples);
        var p = results.Select(r => r.NumExamples / total).ToArray();
        var a = results.Select(r =>
        {
            if (r.LocalSteps <= 0) throw new InvalidDataException($"party {r.PartyId} reported {r.LocalSteps} local steps; FedNova needs at least one");
            global.EnsureSameLayout(r.Weights, $"party {r.PartyId} update");
            return NormalisingFactor(r.LocalSteps, momentum);
        }).ToArray();
        var tauEff = p.Select((pi, i) => pi * a[i]).Sum();
        var tensors = new NamedTensor[global.Count];
        for (var t = 0; t < global.Count; t++)
        {
            var g = global[t].Data;
            var acc = new double[g.Length];
            for (var i = 0; i < results.Count; i++)
            {
                var w = results[i].Weights[t].Data;
                var coef = p[i] / a[i];
                for (var j = 0; j < acc.Length; j++) acc[j] += coef * (g[j] - (double)w[j]);
            }
            var data = new float[g.Length];
            for (var j = 0; j < data.Length; j++) data[j] = (float)(g[j] - tauEff * acc[j]);
            tensors[t] = new NamedTensor(global[t].Name, global[t].Shape, data);
        }
        return new ModelWeights(tensors);
    }
}
