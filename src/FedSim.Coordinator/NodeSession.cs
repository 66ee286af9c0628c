using System.Threading.Channels;

namespace FedSim.Coordinator;

/// <summary>A registered party node: the parties it hosts and the queue of announcements waiting for its stream.</summary>
internal sealed class NodeSession(string id, string name, IReadOnlyList<int> partyIds, int concurrency, long registeredAt)
{
    private readonly Channel<NodeMessage> _outbox = Channel.CreateUnbounded<NodeMessage>();
    private int _gone;

    public string Id { get; } = id;
    public string Name { get; } = name;
    public IReadOnlyList<int> PartyIds { get; } = partyIds;
    public int Concurrency { get; } = concurrency;
    private long _lastSeen = registeredAt;

    /// <summary>When the node last called (heartbeat, download, upload), in <see cref="TimeProvider"/> timestamps.</summary>
    public long LastSeen
    {
        get => Volatile.Read(ref _lastSeen);
        set => Volatile.Write(ref _lastSeen, value);
    }
    public bool IsGone => Volatile.Read(ref _gone) == 1;

    /// <summary>The node has opened its announcement stream.</summary>
    public bool IsSubscribed { get; set; }
    public ChannelReader<NodeMessage> Outbox => _outbox.Reader;

    public bool Announce(NodeMessage message) => !IsGone && _outbox.Writer.TryWrite(message);

    /// <summary>Marks the node gone; returns true the first time.</summary>
    public bool MarkGone()
    {
        if (Interlocked.Exchange(ref _gone, 1) == 1) return false;
        _outbox.Writer.TryComplete();
        return true;
    }

    /// <summary>Sends a stop (<paramref name="failed"/>: the run did not complete) and closes the queue after it.</summary>
    public void Stop(string reason, bool failed = false)
    {
        _outbox.Writer.TryWrite(new StopNotice(reason, failed));
        _outbox.Writer.TryComplete();
    }
}
