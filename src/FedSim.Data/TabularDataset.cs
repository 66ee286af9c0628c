namespace FedSim.Data;

/// <summary>
/// Rows of float features with integer labels and optional group ids; inputs are copied as stored (no scaling).
/// </summary>
internal sealed class TabularDataset : LabelledDataset
{
    private readonly float[] _features;

    public TabularDataset(string name, float[] features, int featureCount, int[] labels, int classes, int[]? groups = null)
        : base(name, labels, classes, [featureCount < 1 ? throw new ArgumentException($"{name}: a sample needs at least one feature, got {featureCount}") : featureCount], groups)
    {
        if (features.Length != (long)labels.Length * featureCount)
            throw new ArgumentException(
                $"{name}: {labels.Length} labels need {labels.Length * (long)featureCount} feature values, got {features.Length}");
        _features = features;
    }

    protected override void CopySample(int index, Span<float> destination) =>
        _features.AsSpan(index * SampleSize, SampleSize).CopyTo(destination);

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a new dataset named <paramref name="name"/>.</summary>
    public TabularDataset Select(string name, IReadOnlyList<int> indices)
    {
        var size = SampleSize;
        var features = new float[indices.Count * size];
        var labels = new int[indices.Count];
        var groups = GroupArray is null ? null : new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var k = indices[i];
            _features.AsSpan(k * size, size).CopyTo(features.AsSpan(i * size, size));
            labels[i] = LabelArray[k];
            if (groups is not null) groups[i] = GroupArray![k];
        }
        return new TabularDataset(name, features, size, labels, Classes, groups);
    }
}
