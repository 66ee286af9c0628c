using System.Numerics;

namespace FedSim.Core.Weights;

/// <summary>
/// A streaming weighted sum <c>sum_i a_i * x_i</c> over weight sets of one layout: each set is folded in as it arrives
/// and can be dropped, so memory is one model (in double precision, twice) however many sets are added.
/// Each element is kept as an unevaluated pair of doubles (the running sum and the exact rounding errors of every
/// addition, Knuth's TwoSum), so the result does not depend on the order of the additions: rounding the pair to a
/// float gives the same bits for any arrival order (products <c>a_i * x_i</c> with integer <c>a_i</c> below 2^29 are
/// exact in double, so the FedAvg sum is exact up to the final rounding).
/// Made with <see cref="SumBuffers"/>, it takes its two arrays from there and gives them back on <see cref="Dispose"/>;
/// a disposed sum can no longer be used.
/// </summary>
public sealed class WeightedSum : IDisposable
{
    private readonly ModelWeights _layout;
    private readonly SumBuffers? _buffers;
    private double[]? _hi;
    private double[]? _lo;
    private double _weightHi;
    private double _weightLo;

    public WeightedSum(ModelWeights layout, SumBuffers? buffers = null)
    {
        _layout = layout;
        _buffers = buffers;
        var n = checked((int)layout.TotalElements);
        _hi = buffers?.Take(n) ?? new double[n];
        _lo = buffers?.Take(n) ?? new double[n];
    }

    private double[] Hi => _hi ?? throw new ObjectDisposedException(nameof(WeightedSum));

    private double[] Lo => _lo ?? throw new ObjectDisposedException(nameof(WeightedSum));

    /// <summary>How many sets were added.</summary>
    public int Count { get; private set; }

    /// <summary>The sum of the coefficients <c>sum_i a_i</c> (order-independent, as the element sums are).</summary>
    public double TotalWeight => _weightHi + _weightLo;

    /// <summary>Folds in <c>weight * x</c>; throws <see cref="InvalidDataException"/> (and adds nothing) when the layout differs.</summary>
    public void Add(ModelWeights x, double weight, string what)
    {
        var (hi, lo) = (Hi, Lo);
        _layout.EnsureSameLayout(x, what);
        if (!double.IsFinite(weight)) throw new InvalidDataException($"{what}: weight {weight} is not finite");
        var offset = 0;
        foreach (var t in x.Tensors)
        {
            Fold(t.Span, weight, hi.AsSpan(offset, t.Length), lo.AsSpan(offset, t.Length));
            offset += t.Length;
        }
        TwoSum(ref _weightHi, ref _weightLo, weight);
        Count++;
    }

    /// <summary>The sum scaled by <paramref name="scale"/>, rounded once to float per element.</summary>
    public ModelWeights Scaled(double scale) => Map((sum, _) => sum * scale);

    /// <summary>The weighted mean <c>sum_i a_i x_i / sum_i a_i</c>.</summary>
    public ModelWeights Mean()
    {
        var total = TotalWeight;
        if (Count == 0) throw new InvalidOperationException("nothing to average");
        if (!(total > 0)) throw new ArgumentException($"weights must sum to a positive number, got {total}");
        return Map((sum, _) => sum / total);
    }

    /// <summary>A new weight set from each element's exact-ish sum and its flat index (for rules that mix in other sets).</summary>
    public ModelWeights Map(Func<double, int, double> f)
    {
        var (hi, lo) = (Hi, Lo);
        var tensors = new NamedTensor[_layout.Count];
        var offset = 0;
        for (var t = 0; t < _layout.Count; t++)
        {
            var src = _layout[t];
            var data = new float[src.Length];
            for (var j = 0; j < data.Length; j++) data[j] = (float)f(hi[offset + j] + lo[offset + j], offset + j);
            tensors[t] = new NamedTensor(src.Name, src.Shape, data);
            offset += src.Length;
        }
        return new ModelWeights(tensors);
    }

    /// <summary>Gives the arrays back to the <see cref="SumBuffers"/> the sum was made with (if any); the sum is then spent.</summary>
    public void Dispose()
    {
        if (_hi is not null) _buffers?.Give(_hi);
        if (_lo is not null) _buffers?.Give(_lo);
        (_hi, _lo) = (null, null);
    }

    private static void Fold(ReadOnlySpan<float> x, double weight, Span<double> hi, Span<double> lo)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var w = new Vector<double>(weight);
            var step = Vector<float>.Count;
            var half = Vector<double>.Count;
            for (; j <= x.Length - step; j += step)
            {
                Vector.Widen(new Vector<float>(x.Slice(j, step)), out var a, out var b);
                FoldVector(a * w, hi.Slice(j, half), lo.Slice(j, half));
                FoldVector(b * w, hi.Slice(j + half, half), lo.Slice(j + half, half));
            }
        }
        for (; j < x.Length; j++) TwoSum(ref hi[j], ref lo[j], weight * x[j]);
    }

    private static void FoldVector(Vector<double> p, Span<double> hi, Span<double> lo)
    {
        var s = new Vector<double>(hi);
        var sum = s + p;
        var bp = sum - s;
        var err = (s - (sum - bp)) + (p - bp);
        sum.CopyTo(hi);
        (new Vector<double>(lo) + err).CopyTo(lo);
    }

    private static void TwoSum(ref double hi, ref double lo, double p)
    {
        var sum = hi + p;
        var bp = sum - hi;
        lo += (hi - (sum - bp)) + (p - bp);
        hi = sum;
    }
}
