using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary><c>sum_i (w_i / sum_j w_j) * x_i</c> over whole weight sets, accumulated in double precision.</summary>
public static class WeightedAverage
{
    /// <summary>The data-size weighted average of the results' models (FedAvg's rule), after checking their layout.</summary>
    public static ModelWeights BySize(ModelWeights global, IReadOnlyList<PartyResult> results)
    {
        foreach (var r in results) global.EnsureSameLayout(r.Weights, $"party {r.PartyId} update");
        return Of(results.Select(r => (r.Weights, (double)r.NumExamples)).ToList());
    }

    public static ModelWeights Of(IReadOnlyList<(ModelWeights Weights, double Weight)> items)
    {
        if (items.Count == 0) throw new ArgumentException("nothing to average");
        var first = items[0].Weights;
        var total = items.Sum(i => i.Weight);
        if (!(total > 0)) throw new ArgumentException($"weights must sum to a positive number, got {total}");
        if (first.Count == 0) return first;
        var tensors = new NamedTensor[first.Count];
        var acc = new double[first.Tensors.Max(t => t.Length)];
        for (var t = 0; t < first.Count; t++)
        {
            var len = first[t].Length;
            Array.Clear(acc, 0, len);
            foreach (var (w, weight) in items)
            {
                var src = w[t].Data;
                var scale = weight / total;
                for (var j = 0; j < len; j++) acc[j] += scale * src[j];
            }
            var data = new float[len];
            for (var j = 0; j < len; j++) data[j] = (float)acc[j];
            tensors[t] = new NamedTensor(first[t].Name, first[t].Shape, data);
        }
        return new ModelWeights(tensors);
    }
}
