namespace FedSim.Core.Weights;

/// <summary>One named float32 tensor: name, shape and row-major data. Treat the data as read-only.</summary>
public sealed record NamedTensor
{
    public NamedTensor(string name, long[] shape, float[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        long? expected;
        try
        {
            expected = ShapeMath.ElementCount(shape, data.Length);
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException($"tensor '{name}': {e.Message}", nameof(shape));
        }
        if (expected != data.Length)
            throw new ArgumentException($"tensor '{name}': shape [{string.Join(",", shape)}] does not hold {data.Length} values", nameof(data));
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
