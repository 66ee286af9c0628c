using System.Runtime.CompilerServices;
using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Systems;
using FedSim.Core.Weights;
using FedSim.Protos.Conversion;

namespace FedSim.Coordinator;

/// <summary>What the gRPC service and the round loop share for one run.</summary>
public sealed class CoordinatorState
{
    private readonly ConditionalWeakTable<ModelWeights, EncodedWeights> _encodedDown = [];
    private readonly ConditionalWeakTable<ModelWeights, ModelWeights> _receivedDown = [];
    private readonly DeltaDownlink? _delta;

    /// <summary>The state of one run; <paramref name="scenarioYaml"/> is the resolved scenario as written to the run folder (nodes get it at registration).</summary>
    public CoordinatorState(Scenario scenario, string scenarioYaml, PartitionReport partition, TimeProvider time, Core.Systems.Traces.SystemTraces? traces = null)
    {
        Scenario = scenario;
        ScenarioYaml = scenarioYaml;
        Partition = partition;
        Time = time;
        Uplink = LinkCodec.Of(scenario.Compression.Uplink, "uplink");
        Downlink = LinkCodec.Of(scenario.Compression.Downlink, "downlink");
        _delta = scenario.Compression.DownlinkDelta ? new DeltaDownlink(Downlink, scenario.Seed) : null;
        Devices = DeviceProfiles.Draw(scenario.System, scenario.Partition.Parties, scenario.Seed, traces?.Devices);
        Availability = new Availability(scenario.System, scenario.Partition.Parties, scenario.Seed, traces?.Behaviour);
        var share = (int)Math.Ceiling(scenario.Partition.Parties / (double)Math.Max(1, scenario.Deployment.PartyProcesses));
        NodeTimeout = TimeSpan.FromSeconds(scenario.Federation.NodeTimeoutSeconds);
        Registry = new NodeRegistry(scenario.Partition.Parties, share, time);
        Registry.NodeGone += (node, reason) => Board.FailNode(node.Id, $"node {node.Name} gone: {reason}");
    }

    public Scenario Scenario { get; }

    /// <summary>Random per run: tells a node whether what it loaded belongs to this run.</summary>
    public string RunId { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    public string ScenarioYaml { get; }
    public PartitionReport Partition { get; }
    public TimeProvider Time { get; }
    public NodeRegistry Registry { get; }
    public TaskBoard Board { get; } = new();

    /// <summary>Each party's simulated device and network, drawn from the scenario's <c>system</c> section.</summary>
    public IReadOnlyList<DeviceProfile> Devices { get; }

    /// <summary>A task's simulated seconds on its party's device, from the bytes it really sent and received (see <see cref="DeviceProfile"/>).</summary>
    internal double SimSeconds(TrainingTask task, Core.Algorithms.PartyResult result) =>
        Devices[task.PartyId].Seconds(task.BytesDown, task.BytesUp, result.NumExamples, Scenario.Training.LocalEpochs);

    /// <summary>Who is online when a round starts.</summary>
    public Availability Availability { get; }
    public int HeartbeatIntervalMs { get; init; } = 2000;

    /// <summary>Who may register (null: any node that reaches the port).</summary>
    public NodeTokens? Tokens { get; init; }

    /// <summary>How parties encode what they send, and the only encoding accepted from them.</summary>
    public LinkCodec Uplink { get; }

    /// <summary>How the coordinator encodes what it sends.</summary>
    public LinkCodec Downlink { get; }

    /// <summary>A node silent for longer than this is marked gone (its in-flight tasks fail; it may register again).</summary>
    public TimeSpan NodeTimeout { get; init; }

    /// <summary>
    /// Memory the round may spend keeping party updates for their cosine to the aggregate; past it the round's cosines
    /// are not computed (norms always are). The aggregate itself never needs more than one model.
    /// </summary>
    public long UpdateMemoryBudgetBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Called as each task's result or failure arrives.</summary>
    public event Action<TrainingTask>? TaskFinished;

    internal void RaiseTaskFinished(TrainingTask task) => TaskFinished?.Invoke(task);

    /// <summary>
    /// A weight set encoded for the downlink once, however many parties fetch it (the round's model, a shared payload);
    /// stochastic rounding draws from the coordinator's seeded stream for the round.
    /// </summary>
    internal EncodedWeights EncodeDown(ModelWeights weights, int round) =>
        _encodedDown.GetValue(weights, w => Downlink.Encode(w, Seeds.Stream(Scenario.Seed, Seeds.Purpose.Codec, round, -1)));

    /// <summary>What a party holds after fetching <paramref name="weights"/> whole: the weights themselves, or what a lossy downlink delivers.</summary>
    private ModelWeights ReceivedDown(ModelWeights weights, int round) =>
        Downlink.Codec.Lossless ? weights : _receivedDown.GetValue(weights, w => EncodeDown(w, round).Decode(Downlink.Codec));

    /// <summary>
    /// The global model as <paramref name="task"/>'s node receives it: whole, or with <c>compression.downlink_delta</c>
    /// relative to the newest earlier model among those the node says it holds (<paramref name="held"/>).
    /// </summary>
    internal DownlinkModel ModelDown(TrainingTask task, IReadOnlyCollection<long> held)
    {
        DownlinkModel Whole() => new(task.ModelRound, 0, EncodeDown(task.Global, task.ModelRound), ReceivedDown(task.Global, task.ModelRound));
        return _delta?.For(task.NodeId, held, task.Global, task.ModelRound, Whole) ?? Whole();
    }
}
