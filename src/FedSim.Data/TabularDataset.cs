namespace FedSim.Data;

/// <summary>
/// Rows of float features with integer labels and optional group ids; inputs are copied as stored (no scaling).
/// </summary>
public sealed class TabularDataset : IDataset
{
    private readonly float[] _features;
    private readonly int[] _labels;
    private readonly int[]? _groups;

    public TabularDataset(string name, float[] features, int featureCount, int[] labels, int classes, int[]? groups = null)
    {
        if (featureCount < 1) throw new ArgumentException($"{name}: a sample needs at least one feature, got {featureCount}");
        if (classes < 1) throw new ArgumentException($"{name}: need at least one class, got {classes}");
        if (features.Length != (long)labels.Length * featureCount)
            throw new ArgumentException(
                $"{name}: {labels.Length} labels need {labels.Length * (long)featureCount} feature values, got {features.Length}");
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
        _features = features;
        _labels = labels;
        _groups = groups;
        SampleShape = [featureCount];
        SampleSize = featureCount;
        Classes = classes;
    }

    public string Name { get; }
    public int Count => _labels.Length;
    public int Classes { get; }
    public IReadOnlyList<int> SampleShape { get; }
    public int SampleSize { get; }
    public IReadOnlyList<int> Labels => _labels;
    public IReadOnlyList<int>? Groups => _groups;

    public void CopyInputs(ReadOnlySpan<int> indices, Span<float> destination)
    {
        var size = SampleSize;
        if (destination.Length < indices.Length * size)
            throw new ArgumentException("destination too small");
        for (var i = 0; i < indices.Length; i++)
            _features.AsSpan(indices[i] * size, size).CopyTo(destination.Slice(i * size, size));
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a new dataset named <paramref name="name"/>.</summary>
    public TabularDataset Select(string name, IReadOnlyList<int> indices)
    {
        var size = SampleSize;
        var features = new float[indices.Count * size];
        var labels = new int[indices.Count];
        var groups = _groups is null ? null : new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var k = indices[i];
            _features.AsSpan(k * size, size).CopyTo(features.AsSpan(i * size, size));
            labels[i] = _labels[k];
            if (groups is not null) groups[i] = _groups![k];
        }
        return new TabularDataset(name, features, size, labels, Classes, groups);
    }
}
