using System.Threading.Channels;

namespace FedSim.Coordinator;

/// <summary>A registered party node: the parties it hosts and the queue of announcements waiting for its stream.</summary>
internal sealed class NodeSession(string id, string name, IReadOnlyList<int> partyIds, int concurrency, long registeredAt)
{
    private readonly byte[] _secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    private readonly Channel<NodeMessage> _outbox = Channel.CreateUnbounded<NodeMessage>();
    private int _gone;

    /// <summary>The node's label (<c>node-3</c>): what logs and tasks name it by. Not a credential.</summary>
    public string Id { get; } = id;

    /// <summary>The id the node is given and must send with every call: <c>LABEL.SECRET</c> (see <see cref="Protos.NodeCredential"/>).</summary>
    public string Credential => $"{Id}.{Convert.ToHexStringLower(_secret)}";

    /// <summary>Whether <paramref name="secretHex"/> is this node's secret (compared in constant time).</summary>
    public bool Proves(string secretHex) =>
        secretHex.Length == 2 * _secret.Length && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Secret(secretHex), _secret);

    private static byte[] Secret(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }
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
