namespace FedSim.Core.Systems;

/// <summary>What the simulated clock made of one sampled party in a round.</summary>
public enum PartyVerdict
{
    /// <summary>Aggregated.</summary>
    Counted,

    /// <summary>Its simulated time exceeded <c>system.deadline_s</c>.</summary>
    Deadline,

    /// <summary>Over-committed and not among the first k to finish.</summary>
    Late,

    /// <summary>Vanished mid-round (<c>system.dropout</c>).</summary>
    Dropout,

    /// <summary>Failed for real (an error, a node gone): no simulated time.</summary>
    Failed,
}
