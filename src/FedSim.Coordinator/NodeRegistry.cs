using System.Collections.Concurrent;

namespace FedSim.Coordinator;

/// <summary>Which node hosts which party. A party belongs to at most one live node; a gone node's parties may be taken again.</summary>
public sealed class NodeRegistry(int totalParties, int defaultShare, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, NodeSession> _nodes = new();
    private readonly NodeSession?[] _hostOf = new NodeSession?[totalParties];
    private readonly TaskCompletionSource _allHosted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextNode;

    internal event Action<NodeSession, string>? NodeGone;

    public int TotalParties => totalParties;

    /// <summary>Completes once every party is hosted by a live node that has subscribed (so it has loaded its data and listens).</summary>
    public Task AllPartiesHosted => _allHosted.Task;

    /// <summary>True once the run is over: nodes that register now are told so.</summary>
    public bool Closed { get; private set; }

    private readonly ConcurrentDictionary<string, bool> _spares = new();

    /// <summary>Spare nodes (refused for want of free parties) not yet told that the run ended.</summary>
    public int WaitingSpares => _spares.Count;

    /// <summary>The longest node name accepted (characters).</summary>
    public const int MaxNameLength = 256;

    /// <summary>Registrations a run keeps at most (live and gone), and standby names it remembers at most.</summary>
    public const int MaxSessions = 4096;

    /// <summary>A node registering after the run: it is being told, so it no longer waits.</summary>
    public void Told(string name) => _spares.TryRemove(name, out _);

    internal IEnumerable<NodeSession> Nodes => _nodes.Values;

    /// <summary>The node whose credential (<see cref="NodeSession.Credential"/>) <paramref name="nodeId"/> is; null for an unknown label or a wrong secret.</summary>
    internal NodeSession? Find(string nodeId)
    {
        var dot = nodeId.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 && _nodes.GetValueOrDefault(nodeId[..dot]) is { } node && node.Proves(nodeId[(dot + 1)..]) ? node : null;
    }

    internal NodeSession? HostOf(int partyId)
    {
        var node = _hostOf[partyId];
        return node is { IsGone: false } ? node : null;
    }

    public int HostedCount
    {
        get
        {
            lock (_gate) return _hostOf.Count(n => n is { IsGone: false });
        }
    }

    /// <summary>
    /// Registers a node for the parties it asks for (or a share of the free ones); throws <see cref="ArgumentException"/>
    /// on a conflict, and <see cref="NoFreePartiesException"/> when a node asks for a share and none is free.
    /// </summary>
    internal NodeSession Register(string name, IReadOnlyList<int> requested, int concurrency)
    {
        if (name.Length > MaxNameLength) throw new ArgumentException($"a node name of {name.Length} characters; at most {MaxNameLength}");
        lock (_gate)
        {
            // Every registration is kept (gone nodes too, for their tasks' records): bounded, so no client can grow the coordinator without end.
            if (_nodes.Count >= MaxSessions || _spares.Count >= MaxSessions)
                throw new NoFreePartiesException($"{MaxSessions} node registrations already; this run takes no more");
            int[] parties;
            if (requested.Count > 0)
            {
                foreach (var p in requested)
                {
                    if (p < 0 || p >= totalParties)
                        throw new ArgumentException($"party {p} does not exist (this run has parties 0-{totalParties - 1})");
                    if (_hostOf[p] is { IsGone: false } other)
                        throw new ArgumentException($"party {p} is already hosted by node '{other.Name}' ({other.Id})");
                }
                if (requested.Distinct().Count() != requested.Count) throw new ArgumentException("a party id is listed twice");
                parties = requested.ToArray();
            }
            else
            {
                parties = Enumerable.Range(0, totalParties).Where(p => _hostOf[p] is null or { IsGone: true }).Take(defaultShare).ToArray();
                if (parties.Length == 0)
                {
                    _spares[name] = true;
                    throw new NoFreePartiesException($"all {totalParties} parties are already hosted; waiting for a node to leave");
                }
            }
            _spares.TryRemove(name, out _);
            var id = $"node-{Interlocked.Increment(ref _nextNode)}";
            var node = new NodeSession(id, string.IsNullOrWhiteSpace(name) ? id : name, parties, Math.Max(1, concurrency), time.GetTimestamp());
            _nodes[id] = node;
            foreach (var p in parties) _hostOf[p] = node;
            return node;
        }
    }

    internal void MarkGone(NodeSession node, string reason)
    {
        if (node.MarkGone()) NodeGone?.Invoke(node, reason);
    }

    /// <summary>Marks every live node that has not called for longer than <paramref name="timeout"/> gone; returns them.</summary>
    internal IReadOnlyList<NodeSession> MarkSilentGone(TimeSpan timeout)
    {
        var silent = _nodes.Values.Where(n => !n.IsGone && time.GetElapsedTime(n.LastSeen) > timeout).ToList();
        foreach (var n in silent) MarkGone(n, $"silent for more than {timeout.TotalSeconds:0.#} s (no heartbeat)");
        return silent;
    }

    /// <summary>The node opened its announcement stream: it is ready for tasks.</summary>
    internal void MarkSubscribed(NodeSession node)
    {
        lock (_gate)
        {
            node.IsSubscribed = true;
            if (_hostOf.All(n => n is { IsGone: false, IsSubscribed: true })) _allHosted.TrySetResult();
        }
    }

    public void StopAll(string reason, bool failed = false)
    {
        Closed = true;
        foreach (var node in _nodes.Values) node.Stop(reason, failed);
    }
}
