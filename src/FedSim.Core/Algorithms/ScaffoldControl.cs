using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>SCAFFOLD's control-variate arithmetic (option II), on whole weight sets.</summary>
internal static class ScaffoldControl
{
    /// <summary>
    /// A party's new control variate after <paramref name="steps"/> local steps with learning rate <paramref name="lr"/>:
    /// <c>c_i+ = c_i - c + (w_global - w_i) / (steps * lr)</c>, and the change it uploads, <c>c_i+ - c_i</c>.
    /// </summary>
    public static (ModelWeights NewControl, ModelWeights Delta) PartyUpdate(
        ModelWeights partyControl, ModelWeights serverControl, ModelWeights global, ModelWeights local, long steps, double lr)
    {
        if (steps <= 0 || !(lr > 0)) throw new ArgumentException($"SCAFFOLD needs local steps > 0 and lr > 0 (got {steps}, {lr})");
        global.EnsureSameLayout(partyControl, "party control variate");
        global.EnsureSameLayout(serverControl, "server control variate");
        global.EnsureSameLayout(local, "local model");
        var scale = 1.0 / (steps * lr);
        var next = new NamedTensor[global.Count];
        var delta = new NamedTensor[global.Count];
        for (var t = 0; t < global.Count; t++)
        {
            var ci = partyControl[t].Data;
            var c = serverControl[t].Data;
            var g = global[t].Data;
            var w = local[t].Data;
            var n = new float[ci.Length];
            var d = new float[ci.Length];
            for (var j = 0; j < n.Length; j++)
            {
                n[j] = (float)(ci[j] - (double)c[j] + (g[j] - (double)w[j]) * scale);
                d[j] = n[j] - ci[j];
            }
            next[t] = new NamedTensor(global[t].Name, global[t].Shape, n);
            delta[t] = new NamedTensor(global[t].Name, global[t].Shape, d);
        }
        return (new ModelWeights(next), new ModelWeights(delta));
    }

    /// <summary>The server's update <c>c + sum(deltas) / totalParties</c>: divided by ALL parties, not the sampled ones.</summary>
    public static ModelWeights ServerUpdate(ModelWeights serverControl, WeightedSum deltaSum, int totalParties)
    {
        if (totalParties <= 0) throw new ArgumentException($"totalParties must be positive, got {totalParties}");
        var c = serverControl.Flatten();
        return deltaSum.Map((sum, j) => c[j] + sum / totalParties);
    }
}
