using FedSim.Core.Weights;
using FedSim.Data;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using FedSim.Training;
using FedSim.Training.Algorithms;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedSim.Party;

/// <summary>
/// A party node: dials the coordinator, registers its virtual parties, then trains each announced task (up to
/// <see cref="PartyNodeOptions.Workers"/> at once, one shared dataset in memory) and streams the update back.
/// </summary>
public sealed class PartyNode(PartyNodeOptions options, ILogger? logger = null) : IAsyncDisposable
{
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly ILogger _log = logger ?? NullLogger.Instance;
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(options.Coordinator, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = MaxMessageBytes,
        MaxSendMessageSize = MaxMessageBytes,
    });
    private readonly CancellationTokenSource _killed = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IPartyAlgorithm> _algorithms = new();
    private string? _nodeId;

    /// <summary>Raised after each task, with the node's own byte counts.</summary>
    public event Action<NodeTaskReport>? TaskDone;

    /// <summary>Raised when a task's weights have arrived, before training.</summary>
    public event Action<string, int>? TaskReceived;

    public IReadOnlyList<int> HostedParties { get; private set; } = [];

    /// <summary>Runs until the coordinator says stop (returns normally) or <paramref name="ct"/> is cancelled (deregisters first).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _killed.Token);
        var token = linked.Token;
        var client = new Federation.FederationClient(_channel);
        var reply = await RegisterWithRetry(client, token);
        _nodeId = reply.NodeId;
        HostedParties = reply.Parties.Select(p => p.PartyId).ToList();
        var parties = reply.Parties.ToDictionary(p => p.PartyId, p => (Assignment: p, DataIdxs: p.Dataidxs.ToArray()));
        _log.LogInformation("registered as {Node}: parties {Parties}", reply.NodeId, Core.RangeText.Format(HostedParties));

        var spec = reply.Dataset;
        var data = DatasetCatalog.Load(new Core.Scenarios.DatasetSection(spec.Name, string.IsNullOrEmpty(spec.Path) ? null : spec.Path)
        {
            TestPath = string.IsNullOrEmpty(spec.TestPath) ? null : spec.TestPath,
            TestFraction = spec.TestFraction,
            LabelColumn = spec.LabelColumn,
            GroupColumn = spec.GroupColumn,
            Samples = spec.Samples,
        }, spec.Seed);
        if (options.ThreadsPerWorker > 0) TorchThreads.Configure(options.ThreadsPerWorker);
        else TorchThreads.ConfigureForWorkers(options.Workers);
        using var models = new ModelPool(reply.Model, data.Train.SampleShape, data.Train.Classes);
        var trainer = new LocalTrainer(data.Train, models);
        using var slots = new SemaphoreSlim(Math.Max(1, options.Workers));
        var running = new List<Task>();
        using var heartbeat = StartHeartbeat(client, reply.HeartbeatIntervalMs, token);
        try
        {
            using var stream = client.Subscribe(new SubscribeRequest { NodeId = reply.NodeId }, cancellationToken: token);
            await foreach (var announcement in stream.ResponseStream.ReadAllAsync(token))
            {
                if (announcement.Stop is { } stop)
                {
                    _log.LogInformation("coordinator says stop: {Reason}", stop.Reason);
                    break;
                }
                var task = announcement.Task;
                if (!parties.TryGetValue(task.PartyId, out var party))
                {
                    _log.LogWarning("task {Task} is for party {Party}, which this node does not host", task.TaskId, task.PartyId);
                    continue;
                }
                await slots.WaitAsync(token);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await RunTask(client, trainer, task, party, token);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
            await Task.WhenAll(running);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            await Deregister(client, "node stopped");
            throw new OperationCanceledException(ct);
        }
        catch (Exception e) when (_killed.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            throw new OperationCanceledException("the node was killed", e, _killed.Token);
        }
    }

    private async Task<RegisterReply> RegisterWithRetry(Federation.FederationClient client, CancellationToken ct)
    {
        var request = new RegisterRequest
        {
            ProtocolVersion = ProtocolVersion._1,
            NodeName = options.Name,
            Concurrency = options.Workers,
        };
        request.PartyIds.AddRange(options.PartyIds);
        var deadline = DateTimeOffset.UtcNow + options.ConnectTimeout;
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await client.RegisterAsync(request, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable && DateTimeOffset.UtcNow < deadline)
            {
                _log.LogInformation("coordinator at {Address} not answering yet ({Detail}); retrying", options.Coordinator, e.Status.Detail);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
            catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
            {
                throw new InvalidOperationException($"coordinator at {options.Coordinator} refused registration: {e.Status.Detail}", e);
            }
        }
    }

    private async Task RunTask(Federation.FederationClient client, LocalTrainer trainer, TaskAnnouncement task, (PartyAssignment Assignment, int[] DataIdxs) party, CancellationToken ct)
    {
        long bytesDown = WireSize.Of(new Announcement { Task = task }), bytesUp = 0;
        string? error = null;
        var accepted = false;
        try
        {
            var fetched = await FederationClientStreams.FetchAsync(client, _nodeId!, task.TaskId, ct);
            bytesDown += fetched.WireBytes;
            var (header, groups) = (fetched.Header, fetched.Groups);
            TaskReceived?.Invoke(task.TaskId, task.PartyId);
            var config = header.Config;
            var settings = new TrainSettings(config.LocalEpochs, config.BatchSize, config.Lr, config.Momentum, config.WeightDecay)
            {
                Params = config.Params.ToDictionary(),
            };
            ResultHeader resultHeader;
            List<TensorGroup> upload;
            try
            {
                var global = groups[TensorGroup.Model];
                var payloads = TensorGroup.PayloadsOf(groups);
                var algorithm = _algorithms.GetOrAdd(config.Algorithm, PartyAlgorithms.Create);
                var hooks = algorithm.Prepare(task.PartyId, global, settings.Params, payloads) with { InputNoiseStd = party.Assignment.NoiseStd };
                var result = await Task.Run(() => trainer.Train(global, party.DataIdxs, settings, (int)header.Seed, hooks, ct), ct);
                var extra = algorithm.Finish(task.PartyId, global, payloads, result, settings);
                upload = TensorGroup.Of(result.Weights, extra);
                resultHeader = new ResultHeader
                {
                    Status = ResultStatus.Ok,
                    NumExamples = result.NumExamples,
                    LocalSteps = result.LocalSteps,
                    TrainLoss = result.TrainLoss,
                    TrainSeconds = result.TrainSeconds,
                };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.LogWarning(e, "party {Party} failed in round {Round}", task.PartyId, task.Round);
                error = e.Message;
                upload = [];
                resultHeader = new ResultHeader { Status = ResultStatus.Failed, Error = $"{e.GetType().Name}: {e.Message}" };
            }
            resultHeader.NodeId = _nodeId;
            resultHeader.TaskId = task.TaskId;
            resultHeader.PartyId = task.PartyId;
            var submitted = await FederationClientStreams.SubmitAsync(client, resultHeader, upload, ct);
            bytesUp += submitted.WireBytes;
            var ack = submitted.Ack;
            accepted = ack.Accepted;
            if (!ack.Accepted && error is null)
            {
                error = ack.Reason;
                _log.LogWarning("party {Party} round {Round}: result not accepted: {Reason}", task.PartyId, task.Round, ack.Reason);
            }
        }
        catch (Exception e) when (e is RpcException or InvalidDataException && !ct.IsCancellationRequested)
        {
            error = e.Message;
            _log.LogWarning("party {Party} round {Round}: {Error}", task.PartyId, task.Round, e.Message);
        }
        TaskDone?.Invoke(new NodeTaskReport(task.TaskId, task.Round, task.PartyId, bytesDown, bytesUp, accepted, error));
    }

    private IDisposable StartHeartbeat(Federation.FederationClient client, int intervalMs, CancellationToken ct)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, intervalMs));
        return new Timer(_ =>
        {
            if (ct.IsCancellationRequested || _nodeId is null) return;
            _ = client.HeartbeatAsync(new HeartbeatRequest { NodeId = _nodeId }, cancellationToken: ct).ResponseAsync
                .ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }, null, interval, interval);
    }

    private async Task Deregister(Federation.FederationClient client, string reason)
    {
        if (_nodeId is null) return;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await client.DeregisterAsync(new DeregisterRequest { NodeId = _nodeId, Reason = reason }, cancellationToken: cts.Token);
        }
        catch (RpcException)
        {
            // The coordinator may already be gone; nothing to tell it then.
        }
    }

    /// <summary>Drops the connection without a goodbye, as a crashed process would (for failure tests).</summary>
    public void Kill()
    {
        _killed.Cancel();
        _channel.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        _killed.Dispose();
        return ValueTask.CompletedTask;
    }
}
