using FedSim.Core.Components;
namespace FedSim.Core.Partitioning;

[Component("homo", "IID: every party gets an equal random share of the training set (NIID-Bench homo)")]
internal sealed class Homo : Partitioner<NoOptions>
{
    protected override IPartitioner Create(NoOptions options, IReadOnlyList<int>? groups) => new HomoPartitioner();
}

/// <summary>IID split (NIID-Bench <c>homo</c>): permute all indices, cut into nearly equal shards (the first <c>N mod n</c> one larger).</summary>
internal sealed class HomoPartitioner : IPartitioner
{

    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng)
    {
        var all = Enumerable.Range(0, labels.Count).ToArray();
        Shuffle.InPlace(all, rng);
        return Cut.Even(all, parties);
    }
}
