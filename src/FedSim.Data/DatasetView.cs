using System.Buffers;

namespace FedSim.Data;

/// <summary>Some samples of a dataset, in the given order, as a dataset of their own (no data is copied).</summary>
internal sealed class DatasetView : IDataset
{
    private readonly IDataset _inner;
    private readonly int[] _indices;
    private readonly int[] _labels;
    private readonly int[]? _groups;

    public DatasetView(IDataset inner, int[] indices, string name)
    {
        _inner = inner;
        _indices = indices;
        _labels = indices.Select(i => inner.Labels[i]).ToArray();
        _groups = inner.Groups is { } g ? indices.Select(i => g[i]).ToArray() : null;
        Name = name;
    }

    public string Name { get; }
    public int Count => _indices.Length;
    public int Classes => _inner.Classes;
    public IReadOnlyList<int> SampleShape => _inner.SampleShape;
    public int SampleSize => _inner.SampleSize;
    public IReadOnlyList<int> Labels => _labels;
    public IReadOnlyList<int>? Groups => _groups;

    public void CopyInputs(ReadOnlySpan<int> indices, Span<float> destination)
    {
        var mapped = ArrayPool<int>.Shared.Rent(indices.Length);
        try
        {
            for (var i = 0; i < indices.Length; i++) mapped[i] = _indices[indices[i]];
            _inner.CopyInputs(mapped.AsSpan(0, indices.Length), destination);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(mapped);
        }
    }
}
