using FedSim.Core.Algorithms;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>
/// One party's work in one round, from announcement to result or failure, with its traffic and timings counted.
/// A result is folded into the round's aggregate the moment it completes the task; the task keeps only its metadata.
/// </summary>
public sealed class TrainingTask(
    string id, int round, int partyId, string nodeId, ModelWeights global, PartyInstructions instructions, long deadlineUnixMs,
    ITaskSink sink, TimeProvider time)
{
    private readonly TaskCompletionSource<TaskOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _created = time.GetTimestamp();
    private long _bytesDown;
    private long _bytesUp;
    private long _savedDown;
    private long _savedUp;

    public string Id { get; } = id;
    public int Round { get; } = round;
    public int PartyId { get; } = partyId;
    public string NodeId { get; } = nodeId;
    public ModelWeights Global { get; } = global;
    public PartyInstructions Instructions { get; } = instructions;
    public long DeadlineUnixMs { get; } = deadlineUnixMs;
    public Task<TaskOutcome> Outcome => _outcome.Task;
    public bool IsDone => _outcome.Task.IsCompleted;
    public long BytesDown => Interlocked.Read(ref _bytesDown);
    public long BytesUp => Interlocked.Read(ref _bytesUp);

    /// <summary>What the task's messages would have cost with float32 tensors (the wire bytes plus what the codecs saved).</summary>
    public long Fp32BytesDown => BytesDown + Interlocked.Read(ref _savedDown);
    public long Fp32BytesUp => BytesUp + Interlocked.Read(ref _savedUp);

    /// <summary>The party's simulated seconds for the task (NaN without a result): see <see cref="Core.Systems.DeviceProfile"/>.</summary>
    public double SimSeconds { get; internal set; } = double.NaN;

    /// <summary>
    /// The round (or async server version + 1) the global model belongs to: its one downlink encoding draws from that
    /// round's stream, however many tasks fetch it. The task's own <see cref="Round"/> by default.
    /// </summary>
    public int ModelRound { get; init; } = round;

    /// <summary>
    /// The global model as the party received it (what a lossy downlink delivered; null until the task is fetched): a
    /// lossy uplink's update is relative to it.
    /// </summary>
    public ModelWeights? Received { get; internal set; }

    /// <summary>The party drops out of the round (<c>system.dropout</c>): it is never announced.</summary>
    public bool Dropped { get; init; }

    /// <summary>Seconds from the announcement to the result or failure (NaN while open).</summary>
    public double TaskSeconds { get; private set; } = double.NaN;

    /// <summary>What the node reported: seconds waiting for a free training slot, and downloading the task.</summary>
    public double WaitSeconds { get; set; } = double.NaN;
    public double FetchSeconds { get; set; } = double.NaN;

    /// <summary>Seconds from the result's header to its last chunk, as the coordinator saw them.</summary>
    public double UploadSeconds { get; set; } = double.NaN;

    public void AddBytesDown(long n) => Interlocked.Add(ref _bytesDown, n);

    public void AddBytesUp(long n) => Interlocked.Add(ref _bytesUp, n);

    /// <summary>Bytes the codec saved against float32 (<see cref="Protos.Conversion.WireSize.Fp32Saving"/>).</summary>
    public void AddSavedDown(long n) => Interlocked.Add(ref _savedDown, n);

    public void AddSavedUp(long n) => Interlocked.Add(ref _savedUp, n);

    /// <summary>
    /// Ends the task once (later calls return false): a result goes to the task's sink first (a round's aggregate folds
    /// it, and a result the algorithm refuses turns into a failure). The outcome kept here has no weights.
    /// </summary>
    public bool Complete(TaskOutcome outcome)
    {
        lock (sink.Gate)
        {
            if (_outcome.Task.IsCompleted) return false;
            if (outcome.Result is { } result)
            {
                outcome = sink.Accept(this, result);
            }
            TaskSeconds = time.GetElapsedTime(_created).TotalSeconds;
            _outcome.SetResult(outcome);
            return true;
        }
    }
}
