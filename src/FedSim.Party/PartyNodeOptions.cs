namespace FedSim.Party;

/// <summary>How a party node connects and how much it trains at once.</summary>
public sealed record PartyNodeOptions(Uri Coordinator)
{
    /// <summary>Party ids to host; empty asks the coordinator for a share.</summary>
    public IReadOnlyList<int> PartyIds { get; init; } = [];

    /// <summary>Parties trained at once (each with its own libtorch threads).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>libtorch intra-op threads per worker; 0 means the cores divided by <see cref="Workers"/>.</summary>
    public int ThreadsPerWorker { get; init; }

    public string Name { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The node's token, for a coordinator with a token file (null: none). Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>Not the token.</summary>
    public override string ToString() => $"party node '{Name}' for {Coordinator}";

    /// <summary>How long to keep retrying registration while the coordinator is not up yet.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>After the coordinator says stop, how long results already being submitted may take to be acknowledged.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The node's clock: registration deadlines, heartbeat deadlines and the wait and download timings.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often a standby node (every party already hosted) asks again for a share.</summary>
    public TimeSpan StandbyPoll { get; init; } = TimeSpan.FromSeconds(2);
}
