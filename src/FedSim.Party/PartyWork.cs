using FedSim.Core.Algorithms;
using FedSim.Core.Weights;

namespace FedSim.Party;

/// <summary>One task for a hosted party: the round, its data, its shuffling seed, the global model and what the strategy told it.</summary>
internal sealed record PartyWork(int Round, int PartyId, int[] DataIdxs, int Seed, ModelWeights Global, PartyInstructions Instructions);
