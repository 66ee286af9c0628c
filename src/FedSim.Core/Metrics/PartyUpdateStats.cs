namespace FedSim.Core.Metrics;

/// <summary>One party's update figures: <c>||w_i - w_global||</c> and the cosine to the aggregated update (NaN when not kept).</summary>
public sealed record PartyUpdateStats(int PartyId, double UpdateNorm, double CosineToAggregate);
