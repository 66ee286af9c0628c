using FedSim.Core.Randomness;
using FedSim.Core.Weights;
using FedSim.Protos.Conversion;

namespace FedSim.Coordinator;

/// <summary>
/// <c>compression.downlink_delta</c>: the global model sent as its difference to the newest model from an earlier
/// round that the node still holds. The coordinator mirrors what each node reconstructed (bit for bit: the same
/// decode and the same float additions), so it knows what every party trained from. One encoding per round and base,
/// however many parties fetch it; its stochastic rounding draws from a stream of the round and the base.
/// </summary>
internal sealed class DeltaDownlink(LinkCodec codec, int seed)
{
    /// <summary>Models a node keeps (<see cref="HeldModels.DefaultCapacity"/>), plus one: the mirror never forgets one the node still has.</summary>
    private const int MirroredRounds = HeldModels.DefaultCapacity + 1;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(int Round, DownlinkModel Model)>> _nodes = [];
    private readonly Dictionary<long, DownlinkModel> _deltas = [];
    private int _deltaRound = -1;

    /// <summary>
    /// What <paramref name="nodeId"/> gets for <paramref name="round"/>'s model, given the ids it says it holds: a delta
    /// against the newest of them from an earlier round that this mirror knows, or <paramref name="whole"/>.
    /// </summary>
    public DownlinkModel For(string nodeId, IReadOnlyCollection<long> held, ModelWeights global, int round, Func<DownlinkModel> whole)
    {
        lock (_gate)
        {
            var mirror = _nodes.TryGetValue(nodeId, out var m) ? m : _nodes[nodeId] = [];
            var basis = mirror.Where(h => h.Round < round && held.Contains(h.Model.Id)).OrderByDescending(h => h.Round).Select(h => h.Model).FirstOrDefault();
            var model = basis is null ? whole() : Delta(global, round, basis);
            if (!mirror.Exists(h => h.Model.Id == model.Id)) mirror.Add((round, model));
            var rounds = mirror.Select(h => h.Round).Distinct().OrderDescending().Take(MirroredRounds).ToHashSet();
            mirror.RemoveAll(h => !rounds.Contains(h.Round));
            return model;
        }
    }

    private DownlinkModel Delta(ModelWeights global, int round, DownlinkModel basis)
    {
        if (round != _deltaRound)
        {
            _deltas.Clear();
            _deltaRound = round;
        }
        if (_deltas.TryGetValue(basis.Id, out var cached)) return cached;
        var encoded = codec.Encode(global, TensorGroup.Model, Seeds.Stream(seed, Seeds.Purpose.Codec, round, -2, basis.Id), basis.Received, null);
        var model = new DownlinkModel(HeldModels.DeltaId(round, basis.Id), basis.Id, encoded, basis.Received.Add(encoded.Decode(codec.Codec)));
        _deltas[basis.Id] = model;
        return model;
    }
}
