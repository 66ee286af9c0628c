using FedSim.Core.Weights;

namespace FedSim.Core.LocalTraining;

/// <summary>
/// Adds <c>(mu / 2) ||w - anchor||^2</c> to the local loss: every gradient gets <c>mu (w - anchor)</c> before weight
/// decay (FedProx, with the round's global model as the anchor).
/// </summary>
public sealed record ProximalTerm(double Mu, ModelWeights Anchor) : ILocalHook;
