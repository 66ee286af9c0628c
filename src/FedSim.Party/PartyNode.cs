using FedSim.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedSim.Party;

/// <summary>
/// A party node's gRPC client: dials the coordinator, registers its virtual parties, loads the run (the scenario the
/// coordinator sends) into a <see cref="PartyRuntime"/>, then trains each announced task (up to
/// <see cref="PartyNodeOptions.Workers"/> at once, one shared dataset in memory, one connection) and streams the update
/// back. It heartbeats while registered; when the coordinator no longer knows it (it went silent and was marked gone,
/// or the coordinator restarted) it registers again, asking for the same parties.
/// </summary>
public sealed class PartyNode(PartyNodeOptions options, ILogger? logger = null) : IAsyncDisposable
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(options.Coordinator, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = MaxMessageBytes,
        MaxSendMessageSize = MaxMessageBytes,
    });
    private readonly CancellationTokenSource _killed = new();
    private volatile bool _heartbeatsPaused;
    private NodeRun? _run;

    /// <summary>The largest gRPC message either side accepts (chunks stay far below it).</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>Raised after each task, with the node's own byte counts.</summary>
    internal event Action<NodeTaskReport>? TaskDone;

    /// <summary>Raised when a task's weights have arrived, before training.</summary>
    internal event Action<string, int>? TaskReceived;

    /// <summary>Raised with true once registered and subscribed, false when that ends (for readiness probes).</summary>
    public event Action<bool>? ReadinessChanged;

    internal IReadOnlyList<int> HostedParties { get; private set; } = [];

    /// <summary>The id the coordinator gave this node at its latest registration.</summary>
    public string? NodeId { get; private set; }

    /// <summary>Why the coordinator ended the run without completing it (failed or cancelled), once it said so; null otherwise.</summary>
    public string? RunFailure { get; private set; }

    /// <summary>The name of the run whose scenario the node has loaded (null before its first registration).</summary>
    internal string? LoadedRun => _run?.RunName;

    /// <summary>How many times the node registered (1 + re-registrations).</summary>
    internal int Registrations { get; private set; }

    /// <summary>Runs until the coordinator says stop (returns normally) or <paramref name="ct"/> is cancelled (deregisters first).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _killed.Token);
        var token = linked.Token;
        var client = new Federation.FederationClient(_channel);
        var wanted = options.PartyIds;
        try
        {
            while (true)
            {
                var reply = await NodeRegistration.RegisterAsync(client, options, wanted, Registrations > 0, _log, token);
                if (reply is null) return;
                NodeId = reply.NodeId;
                HostedParties = reply.Parties.Select(p => p.PartyId).ToList();
                // Counted last: whoever sees the new count also sees the new node id and parties.
                Registrations++;
                wanted = HostedParties;
                if (_log.IsEnabled(LogLevel.Information)) _log.Registered(Protos.NodeCredential.Label(reply.NodeId), Core.RangeText.Format(HostedParties));
                if (await Serve(client, reply, token)) return;
                _log.Forgotten(Protos.NodeCredential.Label(reply.NodeId));
            }
        }
        catch (Exception e) when (EndedByCaller(e, ct))
        {
            await Deregister(client, "node stopped");
            throw new OperationCanceledException(ct);
        }
        catch (Exception e) when (_killed.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            throw new OperationCanceledException("the node was killed", e, _killed.Token);
        }
        finally
        {
            _run?.Runtime.Dispose();
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> is how the node's work ended after its caller cancelled <paramref name="ct"/>. Any RPC
    /// failure counts then, not only <see cref="StatusCode.Cancelled"/>: when the cancellation lands while the
    /// coordinator's last message is already buffered, gRPC reports the aborted stream as Unavailable.
    /// </summary>
    internal static bool EndedByCaller(Exception e, CancellationToken ct) =>
        ct.IsCancellationRequested && e is OperationCanceledException or RpcException;

    /// <summary>Serves one registration: true when the coordinator said stop, false when it dropped this node.</summary>
    private async Task<bool> Serve(Federation.FederationClient client, RegisterReply reply, CancellationToken ct)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parties = reply.Parties.ToDictionary(p => p.PartyId, p => p.Dataidxs.ToArray());
        using var slots = new SemaphoreSlim(Math.Max(1, options.Workers));
        var running = new List<Task>();
        // Heartbeats start at once: loading a large dataset must not look like silence.
        var heartbeat = Heartbeat(client, reply.NodeId, reply.HeartbeatIntervalMs, session);
        var stopped = false;
        try
        {
            if (_run is { } old && old.RunId != reply.RunId)
            {
                // Another run on the same coordinator address: nothing of the old one (dataset, settings, party state) may carry over.
                _log.NewRun(reply.RunName);
                old.Runtime.Dispose();
                _run = null;
            }
            var run = _run ??= await Task.Run(() => NodeRun.Load(reply, options), session.Token);
            using var stream = client.Subscribe(new SubscribeRequest { NodeId = reply.NodeId }, cancellationToken: session.Token);
            ReadinessChanged?.Invoke(true);
            stopped = await ReadAnnouncements(stream.ResponseStream, parties, task =>
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Start(client, reply.NodeId, run, task, parties[task.PartyId], slots, session.Token));
            }, session.Token);
            // The stream ended. After a stop, results already on their way get a moment to be acknowledged (the stop can
            // overtake the last acks); training still running is then abandoned. Without a stop the coordinator dropped
            // this node, and its running work no longer counts.
            if (stopped) await Task.WhenAny(Task.WhenAll(running), Task.Delay(options.StopGrace, options.Time, ct));
            await session.CancelAsync();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && (e is OperationCanceledException || e is RpcException { StatusCode: StatusCode.Cancelled or StatusCode.NotFound or StatusCode.Unavailable or StatusCode.Internal }))
        {
            // Dropped: the heartbeat said unknown (session cancelled), the coordinator forgot this node, or the connection broke.
        }
        finally
        {
            ReadinessChanged?.Invoke(false);
        }
        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is OperationCanceledException or RpcException)
        {
            // Tasks of a dropped registration: the coordinator already counted them as failed.
        }
        await session.CancelAsync();
        await heartbeat;
        return stopped;
    }

    /// <summary>
    /// Reads the announcement stream as tasks arrive (not when a worker is free, so the time a task queues for a training
    /// slot is measured from its arrival and reported as wait, not as communication); true when it ended with a stop.
    /// </summary>
    private async Task<bool> ReadAnnouncements(IAsyncStreamReader<Announcement> stream, Dictionary<int, int[]> parties,
        Action<TaskAnnouncement> start, CancellationToken ct)
    {
        await foreach (var announcement in stream.ReadAllAsync(ct))
        {
            if (announcement.Stop is { } stop)
            {
                _log.StopReceived(stop.Reason);
                if (stop.Failed) RunFailure = stop.Reason;
                return true;
            }
            if (parties.ContainsKey(announcement.Task.PartyId)) start(announcement.Task);
            else _log.TaskForUnknownParty(announcement.Task.TaskId, announcement.Task.PartyId);
        }
        return false;
    }

    /// <summary>Runs one task once a training slot is free, timing the wait from now (its arrival).</summary>
    private Task Start(Federation.FederationClient client, string nodeId, NodeRun run, TaskAnnouncement task, int[] dataidxs,
        SemaphoreSlim slots, CancellationToken ct)
    {
        var received = options.Time.GetTimestamp();
        return Task.Run(async () =>
        {
            await slots.WaitAsync(ct);
            var wait = options.Time.GetElapsedTime(received).TotalSeconds;
            try
            {
                var report = await TaskExchange.RunAsync(client, nodeId, run, task, dataidxs, wait, options.Time, _log, () => TaskReceived?.Invoke(task.TaskId, task.PartyId), ct);
                TaskDone?.Invoke(report);
            }
            finally
            {
                slots.Release();
            }
        }, CancellationToken.None);
    }

    /// <summary>Heartbeats until the session ends; cancels the session when the coordinator answers that it does not know this node.</summary>
    private async Task Heartbeat(Federation.FederationClient client, string nodeId, int intervalMs, CancellationTokenSource session)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, intervalMs));
        try
        {
            while (!session.IsCancellationRequested)
            {
                await Task.Delay(interval, options.Time, session.Token);
                if (_heartbeatsPaused) continue;
                try
                {
                    var reply = await client.HeartbeatAsync(new HeartbeatRequest { NodeId = nodeId }, deadline: options.Time.GetUtcNow().UtcDateTime + interval * 5,
                        cancellationToken: session.Token);
                    if (reply.Known) continue;
                    await session.CancelAsync();
                    return;
                }
                catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
                {
                    _log.HeartbeatFailed(e.Status.Detail);
                }
            }
        }
        catch (Exception e) when (EndedByCaller(e, session.Token))
        {
            // The session ended, possibly while a heartbeat was on the wire.
        }
    }

    private async Task Deregister(Federation.FederationClient client, string reason)
    {
        if (NodeId is null) return;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await client.DeregisterAsync(new DeregisterRequest { NodeId = NodeId, Reason = reason }, cancellationToken: cts.Token);
            if (_log.IsEnabled(LogLevel.Information)) _log.Deregistered(Protos.NodeCredential.Label(NodeId), reason);
        }
        catch (RpcException)
        {
            // The coordinator may already be gone; nothing to tell it then.
        }
    }

    /// <summary>Stops (true) or resumes (false) heartbeats while everything else goes on, as a hung or partitioned node would look (for liveness tests).</summary>
    internal void PauseHeartbeats(bool paused) => _heartbeatsPaused = paused;

    /// <summary>Drops the connection without a goodbye, as a crashed process would (for failure tests).</summary>
    internal void Kill()
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
