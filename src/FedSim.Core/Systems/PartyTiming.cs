namespace FedSim.Core.Systems;

/// <summary>One sampled party as the clock sees it: its simulated seconds, whether it really answered, and whether it dropped out.</summary>
public sealed record PartyTiming(int PartyId, double Seconds, bool Answered, bool Dropped);
