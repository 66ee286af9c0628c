using System.Numerics.Tensors;
using FedSim.Core.Weights;

namespace FedSim.Core.Metrics;

/// <summary>
/// Per-party update figures for one round, fed as updates arrive: the L2 norm of <c>w_i - w_global</c> (always), and
/// its cosine similarity to the aggregated update <c>w_new - w_global</c>. The cosine needs the aggregate, which exists
/// only when the round ends, so the updates are kept until then, but only within <paramref name="budgetBytes"/>: past
/// it they are dropped and the round's cosines are NaN, so memory never grows with parties x model size.
/// An update is kept as the party's weights themselves (immutable, so no copy is made); <c>w_i - w_global</c> is
/// formed again in one reused buffer when it is needed. An update against another model (async mode: the version the
/// party started from) is kept as the difference itself, and compared with the server step's change.
/// </summary>
public sealed class UpdateTracker(ModelWeights global, long budgetBytes)
{
    private readonly float[] _global = global.Flatten();
    private float[]? _scratch;
    private readonly Dictionary<int, double> _norms = [];
    private Dictionary<int, (ModelWeights Values, bool IsUpdate)>? _kept = [];
    private long _keptBytes;

    /// <summary>True when the budget ran out this round and the cosines were given up.</summary>
    public bool CosinesDropped => _kept is null;

    /// <summary>
    /// Records the update's norm (read straight from the weights: no buffer is written, as this runs inside the party's
    /// upload) and keeps the weights for the cosine while the budget allows.
    /// </summary>
    public void Add(int partyId, ModelWeights weights)
    {
        global.EnsureSameLayout(weights, $"party {partyId} update");
        double sumOfSquares = 0;
        var offset = 0;
        foreach (var t in weights.Tensors)
        {
            double d = TensorPrimitives.Distance(t.Span, _global.AsSpan(offset, t.Length));
            sumOfSquares += d * d;
            offset += t.Length;
        }
        Keep(partyId, Math.Sqrt(sumOfSquares), weights, isUpdate: false);
    }

    /// <summary>
    /// Records an update computed against <paramref name="reference"/> instead of the round's model (async mode: the
    /// version the party started from); its cosine is to <c>w_new - w_global</c> all the same. A party added twice
    /// keeps its last figures.
    /// </summary>
    public void Add(int partyId, ModelWeights weights, ModelWeights reference)
    {
        if (ReferenceEquals(reference, global))
        {
            Add(partyId, weights);
            return;
        }
        var update = weights.Subtract(reference);
        global.EnsureSameLayout(update, $"party {partyId} update");
        Keep(partyId, Math.Sqrt(update.Tensors.Sum(t => (double)TensorPrimitives.Dot(t.Span, t.Span))), update, isUpdate: true);
    }

    private void Keep(int partyId, double norm, ModelWeights values, bool isUpdate)
    {
        _norms[partyId] = norm;
        var bytes = values.TotalElements * sizeof(float);
        if (_kept is not null && _keptBytes + bytes <= budgetBytes)
        {
            _kept[partyId] = (values, isUpdate);
            _keptBytes += bytes;
        }
        else _kept = null;
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
            if (_kept is not null && _kept.TryGetValue(p.Key, out var w))
                cosine = p.Value == 0 || aggregateNorm == 0 ? 0 : TensorPrimitives.Dot<float>(UpdateOf(w.Values, w.IsUpdate), aggregate) / (p.Value * aggregateNorm);
            return new PartyUpdateStats(p.Key, p.Value, cosine);
        });
    }

    /// <summary>The update, flat, in the shared buffer (valid until the next call; used when the round ends).</summary>
    private float[] UpdateOf(ModelWeights values, bool isUpdate)
    {
        var update = _scratch ??= new float[_global.Length];
        var offset = 0;
        foreach (var t in values.Tensors)
        {
            if (isUpdate) t.Span.CopyTo(update.AsSpan(offset, t.Length));
            else TensorPrimitives.Subtract(t.Span, _global.AsSpan(offset, t.Length), update.AsSpan(offset, t.Length));
            offset += t.Length;
        }
        return update;
    }
}
