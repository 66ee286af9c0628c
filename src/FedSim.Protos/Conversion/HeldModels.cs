using FedSim.Core.Weights;

namespace FedSim.Protos.Conversion;

/// <summary>
/// The global models a party node keeps from earlier tasks (<c>compression.downlink_delta</c>), by the id each task
/// header gave, the newest <see cref="Capacity"/> kept. A model sent whole has its round as id; one sent as a delta
/// has <see cref="DeltaId"/>, since what the node reconstructs depends on the base it was added to.
/// </summary>
public sealed class HeldModels(int capacity = HeldModels.DefaultCapacity)
{
    public const int DefaultCapacity = 3;

    private readonly Lock _gate = new();
    private readonly List<(long Id, ModelWeights Weights)> _models = [];

    public int Capacity { get; } = capacity >= 2 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a node keeps at least 2 models");

    /// <summary>The ids held, oldest first.</summary>
    public long[] Ids
    {
        get
        {
            lock (_gate) return [.. _models.Select(m => m.Id)];
        }
    }

    public ModelWeights? Find(long id)
    {
        lock (_gate) return _models.Find(m => m.Id == id).Weights;
    }

    /// <summary>Keeps a received model (once per id), forgetting the oldest past <see cref="Capacity"/>.</summary>
    public void Keep(long id, ModelWeights weights)
    {
        lock (_gate)
        {
            if (_models.Exists(m => m.Id == id)) return;
            _models.Add((id, weights));
            if (_models.Count > Capacity) _models.RemoveAt(0);
        }
    }

    /// <summary>The id of round <paramref name="round"/>'s model reconstructed on the held model <paramref name="baseId"/>: in [2^62, 2^63), never a round.</summary>
    public static long DeltaId(int round, long baseId) =>
        (1L << 62) | ((long)Core.Randomness.Seeds.Derive(0, round, baseId) << 31) | (long)Core.Randomness.Seeds.Derive(1, round, baseId);
}
