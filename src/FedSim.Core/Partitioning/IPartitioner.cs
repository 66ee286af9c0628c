namespace FedSim.Core.Partitioning;

/// <summary>Splits a labelled training set over parties. Pure: labels and a generator in, dataidxs out.</summary>
internal interface IPartitioner
{
    /// <summary>Returns one array of dataset indices ("dataidxs") per party.</summary>
    int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng);
}
