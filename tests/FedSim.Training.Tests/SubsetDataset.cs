using FedSim.Data;

namespace FedSim.Training.Tests;

/// <summary>An index view over a dataset, for evaluating on a party's own samples.</summary>
internal sealed class SubsetDataset(IDataset inner, int[] indices) : IDataset
{
    private readonly int[] _labels = indices.Select(i => inner.Labels[i]).ToArray();

    public string Name => inner.Name + "[subset]";
    public int Count => indices.Length;
    public int Classes => inner.Classes;
    public IReadOnlyList<int> SampleShape => inner.SampleShape;
    public int SampleSize => inner.SampleSize;
    public IReadOnlyList<int> Labels => _labels;

    public void CopyInputs(ReadOnlySpan<int> which, Span<float> destination)
    {
        var mapped = new int[which.Length];
        for (var i = 0; i < which.Length; i++) mapped[i] = indices[which[i]];
        inner.CopyInputs(mapped, destination);
    }
}
