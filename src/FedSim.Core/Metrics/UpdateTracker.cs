using System.Numerics.Tensors;
using FedSim.Core.Weights;

namespace FedSim.Core.Metrics;

/// <summary>
/// Per-party update figures for one round, fed as updates arrive: the L2 norm of <c>w_i - w_global</c> (always), and
/// its cosine similarity to the aggregated update <c>w_new - w_global</c>. The cosine needs the aggregate, which exists
/// only when the round ends, so the updates are kept until then, but only within <paramref name="budgetBytes"/>: past
/// it they are dropped and the round's cosines are NaN, so memory never grows with parties x model size.
/// </summary>
public sealed class UpdateTracker(ModelWeights global, long budgetBytes)
{
    private readonly float[] _global = global.Flatten();
    private readonly Dictionary<int, double> _norms = [];
    private Dictionary<int, float[]>? _updates = [];
    private long _keptBytes;

    /// <summary>True when the budget ran out this round and the cosines were given up.</summary>
    public bool CosinesDropped => _updates is null;

    public void Add(int partyId, ModelWeights weights)
    {
        global.EnsureSameLayout(weights, $"party {partyId} update");
        var bytes = weights.TotalElements * sizeof(float);
        if (_updates is not null && _keptBytes + bytes <= budgetBytes)
        {
            var update = weights.Flatten();
            TensorPrimitives.Subtract(update, _global, update);
            _norms[partyId] = Math.Sqrt(TensorPrimitives.Dot<float>(update, update));
            _updates[partyId] = update;
            _keptBytes += bytes;
            return;
        }
        _updates = null;
        double sumOfSquares = 0;
        var offset = 0;
        foreach (var t in weights.Tensors)
        {
            double d = TensorPrimitives.Distance(t.Span, _global.AsSpan(offset, t.Length));
            sumOfSquares += d * d;
            offset += t.Length;
        }
        _norms[partyId] = Math.Sqrt(sumOfSquares);
    }

    /// <summary>Every added party's figures, by party id, against the round's new global model.</summary>
    public IReadOnlyDictionary<int, PartyUpdateStats> Finish(ModelWeights aggregated)
    {
        var aggregate = aggregated.Flatten();
        TensorPrimitives.Subtract(aggregate, _global, aggregate);
        var aggregateNorm = Math.Sqrt(TensorPrimitives.Dot<float>(aggregate, aggregate));
        return _norms.ToDictionary(p => p.Key, p =>
        {
            var cosine = double.NaN;
            if (_updates?.GetValueOrDefault(p.Key) is { } u)
                cosine = p.Value == 0 || aggregateNorm == 0 ? 0 : TensorPrimitives.Dot<float>(u, aggregate) / (p.Value * aggregateNorm);
            return new PartyUpdateStats(p.Key, p.Value, cosine);
        });
    }
}
