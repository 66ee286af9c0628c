using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

[Component("natural", "real-world feature skew: each party gets every sample of its writers / users (the dataset's group ids)")]
internal sealed class Natural : Partitioner<NoOptions>
{
    protected override IPartitioner Create(NoOptions options, IReadOnlyList<int>? groups) =>
        groups is null ? NaturalPartitioner.WithoutGroups() : new NaturalPartitioner(groups);
}

/// <summary>
/// Real-world feature skew: samples carry a group id (writer, user); the distinct ids (in ascending order) are shuffled
/// and split over the parties like <c>array_split</c>, and each party gets every sample of its groups, shuffled.
/// With as many parties as groups each party holds exactly one group.
/// </summary>
internal sealed class NaturalPartitioner : IPartitioner
{
    private const string MissingGroupsMessage = "natural needs a dataset with writer/user ids, e.g. csv with dataset.csv.group_column";

    private readonly IReadOnlyList<int>? _groups;

    /// <param name="groups">The group id of every training sample, in dataset order.</param>
    public NaturalPartitioner(IReadOnlyList<int> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        _groups = groups;
    }

    private NaturalPartitioner() { }

    /// <summary>
    /// A natural partitioner for a dataset without group ids: it has the strategy's name (so a scenario can be checked
    /// before data is loaded) but <see cref="Split"/> fails with a <see cref="ScenarioDataException"/>.
    /// </summary>
    internal static NaturalPartitioner WithoutGroups() => new();


    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng)
    {
        if (_groups is null) throw new ScenarioDataException("partition.strategy", MissingGroupsMessage);
        if (_groups.Count != labels.Count)
            throw new ArgumentException($"{_groups.Count} group ids for {labels.Count} samples; there must be one per sample", nameof(labels));
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);

        var members = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < _groups.Count; i++)
        {
            if (!members.TryGetValue(_groups[i], out var list)) members[_groups[i]] = list = [];
            list.Add(i);
        }
        if (parties > members.Count)
            throw new ScenarioDataException("partition.parties", $"{parties} parties but the dataset has only {members.Count} writers/users; each party needs at least one");

        var ids = members.Keys.ToArray();
        Shuffle.InPlace(ids, rng);
        var shares = Cut.Even(ids, parties);
        var result = new int[parties][];
        for (var j = 0; j < parties; j++)
        {
            result[j] = shares[j].SelectMany(g => members[g]).ToArray();
            Shuffle.InPlace(result[j], rng);
        }
        return result;
    }
}
