namespace FedSim.Data;

/// <summary>8-bit images with integer labels, kept as bytes and scaled to [0, 1] as batches are read.</summary>
public sealed class ImageDataset : IDataset
{
    private readonly byte[] _pixels;
    private readonly int[] _labels;

    public ImageDataset(string name, byte[] pixels, int[] labels, int[] sampleShape, int classes)
    {
        SampleSize = sampleShape.Aggregate(1, (a, b) => a * b);
        if (pixels.Length != (long)labels.Length * SampleSize)
            throw new ArgumentException($"{name}: {labels.Length} labels need {labels.Length * (long)SampleSize} pixel bytes, got {pixels.Length}");
        for (var i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classes)
                throw new InvalidDataException($"{name}: label {labels[i]} at index {i} is outside 0..{classes - 1}");
        Name = name;
        _pixels = pixels;
        _labels = labels;
        SampleShape = sampleShape;
        Classes = classes;
    }

    public string Name { get; }
    public int Count => _labels.Length;
    public int Classes { get; }
    public IReadOnlyList<int> SampleShape { get; }
    public int SampleSize { get; }
    public IReadOnlyList<int> Labels => _labels;
    public IReadOnlyList<int>? Groups => null;

    public void CopyInputs(ReadOnlySpan<int> indices, Span<float> destination)
    {
        var size = SampleSize;
        if (destination.Length < indices.Length * size)
            throw new ArgumentException("destination too small");
        const float scale = 1f / 255f;
        for (var i = 0; i < indices.Length; i++)
        {
            var src = _pixels.AsSpan(indices[i] * size, size);
            var dst = destination.Slice(i * size, size);
            for (var j = 0; j < size; j++) dst[j] = src[j] * scale;
        }
    }

    /// <summary>A dataset holding only the first <paramref name="count"/> samples (for quick tests and smoke runs).</summary>
    public ImageDataset Take(int count)
    {
        count = Math.Min(count, Count);
        return new ImageDataset(Name, _pixels[..(count * SampleSize)], _labels[..count], SampleShape.ToArray(), Classes);
    }
}
