namespace FedSim.Core.Algorithms;

/// <summary>A sampled party that did not deliver: it reported an error, its node vanished, or it missed the deadline.</summary>
public sealed record PartyFailure(int PartyId, string Reason);
