namespace FedSim.Core.Partitioning;

/// <summary>IID split (NIID-Bench <c>homo</c>): permute all indices, cut into nearly equal shards (the first <c>N mod n</c> one larger).</summary>
public sealed class HomoPartitioner : IPartitioner
{
    public string Name => "homo";

    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng)
    {
        var all = Enumerable.Range(0, labels.Count).ToArray();
        Shuffle.InPlace(all, rng);
        return Cut.Even(all, parties);
    }
}
