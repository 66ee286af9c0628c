namespace FedSim.Core.Systems;

/// <summary>A round under the simulated clock: every sampled party's verdict and the round's simulated seconds.</summary>
public sealed record RoundTiming(IReadOnlyDictionary<int, PartyVerdict> Verdicts, double Seconds);
