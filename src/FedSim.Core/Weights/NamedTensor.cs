namespace FedSim.Core.Weights;

/// <summary>One named float32 tensor: name, shape and row-major data. Treat the data as read-only.</summary>
public sealed record NamedTensor
{
    public NamedTensor(string name, long[] shape, float[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        long expected = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"tensor '{name}': negative dimension {d}", nameof(shape));
            expected *= d;
        }
        if (expected != data.Length)
            throw new ArgumentException($"tensor '{name}': shape [{string.Join(",", shape)}] needs {expected} values, got {data.Length}", nameof(data));
        Name = name;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }
    public long[] Shape { get; }

    /// <summary>The values. Shared, never mutated after construction.</summary>
    public float[] Data { get; }

    public int Length => Data.Length;

    public ReadOnlySpan<float> Span => Data;

    public string ShapeText => "[" + string.Join(",", Shape) + "]";
}
