namespace FedSim.Core.Algorithms;

/// <summary>A round's participants, in the order they are announced, each with its instructions.</summary>
public sealed record RoundPlan(IReadOnlyList<PartyPlan> Parties);
