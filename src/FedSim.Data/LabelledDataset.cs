namespace FedSim.Data;

/// <summary>What every in-memory dataset shares: name, labels, classes, sample shape, optional groups, and batch copying.</summary>
internal abstract class LabelledDataset : IDataset
{
    private readonly int[] _labels;
    private readonly int[]? _groups;

    protected LabelledDataset(string name, int[] labels, int classes, int[] sampleShape, int[]? groups)
    {
        if (classes < 1) throw new ArgumentException($"{name}: need at least one class, got {classes}");
        for (var i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classes)
                throw new InvalidDataException($"{name}: label {labels[i]} at index {i} is outside 0..{classes - 1}");
        if (groups is not null)
        {
            if (groups.Length != labels.Length)
                throw new ArgumentException($"{name}: {labels.Length} labels but {groups.Length} group ids");
            for (var i = 0; i < groups.Length; i++)
                if (groups[i] < 0) throw new ArgumentException($"{name}: negative group id {groups[i]} at index {i}");
        }
        Name = name;
        _labels = labels;
        _groups = groups;
        Classes = classes;
        SampleShape = sampleShape;
        SampleSize = sampleShape.Aggregate(1, (a, b) => a * b);
    }

    public string Name { get; }
    public int Count => _labels.Length;
    public int Classes { get; }
    public IReadOnlyList<int> SampleShape { get; }
    public int SampleSize { get; }
    public IReadOnlyList<int> Labels => _labels;
    public IReadOnlyList<int>? Groups => _groups;

    protected int[] LabelArray => _labels;
    protected int[]? GroupArray => _groups;

    public void CopyInputs(ReadOnlySpan<int> indices, Span<float> destination)
    {
        var size = SampleSize;
        if (destination.Length < indices.Length * size)
            throw new ArgumentException("destination too small");
        for (var i = 0; i < indices.Length; i++) CopySample(indices[i], destination.Slice(i * size, size));
    }

    /// <summary>Writes sample <paramref name="index"/>'s <see cref="SampleSize"/> input values.</summary>
    protected abstract void CopySample(int index, Span<float> destination);
}
