using FedSim.Core.Weights;
using FedSim.Training;

namespace FedSim.Party;

/// <summary>A finished task: the trained model with its figures, and the payloads the algorithm returns beside it.</summary>
internal sealed record PartyTrained(LocalTrainingResult Result, IReadOnlyDictionary<string, ModelWeights> Payloads);
