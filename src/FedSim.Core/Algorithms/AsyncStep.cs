using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>A server step of asynchronous FL: the new global model, the updates it applied and the strategy's figures.</summary>
public sealed record AsyncStep(ModelWeights Global, IReadOnlyList<AsyncUpdate> Applied, IReadOnlyDictionary<string, object> Metrics);
