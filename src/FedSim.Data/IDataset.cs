namespace FedSim.Data;

/// <summary>A labelled set held once in memory; parties read it through index views.</summary>
public interface IDataset
{
    string Name { get; }
    int Count { get; }
    int Classes { get; }

    /// <summary>Shape of one input, e.g. [1, 28, 28].</summary>
    IReadOnlyList<int> SampleShape { get; }

    int SampleSize { get; }

    IReadOnlyList<int> Labels { get; }

    /// <summary>
    /// Per-sample group ids (writer, user or feature region) for the natural partition; null when the dataset has none.
    /// Ids are small non-negative numbers shared by a dataset's train and test splits (a split need not hold every id).
    /// Implementations without groups may rely on this default.
    /// </summary>
    IReadOnlyList<int>? Groups => null;

    /// <summary>Writes the inputs of <paramref name="indices"/> (scaled to [0, 1]) into <paramref name="destination"/>, row after row.</summary>
    void CopyInputs(ReadOnlySpan<int> indices, Span<float> destination);
}
