using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// One party's finished update in asynchronous FL: its model, the global model it started from, its data size, and
/// its staleness (server steps between its start and its arrival).
/// </summary>
public sealed record AsyncUpdate(int PartyId, ModelWeights Weights, ModelWeights Start, long NumExamples, int Staleness);
