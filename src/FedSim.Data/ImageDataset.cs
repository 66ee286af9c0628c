namespace FedSim.Data;

/// <summary>8-bit images with integer labels, kept as bytes and scaled to [0, 1] as batches are read.</summary>
internal sealed class ImageDataset : LabelledDataset
{
    private readonly byte[] _pixels;

    public ImageDataset(string name, byte[] pixels, int[] labels, int[] sampleShape, int classes)
        : base(name, labels, classes, sampleShape, groups: null)
    {
        if (pixels.Length != (long)labels.Length * SampleSize)
            throw new ArgumentException($"{name}: {labels.Length} labels need {labels.Length * (long)SampleSize} pixel bytes, got {pixels.Length}");
        _pixels = pixels;
    }

    protected override void CopySample(int index, Span<float> destination)
    {
        const float scale = 1f / 255f;
        var src = _pixels.AsSpan(index * SampleSize, SampleSize);
        for (var j = 0; j < src.Length; j++) destination[j] = src[j] * scale;
    }

    /// <summary>A dataset holding only the first <paramref name="count"/> samples (for quick tests and smoke runs).</summary>
    public ImageDataset Take(int count)
    {
        count = Math.Min(count, Count);
        return new ImageDataset(Name, _pixels[..(count * SampleSize)], LabelArray[..count], SampleShape.ToArray(), Classes);
    }
}
