namespace FedSim.Core.Metrics;

/// <summary>Update heterogeneity for one party in one round.</summary>
public sealed record PartyUpdateStats(int PartyId, double UpdateNorm, double CosineToAggregate, double TrainSeconds, double TrainLoss, long NumExamples);
