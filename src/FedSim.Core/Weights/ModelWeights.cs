namespace FedSim.Core.Weights;

/// <summary>
/// An immutable, ordered set of named float tensors: a model's whole state (parameters and buffers),
/// or an algorithm payload with the same layout (a control variate, an update).
/// </summary>
public sealed class ModelWeights
{
    private readonly NamedTensor[] _tensors;

    public ModelWeights(IEnumerable<NamedTensor> tensors)
    {
        _tensors = tensors.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in _tensors)
            if (!seen.Add(t.Name)) throw new ArgumentException($"duplicate tensor name '{t.Name}'");
    }

    /// <summary>A set with no tensors.</summary>
    public static ModelWeights Empty { get; } = new([]);

    /// <summary>No algorithm payloads.</summary>
    public static IReadOnlyDictionary<string, ModelWeights> NoPayloads { get; } = new Dictionary<string, ModelWeights>();

    public IReadOnlyList<NamedTensor> Tensors => _tensors;

    public int Count => _tensors.Length;

    public long TotalElements => _tensors.Sum(t => (long)t.Length);

    public NamedTensor this[int index] => _tensors[index];

    /// <summary>Throws unless <paramref name="other"/> has the same names and shapes in the same order.</summary>
    public void EnsureSameLayout(ModelWeights other, string what)
    {
        if (other.Count != Count)
            throw new InvalidDataException($"{what}: expected {Count} tensors, got {other.Count}");
        for (var i = 0; i < Count; i++)
        {
            var a = _tensors[i];
            var b = other._tensors[i];
            if (a.Name != b.Name || !a.Shape.AsSpan().SequenceEqual(b.Shape))
                throw new InvalidDataException(
                    $"{what}: tensor {i} is '{b.Name}' {b.ShapeText}, expected '{a.Name}' {a.ShapeText}");
        }
    }

    /// <summary>The name of the first tensor holding a NaN or an infinity, or null when every value is finite.</summary>
    public string? FirstNonFinite()
    {
        foreach (var t in _tensors)
            if (!System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<float>(t.Span)) return t.Name;
        return null;
    }

    /// <summary>A new set with the same names and shapes and zero values.</summary>
    public ModelWeights ZerosLike() =>
        new(_tensors.Select(t => new NamedTensor(t.Name, t.Shape, new float[t.Length])));

    /// <summary>Every element in one array, tensor after tensor.</summary>
    public float[] Flatten()
    {
        var flat = new float[TotalElements];
        var offset = 0;
        foreach (var t in _tensors)
        {
            t.Span.CopyTo(flat.AsSpan(offset));
            offset += t.Length;
        }
        return flat;
    }

    /// <summary>Element-wise <c>this - other</c>.</summary>
    public ModelWeights Subtract(ModelWeights other) => Combine(other, "subtract", System.Numerics.Tensors.TensorPrimitives.Subtract);

    /// <summary>Element-wise <c>this + other</c>.</summary>
    public ModelWeights Add(ModelWeights other) => Combine(other, "add", System.Numerics.Tensors.TensorPrimitives.Add);

    private delegate void ElementWise(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);

    private ModelWeights Combine(ModelWeights other, string what, ElementWise op)
    {
        EnsureSameLayout(other, what);
        return new ModelWeights(_tensors.Select((t, i) =>
        {
            var result = new float[t.Length];
            op(t.Span, other._tensors[i].Span, result);
            return new NamedTensor(t.Name, t.Shape, result);
        }));
    }
}
