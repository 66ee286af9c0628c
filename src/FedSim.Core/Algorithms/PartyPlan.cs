namespace FedSim.Core.Algorithms;

/// <summary>One party taking part in a round, and what it is told beside the global model.</summary>
public sealed record PartyPlan(int PartyId, PartyInstructions Instructions);
