using FedSim.Core.Algorithms;
using FedSim.Core.Weights;

namespace FedSim.Core.LocalTraining;

/// <summary>One party's work in one round, as its party half sees it: the global model and what it was told.</summary>
public sealed record PartyTask(int Round, int PartyId, ModelWeights Global, PartyInstructions Instructions);
