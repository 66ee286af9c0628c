using FedSim.Core.Algorithms;
using FedSim.Core.Weights;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator;

/// <summary>
/// The coordinator's gRPC endpoint: registration, task announcements, task download, result upload, liveness. The one
/// place on the coordinator where protocol messages meet the run's domain types (nodes, tasks, weights).
/// </summary>
internal sealed class FederationService(CoordinatorState state, ILogger<FederationService> logger) : Federation.FederationBase
{
    private const string TaskClosed = "the round no longer waits for this task (deadline passed, node marked gone, or already answered: one upload per task)";

    public override Task<RegisterReply> Register(RegisterRequest request, ServerCallContext context)
    {
        if (request.ProtocolVersion != ProtocolVersion._2)
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"protocol version {(int)request.ProtocolVersion} is not supported; this coordinator speaks version {(int)ProtocolVersion._2}"));
        if (state.Tokens is { } tokens && !tokens.Verify(request.NodeName, request.Token))
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"unauthenticated: node name '{(request.NodeName.Length > 64 ? request.NodeName[..64] + "..." : request.NodeName)}' is not in the coordinator's token file, or its token is wrong"));
        if (state.Registry.Closed)
        {
            state.Registry.Told(request.NodeName);
            throw new RpcException(new Status(StatusCode.Aborted, $"run '{state.Scenario.Name}' has ended; no more parties are needed"));
        }
        NodeSession node;
        try
        {
            node = state.Registry.Register(request.NodeName, request.PartyIds, request.Concurrency);
        }
        catch (NoFreePartiesException e)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message));
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        if (logger.IsEnabled(LogLevel.Information)) logger.NodeRegistered(node.Name, node.Id, Core.RangeText.Format(node.PartyIds));
        var reply = new RegisterReply
        {
            NodeId = node.Credential,
            RunId = state.RunId,
            RunName = state.Scenario.Name,
            Scenario = state.ScenarioYaml,
            HeartbeatIntervalMs = state.HeartbeatIntervalMs,
        };
        foreach (var p in node.PartyIds)
        {
            var assignment = new PartyAssignment { PartyId = p };
            assignment.Dataidxs.AddRange(state.Partition.Parties[p].DataIdxs);
            reply.Parties.Add(assignment);
        }
        return Task.FromResult(reply);
    }

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<Announcement> responseStream, ServerCallContext context)
    {
        var node = RequireNode(request.NodeId);
        state.Registry.MarkSubscribed(node);
        string? reason = null;
        try
        {
            await foreach (var message in node.Outbox.ReadAllAsync(context.CancellationToken))
            {
                var announcement = ToAnnouncement(message);
                if (message is TaskOffer offer && state.Board.Find(offer.TaskId) is { } task) task.AddBytesDown(WireSize.Of(announcement));
                await responseStream.WriteAsync(announcement, context.CancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            reason = "connection lost";
        }
        catch (IOException e)
        {
            reason = "connection lost: " + e.Message;
        }
        if (reason is null)
        {
            // The coordinator closed the queue (a stop was sent or the node was marked gone): a normal end.
            state.Registry.MarkGone(node, "stopped");
        }
        else if (!node.IsGone)
        {
            logger.NodeLost(node.Name, node.Id, reason);
            state.Registry.MarkGone(node, reason);
        }
    }

    public override async Task FetchTask(FetchTaskRequest request, IServerStreamWriter<TaskChunk> responseStream, ServerCallContext context)
    {
        var node = RequireNode(request.NodeId);
        node.LastSeen = state.Time.GetTimestamp();
        var task = state.Board.Find(request.TaskId);
        if (task is null || task.NodeId != node.Id)
            throw new RpcException(new Status(StatusCode.NotFound, $"task {request.TaskId} is not assigned to node {node.Id}"));
        if (task.IsDone)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"task {request.TaskId} is already closed"));
        var model = state.ModelDown(task, request.HeldModels);
        task.Received = model.Received;
        var groups = TensorGroup.Of(model.Encoded, task.Instructions.Payloads, w => state.EncodeDown(w, task.ModelRound));
        var header = new TaskHeader
        {
            TaskId = task.Id,
            Round = task.Round,
            PartyId = task.PartyId,
            ModelId = model.Id,
            ModelBase = model.BaseId,
            Seed = Core.Randomness.Seeds.Derive(state.Scenario.Seed, Core.Randomness.Seeds.Purpose.LocalShuffle, task.Round, task.PartyId),
        };
        foreach (var (k, v) in task.Instructions.Params) header.Params[k] = v;
        header.Tensors.AddRange(TensorChunker.Specs(groups));
        task.AddSavedDown(WireSize.Fp32Saving(header.Tensors));
        await Send(new TaskChunk { Header = header });
        foreach (var chunk in TensorChunker.Chunks(groups)) await Send(new TaskChunk { Tensor = chunk });

        async Task Send(TaskChunk message)
        {
            task.AddBytesDown(WireSize.Of(message));
            await responseStream.WriteAsync(message, context.CancellationToken);
        }
    }

    public override async Task<SubmitAck> SubmitResult(IAsyncStreamReader<ResultChunk> requestStream, ServerCallContext context)
    {
        try
        {
            return await Submit(requestStream, context);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            // Bytes that are no message: the sender's fault, said as such (not UNKNOWN with a stack trace in the log).
            logger.MalformedUpload(e.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, "malformed message: " + e.Message));
        }
    }

    private async Task<SubmitAck> Submit(IAsyncStreamReader<ResultChunk> requestStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.Header is not { } header)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "a result stream starts with its header"));
        var node = RequireNode(header.NodeId);
        var task = state.Board.Find(header.TaskId);
        if (task is null || task.NodeId != node.Id || task.PartyId != header.PartyId)
            return new SubmitAck { Accepted = false, Reason = $"task {header.TaskId} for party {header.PartyId} is unknown or closed" };
        var uploadStart = state.Time.GetTimestamp();
        node.LastSeen = uploadStart;
        var bytes = WireSize.Of(requestStream.Current);
        if (task.IsDone)
            return new SubmitAck { Accepted = false, Reason = TaskClosed };
        TaskOutcome outcome;
        try
        {
            // Checked before a chunk is read: an upload never costs more than the layout it may have.
            if (header.Status == ResultStatus.Ok && UploadLayout.Check(header.Tensors, task.Global) is { } wrong) throw new InvalidDataException(wrong);
            var assembler = new TensorAssembler(header.Tensors, state.Uplink);
            task.AddSavedUp(WireSize.Fp32Saving(header.Tensors));
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                var message = requestStream.Current;
                bytes += WireSize.Of(message);
                if (message.Tensor is null) throw new InvalidDataException("only tensor chunks may follow the header");
                assembler.Add(message.Tensor);
            }
            outcome = header.Status == ResultStatus.Ok
                ? ToOutcome(task, header, assembler.Complete(group => group == TensorGroup.Model ? task.Received : null))
                : TaskOutcome.Failed(string.IsNullOrEmpty(header.Error) ? "party reported a failure" : header.Error);
        }
        catch (InvalidDataException e)
        {
            outcome = TaskOutcome.Failed("invalid update: " + e.Message);
        }
        task.AddBytesUp(bytes);
        task.UploadSeconds = state.Time.GetElapsedTime(uploadStart).TotalSeconds;
        task.WaitSeconds = header.WaitSeconds;
        task.FetchSeconds = header.FetchSeconds;
        if (!task.Complete(outcome))
            return new SubmitAck { Accepted = false, Reason = TaskClosed };
        state.RaiseTaskFinished(task);
        var final = task.Outcome.Result;
        return new SubmitAck { Accepted = final.Ok, Reason = final.Failure ?? "" };
    }

    public override Task<HeartbeatReply> Heartbeat(HeartbeatRequest request, ServerCallContext context)
    {
        var node = state.Registry.Find(request.NodeId);
        if (node is { IsGone: false }) node.LastSeen = state.Time.GetTimestamp();
        return Task.FromResult(new HeartbeatReply { Known = node is { IsGone: false } });
    }

    public override Task<DeregisterReply> Deregister(DeregisterRequest request, ServerCallContext context)
    {
        if (request.Reason.Length > NodeRegistry.MaxNameLength * 4)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a reason of {request.Reason.Length} characters; at most {NodeRegistry.MaxNameLength * 4}"));
        if (state.Registry.Find(request.NodeId) is { } node)
        {
            logger.NodeDeregistered(node.Name, node.Id, request.Reason);
            state.Registry.MarkGone(node, "deregistered: " + request.Reason);
        }
        return Task.FromResult(new DeregisterReply());
    }

    private static Announcement ToAnnouncement(NodeMessage message) => message switch
    {
        TaskOffer t => new Announcement
        {
            Task = new TaskAnnouncement { TaskId = t.TaskId, Round = t.Round, PartyId = t.PartyId, DeadlineUnixMs = t.DeadlineUnixMs },
        },
        StopNotice s => new Announcement { Stop = new StopAnnouncement { Reason = s.Reason, Failed = s.Failed } },
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "unknown node message"),
    };

    private NodeSession RequireNode(string nodeId) =>
        state.Registry.Find(nodeId) is { IsGone: false } node
            ? node
            : throw new RpcException(new Status(StatusCode.NotFound,
                $"node '{Protos.NodeCredential.Label(nodeId)}' is not registered, was marked gone, or this is not its session credential; register again"));

    private TaskOutcome ToOutcome(TrainingTask task, ResultHeader header, IReadOnlyDictionary<string, ModelWeights> groups)
    {
        if (!groups.TryGetValue(TensorGroup.Model, out var model)) return TaskOutcome.Failed("invalid update: no model tensors");
        task.Global.EnsureSameLayout(model, $"party {header.PartyId} update");
        // Payloads are checked as the model is: they are folded into the strategy's state (e.g. SCAFFOLD's server control
        // variate), where one NaN would stay for the rest of the run.
        foreach (var (name, weights) in groups)
            if (weights.FirstNonFinite() is { } bad)
                return TaskOutcome.Failed($"update has non-finite values in {(name == TensorGroup.Model ? "" : $"'{name}' tensor ")}'{bad}' (training diverged?)");
        // The weights FedAvg and its kin give an update come from what the coordinator knows, not from the party's word:
        // a claim of 10^12 examples would let one update outweigh every other.
        var holds = state.Partition.Parties[header.PartyId].DataIdxs.Length;
        if (header.NumExamples != holds)
            return TaskOutcome.Failed($"invalid update: party {header.PartyId} claims num_examples {header.NumExamples}, but it holds {holds} samples");
        var mostSteps = (long)holds * state.Scenario.Training.LocalEpochs;
        if (header.LocalSteps <= 0 || header.LocalSteps > mostSteps)
            return TaskOutcome.Failed($"invalid update: party {header.PartyId} claims {header.LocalSteps} local steps; {state.Scenario.Training.LocalEpochs} epochs over {holds} samples take 1 to {mostSteps}");
        var payloads = TensorGroup.PayloadsOf(groups);
        return TaskOutcome.Success(new PartyResult(header.PartyId, header.NumExamples, header.LocalSteps, header.TrainLoss, header.TrainSeconds, model)
        {
            Payloads = payloads,
        });
    }
}
