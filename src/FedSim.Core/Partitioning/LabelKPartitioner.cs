using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>The <c>label-k</c> partitioner's options.</summary>
public sealed record LabelKOptions
{
    [Option("classes each party holds (#C=k)", Min = 1)]
    public int ClassesPerParty { get; init; } = 2;
}

[Component("label-k", "quantity-based label skew #C=k: each party holds k classes (NIID-Bench noniid-#label{k})")]
internal sealed class LabelK : Partitioner<LabelKOptions>
{
    protected override IPartitioner Create(LabelKOptions options, IReadOnlyList<int>? groups) => new LabelKPartitioner(options.ClassesPerParty);
}

/// <summary>
/// Quantity-based label skew (NIID-Bench <c>noniid-#label{k}</c>, "#C=k"): party i owns class <c>i mod K</c> plus
/// <c>k - 1</c> other distinct classes drawn at random (uniform draws, duplicates redrawn, as NIID-Bench); then, class by
/// class in class order, the class's indices are shuffled and split like <c>array_split</c> among its owners in party
/// order. A class nobody owns is dropped: its indices go to no party. With <c>k == K</c> every party owns every class.
/// Each party's list is shuffled at the end.
/// </summary>
internal sealed class LabelKPartitioner : IPartitioner
{
    public LabelKPartitioner(int classesPerParty)
    {
        if (classesPerParty < 1)
            throw new ScenarioDataException("partition.label-k.classes_per_party", $"{classesPerParty} classes per party; it must be at least 1");
        ClassesPerParty = classesPerParty;
    }

    public int ClassesPerParty { get; }


    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng)
    {
        var owned = ChooseClasses(classes, parties, rng);
        var byClass = DirichletPartitioner.IndicesByClass(labels, classes);
        var batches = Enumerable.Range(0, parties).Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < classes; k++)
        {
            var owners = Enumerable.Range(0, parties).Where(j => owned[j].Contains(k)).ToArray();
            if (owners.Length == 0) continue; // nobody owns class k: dropped
            var idx = byClass[k].ToArray();
            Shuffle.InPlace(idx, rng);
            var pieces = Cut.Even(idx, owners.Length);
            for (var o = 0; o < owners.Length; o++) batches[owners[o]].AddRange(pieces[o]);
        }
        var result = new int[parties][];
        for (var j = 0; j < parties; j++)
        {
            result[j] = batches[j].ToArray();
            Shuffle.InPlace(result[j], rng);
        }
        return result;
    }

    /// <summary>The classes each party owns: <c>i mod K</c> first, then the random ones in the order drawn.</summary>
    public IReadOnlyList<int>[] ChooseClasses(int classes, int parties, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (ClassesPerParty > classes)
            throw new ScenarioDataException("partition.label-k.classes_per_party", $"{ClassesPerParty} classes per party but the dataset has only {classes} classes");
        var owned = new IReadOnlyList<int>[parties];
        for (var i = 0; i < parties; i++)
        {
            if (ClassesPerParty == classes)
            {
                owned[i] = Enumerable.Range(0, classes).ToArray();
                continue;
            }
            var current = new List<int>(ClassesPerParty) { i % classes };
            while (current.Count < ClassesPerParty)
            {
                var c = rng.Next(classes);
                if (!current.Contains(c)) current.Add(c);
            }
            owned[i] = current;
        }
        return owned;
    }
}
