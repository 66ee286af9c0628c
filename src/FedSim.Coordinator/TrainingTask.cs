using FedSim.Core.Strategies;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>One party's work in one round, from announcement to result or failure, with its traffic counted.</summary>
public sealed class TrainingTask(string id, int round, int partyId, string nodeId, ModelWeights global, PartyInstructions instructions, long deadlineUnixMs)
{
    private readonly TaskCompletionSource<TaskOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesDown;
    private long _bytesUp;

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

    public void AddBytesDown(long n) => Interlocked.Add(ref _bytesDown, n);

    public void AddBytesUp(long n) => Interlocked.Add(ref _bytesUp, n);

    public bool Complete(TaskOutcome outcome) => _outcome.TrySetResult(outcome);
}
