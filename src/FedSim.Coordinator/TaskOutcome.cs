using FedSim.Core.Algorithms;

namespace FedSim.Coordinator;

/// <summary>How one task ended: a result, or a failure reason.</summary>
public sealed record TaskOutcome(PartyResult? Result, string? Failure)
{
    public bool Ok => Result is not null;

    public static TaskOutcome Success(PartyResult result) => new(result, null);

    public static TaskOutcome Failed(string reason) => new(null, reason);
}
